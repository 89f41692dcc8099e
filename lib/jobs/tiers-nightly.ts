import "server-only";
import { sql } from "drizzle-orm";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { reevaluateTiers } from "@/lib/tiers/apply";

/** The nightly pass: deals age out of the 90-day window, streaks and monthly titles settle. */
export async function reevaluateAllPartners(tx: Tx, now = new Date()) {
  const today = now.toISOString().slice(0, 10);
  const partners = await rows<{ id: string }>(
    tx,
    sql`select id from public.partners where kind in ('program', 'isv_and_program')`,
  );
  const changes = await reevaluateTiers(
    tx,
    partners.map((p) => p.id),
    { today, reason: "Nightly re-evaluation of the trailing 90 days" },
  );
  const awarded = await evaluateAchievements(tx, "all", now, 3);
  return { tierChanges: changes.length, ...awarded };
}
