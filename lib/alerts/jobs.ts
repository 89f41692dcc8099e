import "server-only";
import { withSystem } from "@/lib/db/session";
import { sendAlertDigests } from "./digest";
import { evaluateAlerts } from "./engine";

/** Scheduled job: every enabled rule over all records, and snoozes that ran out come back. */
export function runAlertEvaluation(now: Date = new Date()) {
  return withSystem("alerts.evaluate", (tx) => evaluateAlerts(tx, now));
}

/** Scheduled job (daily): the email digest for people who switched it on. */
export function runAlertDigests(now: Date = new Date()) {
  return withSystem("alerts.digest", (tx) => sendAlertDigests(tx, now));
}
