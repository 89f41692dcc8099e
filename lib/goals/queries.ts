import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { quarterlyGoals } from "@/lib/db/schema";

export type QuarterlyGoal = typeof quarterlyGoals.$inferSelect;

/** Every target (company, domain, person) set for one quarter. */
export function listQuarterGoals(tx: Tx, period: { year: number; quarter: number }): Promise<QuarterlyGoal[]> {
  return tx
    .select()
    .from(quarterlyGoals)
    .where(and(eq(quarterlyGoals.year, period.year), eq(quarterlyGoals.quarter, period.quarter)));
}
