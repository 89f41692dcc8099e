import "server-only";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { loadFx, recalculateOpportunity } from "./persist";

/** Recomputes commission lines in the same transaction as the deal change that affects them. */
export async function recalculateAfterChange(tx: Tx, opportunityIds: readonly string[]): Promise<void> {
  if (opportunityIds.length === 0) return;
  await systemStep(tx, "commissions.recalculate", async (stx) => {
    // The rates table is read once for the whole batch, not once per deal.
    const fx = await loadFx(stx);
    for (const id of opportunityIds) await recalculateOpportunity(stx, id, fx);
  });
}
