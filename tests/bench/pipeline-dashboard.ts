import type { Tx } from "../../lib/db/connection";
import { getQuarterSnapshot } from "../../lib/dashboard/queries";

/** The data the dashboard page loads, through the same query functions the page calls. */
export async function dashboardLoad(tx: Tx) {
  return getQuarterSnapshot(tx);
}
