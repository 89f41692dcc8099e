import type { Tx } from "../../lib/db/connection";
import { getDashboard } from "../../lib/dashboard/queries";

/** The data the dashboard page loads, through the same query function the page calls. */
export function dashboardLoad(tx: Tx) {
  return getDashboard(tx, new Date());
}
