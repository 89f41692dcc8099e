import type { Tx } from "../../lib/db/connection";
import { getDashboard, inTransaction } from "../../lib/dashboard/queries";

/** The data the dashboard page loads, in one transaction (the page may spread the reads over several). */
export function dashboardLoad(tx: Tx) {
  return getDashboard(inTransaction(tx), new Date());
}
