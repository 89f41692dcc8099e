import type { SQL } from "drizzle-orm";

export const ALERT_RULE_KEYS = [
  "opportunity_stagnation",
  "close_date",
  "high_value_change",
  "relationship_maintenance",
  "goal_milestone",
  "task_overdue",
  "commission_approval",
] as const;
export type AlertRuleKey = (typeof ALERT_RULE_KEYS)[number];

export const ALERT_PRIORITIES = ["low", "medium", "high", "critical"] as const;
export type AlertPriority = (typeof ALERT_PRIORITIES)[number];

export const ALERT_CATEGORIES = ["pipeline", "relationship", "goals", "tasks", "commissions"] as const;
export type AlertCategory = (typeof ALERT_CATEGORIES)[number];

export const ALERT_STATUSES = ["open", "acknowledged", "snoozed", "dismissed", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** One alert a rule wants to raise; the engine dedupes, caps and stores it. */
export interface AlertCandidate {
  ruleKey: AlertRuleKey;
  userId: string;
  /** Names the condition instance, e.g. `stagnation:<oppId>:<stage entered at>`: one alert per person and condition. */
  dedupeKey: string;
  priority: AlertPriority;
  category: AlertCategory;
  title: string;
  body: string;
  link: string;
  recommendedAction: string;
  entityType: "opportunity" | "partner" | "goal" | "task" | "commission";
  entityId: string;
  /** When the condition began: older conditions win when a person's daily cap is reached. */
  since: Date;
}

export interface RuleContext<T> {
  now: Date;
  /** `now` as a UTC calendar date, YYYY-MM-DD. */
  today: string;
  thresholds: T;
  priority: AlertPriority;
  /** Set when the evaluation follows a change to these deals: deal rules look at them only. */
  opportunityIds?: readonly string[];
}

/** Every row a rule's query returns carries the recipient, the condition's key and when it began. */
export interface RuleRow {
  user_id: string;
  dedupe_key: string;
  since: string | Date;
}

export interface AlertRuleDefinition<T, R extends RuleRow> {
  key: AlertRuleKey;
  category: AlertCategory;
  /** Deal rules run after a deal changes as well as on the schedule. */
  opportunityScoped: boolean;
  query(ctx: RuleContext<T>): SQL;
  build(row: R, ctx: RuleContext<T>): AlertCandidate;
  /**
   * A condition that can clear (a deal that moved, a task done): its alert is resolved, with this reason,
   * once the query no longer returns it. Absent for rules that report an event, which stays true.
   * `only` narrows which of the rule's alerts can clear (`a` is the alert row).
   */
  resolves?: { reason: string; only?: SQL };
}

const ORDER: Record<AlertPriority, number> = { low: 0, medium: 1, high: 2, critical: 3 };

/** Moves a priority up or down the scale, clamped at both ends. */
export function shiftPriority(base: AlertPriority, by: number): AlertPriority {
  const next = Math.min(3, Math.max(0, ORDER[base] + by));
  return ALERT_PRIORITIES[next]!;
}

export const priorityRank = (p: AlertPriority) => ORDER[p];

export const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (floored). */
export function daysBetween(from: Date | string, to: Date): number {
  const start =
    typeof from === "string" ? Date.parse(from.length === 10 ? `${from}T00:00:00Z` : from) : from.getTime();
  return Math.floor((to.getTime() - start) / DAY_MS);
}

export const toDate = (value: string | Date) => (value instanceof Date ? value : new Date(value));
