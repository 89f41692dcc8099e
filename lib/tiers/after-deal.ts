import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { reevaluateTiers } from "./apply";

/** Referring partners of these deals, re-evaluated in the deal change's transaction (caller holds a system step). */
export async function reevaluateTiersForDeals(
  tx: Tx,
  opportunityIds: readonly string[],
  today = new Date().toISOString().slice(0, 10),
) {
  if (opportunityIds.length === 0) return [];
  const found = await rows<{ partner_id: string }>(
    tx,
    sql`select distinct referring_partner_id as partner_id from public.opportunities
        where id in (${sql.join(
          opportunityIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and referring_partner_id is not null`,
  );
  return reevaluateTiers(
    tx,
    found.map((r) => r.partner_id),
    { today, reason: "A referred deal was won or reopened" },
  );
}
