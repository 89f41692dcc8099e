import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { recordTaskEvents } from "./events";
import { addDays, isoDate, weekStartOf } from "./week";

export const templateKeyOf = (templateId: string) => `stage-template:${templateId}`;

interface TemplateRow {
  id: string;
  title: string;
  priority: "low" | "medium" | "high" | "urgent";
  due_in_days: number;
}

/**
 * After a move into `stageId`, creates the stage's checklist for the deal's owner (or the mover when the
 * owner is no longer an active teammate), linked to the deal, due today + due_in_days. Items the deal
 * already has open are skipped, so a repeated or bounced move never duplicates the checklist.
 * Runs as the mover, in the move's transaction.
 */
export async function createStageTasks(
  tx: Tx,
  opportunityId: string,
  stageId: string,
  actorId: string,
  now: Date = new Date(),
): Promise<number> {
  const templates = await rows<TemplateRow>(
    tx,
    sql`select tt.id, tt.title, tt.priority, tt.due_in_days from public.task_templates tt
      where tt.stage_id = ${stageId}
        and not exists (select 1 from public.tasks t where t.opportunity_id = ${opportunityId}
          and t.template_key = 'stage-template:' || tt.id::text and t.completed_at is null)
      order by tt.position, tt.created_at`,
  );
  if (templates.length === 0) return 0;
  const [owner] = await rows<{ id: string }>(
    tx,
    sql`select p.id from public.opportunities o join public.profiles p on p.id = o.owner_id
      where o.id = ${opportunityId} and p.role <> 'partner' and p.deactivated_at is null`,
  );
  const assigneeId = owner?.id ?? actorId;
  const today = isoDate(now);
  const values = templates.map((t) => {
    const due = addDays(today, t.due_in_days);
    return sql`(${t.title}, ${t.priority}::public.task_priority, 'opportunity'::public.task_category, ${opportunityId}::uuid,
      ${assigneeId}::uuid, ${actorId}::uuid, ${assigneeId === actorId ? null : actorId}::uuid, ${due}::date, ${weekStartOf(due)}::date, ${templateKeyOf(t.id)})`;
  });
  const created = await rows<{ id: string; template_key: string }>(
    tx,
    sql`insert into public.tasks (title, priority, category, opportunity_id, assignee_id, created_by, delegated_by, due_date, week_start, template_key)
      values ${sql.join(values, sql`, `)} returning id, template_key`,
  );
  await recordTaskEvents(
    tx,
    actorId,
    created.map((t) => ({
      taskId: t.id,
      kind: "created" as const,
      detail: { source: "stage_template", stageId, templateKey: t.template_key },
    })),
  );
  return created.length;
}
