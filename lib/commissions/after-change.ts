import "server-only";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { recalculateCommissions } from "./persist";

/** Recomputes commission schedules in the same transaction as the deal change that affects them. */
export async function recalculateAfterChange(tx: Tx, opportunityIds: readonly string[]): Promise<void> {
  if (opportunityIds.length === 0) return;
  await systemStep(tx, "commissions.recalculate", (stx) => recalculateCommissions(stx, { opportunityIds }));
}
