// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Thresholds } from "../schemas";
import { DAY_MS, shiftPriority, type AlertRuleDefinition, type RuleRow } from "../types";
import { ACTIVE_VPS, plural } from "./shared";

interface Row extends RuleRow {
  id: string;
  title: string;
  due_date: string;
  task_priority: "low" | "medium" | "high" | "urgent";
  escalation: boolean;
  assignee_name: string;
}

/**
 * A task past its due date and not completed alerts its assignee; once it is more than
 * `escalateAfterDays` late it also alerts the VPs (not a VP who is the assignee). Keyed by the due date,
 * so rescheduling starts over.
 */
export const taskOverdue: AlertRuleDefinition<Thresholds["task_overdue"], Row> = {
  key: "task_overdue",
  category: "tasks",
  opportunityScoped: false,
  query: (ctx) => sql`
    select t.assignee_id as user_id, 'task_overdue:' || t.id || ':' || t.due_date::text as dedupe_key, t.due_date::timestamptz as since,
      t.id, t.title, t.due_date::text as due_date, t.priority::text as task_priority, false as escalation, a.display_name as assignee_name
    from public.tasks t join public.profiles a on a.id = t.assignee_id
    where t.completed_at is null and t.due_date < ${ctx.today}::date
    union all
    select vp.id, 'task_escalated:' || t.id || ':' || t.due_date::text, t.due_date::timestamptz, t.id, t.title, t.due_date::text,
      t.priority::text, true, a.display_name
    from public.tasks t join public.profiles a on a.id = t.assignee_id cross join lateral (${ACTIVE_VPS}) vp
    where t.completed_at is null and t.due_date < ${ctx.today}::date - ${ctx.thresholds.escalateAfterDays}::int and vp.id <> t.assignee_id`,
  resolves: { reason: "The task was completed, rescheduled or reassigned." },
  build: (row, ctx) => {
    const late = Math.round(
      (Date.parse(`${ctx.today}T00:00:00Z`) - Date.parse(`${row.due_date}T00:00:00Z`)) / DAY_MS,
    );
    const urgent = row.task_priority === "urgent" || row.task_priority === "high" ? 1 : 0;
    return {
      ruleKey: "task_overdue",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      priority: shiftPriority(ctx.priority, urgent + (row.escalation ? 1 : 0)),
      category: "tasks",
      title: row.escalation
        ? `${row.assignee_name}'s task is ${plural(late, "day")} late: ${row.title}`
        : `Overdue task: ${row.title}`,
      body: `Due ${row.due_date} (${plural(late, "day")} ago), ${row.task_priority} priority, not completed.`,
      link: `/tasks?task=${row.id}`,
      recommendedAction: row.escalation
        ? `Ask ${row.assignee_name} what blocks the task, then reassign or reschedule it.`
        : "Finish the task, or reschedule or delegate it if the date no longer holds.",
      entityType: "task",
      entityId: row.id,
      since: new Date(`${row.due_date}T00:00:00Z`),
    };
  },
};
