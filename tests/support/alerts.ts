import type { Connection } from "@/lib/db/connection";
import { evaluateAlerts } from "@/lib/alerts/engine";
import { withSystem } from "@/lib/db/session";

export const DAY = 86_400_000;

/** Today plus `plusDays` as a UTC calendar date. */
export const isoDay = (plusDays = 0) => new Date(Date.now() + plusDays * DAY).toISOString().slice(0, 10);

/** The Monday of a date's week (tasks carry their week). */
export const mondayOf = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * DAY).toISOString().slice(0, 10);
};

/** Every enabled rule at `now`, as the scheduled job runs them. */
export const evaluateAt = (conn: Connection, now = new Date()) =>
  withSystem("test.alerts", (tx) => evaluateAlerts(tx, now), conn);
