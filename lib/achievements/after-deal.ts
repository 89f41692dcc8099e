import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { evaluateAchievements } from "./evaluate";

/** Badges and XP of the referring partners of these deals (caller holds a system step). */
export async function evaluateAchievementsForDeals(tx: Tx, opportunityIds: readonly string[]) {
  if (opportunityIds.length === 0) return { achievements: 0, xp: 0 };
  const found = await rows<{ partner_id: string }>(
    tx,
    sql`select distinct referring_partner_id as partner_id from public.opportunities
        where id in (${sql.join(
          opportunityIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and referring_partner_id is not null`,
  );
  return evaluateAchievements(
    tx,
    found.map((r) => r.partner_id),
  );
}
