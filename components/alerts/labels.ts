import type { AlertCategory, AlertPriority, AlertRuleKey } from "@/lib/alerts/types";

export const RULE_LABELS: Record<AlertRuleKey, { label: string; description: string }> = {
  opportunity_stagnation: {
    label: "Stalled deals",
    description: "An open deal has not changed stage for the set number of days. Goes to the deal's owner.",
  },
  close_date: {
    label: "Close date",
    description: "An open deal's expected close date is near or has passed. Goes to the deal's owner.",
  },
  high_value_change: {
    label: "High-value changes",
    description:
      "A deal worth at least the amount was created, moved, won, lost or changed value. Goes to the VP and the owner, not to whoever made the change.",
  },
  relationship_maintenance: {
    label: "Partner contact",
    description:
      "No interaction logged with an active partner for too long. High priority: ISV partners and the two highest tiers; medium: other tiers and onboarding partners; low: the rest. Goes to the partner's owner.",
  },
  goal_milestone: {
    label: "Goal milestones",
    description:
      "This quarter's goal reached the milestone, reached 100 %, or fell behind pace after the grace days. Personal goals go to their owner, domain and company goals to the VP.",
  },
  task_overdue: {
    label: "Overdue tasks",
    description:
      "A task is past its due date. Goes to the assignee, and to the VP once it is late by more than the set days.",
  },
  commission_approval: {
    label: "Commissions to approve",
    description:
      "Earned partner commissions have been ready to approve for longer than the set days. Goes to finance.",
  },
};

export const PRIORITY_LABELS: Record<AlertPriority, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
};

export const PRIORITY_BADGE: Record<AlertPriority, "destructive" | "warning" | "secondary" | "outline"> = {
  critical: "destructive",
  high: "warning",
  medium: "secondary",
  low: "outline",
};

export const CATEGORY_LABELS: Record<AlertCategory, string> = {
  pipeline: "Pipeline",
  relationship: "Partners",
  goals: "Goals",
  tasks: "Tasks",
  commissions: "Commissions",
};
