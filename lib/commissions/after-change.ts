import "server-only";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { evaluateAchievementsForDeals } from "@/lib/achievements/after-deal";
import { evaluateAlerts } from "@/lib/alerts/engine";
import { reevaluateTiersForDeals } from "@/lib/tiers/after-deal";
import { recalculateCommissions } from "./persist";

/**
 * What follows a deal change, in the same transaction and one system step: the commission schedules,
 * then (for a referred deal won or reopened) its partner's tier, badges and XP, then the deal alert rules.
 */
export async function recalculateAfterChange(tx: Tx, opportunityIds: readonly string[]): Promise<void> {
  if (opportunityIds.length === 0) return;
  await systemStep(tx, "deals.after-change", async (stx) => {
    await recalculateCommissions(stx, { opportunityIds });
    await reevaluateTiersForDeals(stx, opportunityIds);
    await evaluateAchievementsForDeals(stx, opportunityIds);
    await evaluateAlerts(stx, new Date(), { opportunityIds });
  });
}
