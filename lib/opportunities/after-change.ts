import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows, runAfterCommit } from "@/lib/db/session";
import { evaluateAchievementsForDeals } from "@/lib/achievements/after-deal";
import { evaluateAlerts } from "@/lib/alerts/engine";
import { refreshAlerts } from "@/lib/alerts/refresh";
import { reevaluateTiersForDeals } from "@/lib/tiers/after-deal";
import { recalculateCommissions } from "@/lib/commission-records/persist";

/**
 * What follows a deal change: the request queues the deal ids in its own commit (a security definer
 * function, so a role never changes inside it), and the "deals.after-change" job drains them right
 * after the commit, so the effect is visible when the action returns and is never lost.
 */
export async function recalculateAfterChange(tx: Tx, opportunityIds: readonly string[]): Promise<void> {
  if (opportunityIds.length === 0) return;
  const ids = [...new Set(opportunityIds)];
  await tx.execute(sql`select private.queue_deal_changes(${`{${ids.join(",")}}`}::uuid[])`);
  runAfterCommit(tx, "deals.after-change", (sys) => drainDealChanges(sys, ids));
}

/**
 * Takes queued deals (the given ones, or the oldest when none are named) and recalculates their
 * commission schedules, then (for a referred deal won or reopened) its partner's tier, badges and XP,
 * then the deal alert rules and the goals (alerts whose condition cleared are resolved). Runs as a system job; idempotent, and a failure leaves the queue intact.
 */
export async function drainDealChanges(sys: Tx, only?: readonly string[], limit = 500): Promise<{ deals: number }> {
  const filter = only ? sql`opportunity_id = any(${`{${only.join(",")}}`}::uuid[])` : sql`true`;
  const taken = await rows<{ opportunity_id: string }>(
    sys,
    sql`delete from public.deal_change_queue where id in (
          select id from public.deal_change_queue where ${filter} order by queued_at limit ${limit} for update skip locked)
        returning opportunity_id`,
  );
  const opportunityIds = taken.map((t) => t.opportunity_id);
  if (opportunityIds.length === 0) return { deals: 0 };
  await recalculateCommissions(sys, { opportunityIds });
  await reevaluateTiersForDeals(sys, opportunityIds);
  await evaluateAchievementsForDeals(sys, opportunityIds);
  // The deals' own alerts first (a moved deal is no longer stalled), then the goals a win or a reopening moved.
  const now = new Date();
  await refreshAlerts(sys, now, { entityIds: opportunityIds, rules: ["opportunity_stagnation", "close_date"] });
  await refreshAlerts(sys, now, { rules: ["goal_milestone"] });
  await evaluateAlerts(sys, now, { opportunityIds });
  await evaluateAlerts(sys, now, { rules: ["goal_milestone"] });
  return { deals: opportunityIds.length };
}
