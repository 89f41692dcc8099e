import "server-only";
import { desc } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { fxRates } from "@/lib/db/schema";

export type FxRateRow = typeof fxRates.$inferSelect;

/** The newest dated FX rates first, for the rates settings page. */
export function listRecentFxRates(tx: Tx, limit = 200): Promise<FxRateRow[]> {
  return tx.select().from(fxRates).orderBy(desc(fxRates.rateDate), fxRates.base).limit(limit);
}
