import "server-only";
import type { Tx } from "@/lib/db/connection";
import { runAfterCommit, withSystem } from "@/lib/db/session";
import { sendAlertDigests } from "./digest";
import { evaluateAlerts } from "./engine";
import { refreshAlerts, type RefreshScope } from "./refresh";
import type { AlertRuleKey } from "./types";

/** Scheduled job: alerts whose conditions cleared are resolved, then every enabled rule over all records. */
export function runAlertEvaluation(now: Date = new Date()) {
  return withSystem("alerts.evaluate", async (tx) => {
    const refreshed = await refreshAlerts(tx, now);
    return { ...(await evaluateAlerts(tx, now)), ...refreshed };
  });
}

/** Scheduled job (daily): the email digest for people who switched it on. */
export function runAlertDigests(now: Date = new Date()) {
  return withSystem("alerts.digest", (tx) => sendAlertDigests(tx, now));
}

/**
 * Before an alert list is read: its alerts checked against live data (a person's own, or everyone's for
 * the VP's team view), so it shows what is true now.
 */
export function refreshAlertsOf(userId: string | null, now: Date = new Date()) {
  return withSystem("alerts.refresh", (tx) => refreshAlerts(tx, now, userId ? { userId } : {}));
}

/**
 * After a change to some records commits (a task completed or rescheduled): the alerts about them are
 * re-evaluated in the "alerts.refresh" job; the scheduled evaluation makes good a refresh that was lost.
 */
export function refreshAlertsAfterCommit(tx: Tx, rules: readonly AlertRuleKey[], entityIds: readonly string[]): void {
  if (entityIds.length === 0) return;
  const scope: RefreshScope = { rules, entityIds: [...new Set(entityIds)] };
  runAfterCommit(tx, "alerts.refresh", (sys) => refreshAlerts(sys, new Date(), scope));
}
