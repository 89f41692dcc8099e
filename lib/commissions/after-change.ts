import "server-only";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { evaluateAchievementsForDeals } from "@/lib/achievements/after-deal";
import { reevaluateTiersForDeals } from "@/lib/tiers/after-deal";
import { recalculateCommissions } from "./persist";

/** Recomputes commission schedules in the same transaction as the deal change that affects them. */
export async function recalculateAfterChange(tx: Tx, opportunityIds: readonly string[]): Promise<void> {
  if (opportunityIds.length === 0) return;
  await systemStep(tx, "commissions.recalculate", (stx) => recalculateCommissions(stx, { opportunityIds }));
  // A referred deal won or reopened moves its partner's tier, badges and XP in the same commit.
  await systemStep(tx, "tiers.reevaluate", async (stx) => {
    await reevaluateTiersForDeals(stx, opportunityIds);
    await evaluateAchievementsForDeals(stx, opportunityIds);
  });
}
