// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import type { AlertRuleDefinition, AlertRuleKey, RuleRow } from "./types";
import { closeDate } from "./rules/close-date";
import { commissionApproval } from "./rules/commission-approval";
import { goalMilestone } from "./rules/goal-milestone";
import { highValueChange } from "./rules/high-value-change";
import { opportunityStagnation } from "./rules/opportunity-stagnation";
import { relationshipMaintenance } from "./rules/relationship-maintenance";
import { taskOverdue } from "./rules/task-overdue";

// Each rule has its own threshold and row types; the engine treats them alike.
type AnyRule = AlertRuleDefinition<never, RuleRow>;

export const ALERT_RULES: Record<AlertRuleKey, AnyRule> = {
  opportunity_stagnation: opportunityStagnation as unknown as AnyRule,
  close_date: closeDate as unknown as AnyRule,
  high_value_change: highValueChange as unknown as AnyRule,
  relationship_maintenance: relationshipMaintenance as unknown as AnyRule,
  goal_milestone: goalMilestone as unknown as AnyRule,
  task_overdue: taskOverdue as unknown as AnyRule,
  commission_approval: commissionApproval as unknown as AnyRule,
};
