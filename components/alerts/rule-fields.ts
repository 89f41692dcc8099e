import type { AlertRuleKey } from "@/lib/alerts/types";

export interface RuleField {
  /** Path under `thresholds`, dotted for nested values. */
  name: string;
  label: string;
  hint?: string;
}

/** The thresholds each rule's form asks for, in the shape its schema validates. */
export const RULE_FIELDS: Record<AlertRuleKey, RuleField[]> = {
  opportunity_stagnation: [{ name: "days", label: "Days without a stage move" }],
  close_date: [
    {
      name: "daysBefore",
      label: "Days before the close date",
      hint: "0 alerts only once the date has passed.",
    },
  ],
  high_value_change: [
    {
      name: "amount",
      label: "Deal value at least",
      hint: "Whole units of the workspace currency; compared with each deal in its own currency.",
    },
    { name: "withinDays", label: "Changes from the last (days)" },
  ],
  relationship_maintenance: [
    { name: "daysByPriority.high", label: "High-priority partners (days)" },
    { name: "daysByPriority.medium", label: "Medium-priority partners (days)" },
    { name: "daysByPriority.low", label: "Low-priority partners (days)" },
  ],
  goal_milestone: [
    { name: "milestonePercent", label: "Milestone (% of goal)" },
    { name: "behindPacePercent", label: "Behind pace below (% of straight-line pace)" },
    { name: "graceDays", label: "Grace days at the start of a quarter" },
  ],
  task_overdue: [{ name: "escalateAfterDays", label: "Escalate to the VP after (days late)" }],
  commission_approval: [{ name: "waitingDays", label: "Waiting for approval longer than (days)" }],
};

/** Flat form values → the nested thresholds object. */
export function nestThresholds(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(values)) {
    const parts = path.split(".");
    let target = out;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts.at(-1)!] = value;
  }
  return out;
}
