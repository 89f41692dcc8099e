import "server-only";
import { eq } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { tasks } from "@/lib/db/schema";
import { guardTaskWrite } from "./errors";
import { recordTaskEvents, type TaskEventInput } from "./events";
import type { CreateTaskInput, UpdateTaskInput } from "./schemas";
import { weekStartOf } from "./week";

/** The week a task belongs to: the week of its due date, never earlier than the current week. */
export function weekFor(dueDate: string | null | undefined, fallback: string, currentWeek: string): string {
  const week = dueDate ? weekStartOf(dueDate) : fallback;
  return week < currentWeek ? currentWeek : week;
}

export function newTaskValues(input: CreateTaskInput, userId: string, now: Date): typeof tasks.$inferInsert {
  const currentWeek = weekStartOf(now);
  const assigneeId = input.assigneeId ?? userId;
  return {
    title: input.title,
    notes: input.notes ?? null,
    priority: input.priority,
    category: input.category,
    opportunityId: input.opportunityId ?? null,
    partnerId: input.partnerId ?? null,
    assigneeId,
    createdBy: userId,
    delegatedBy: assigneeId === userId ? null : userId,
    dueDate: input.dueDate ?? null,
    weekStart: weekFor(input.dueDate, input.weekStart ?? currentWeek, currentWeek),
  };
}

/**
 * Creates a task as `actorId` (RLS applies) with its 'created' event, and a 'delegated' one when it is
 * for someone else. Reusable by other features that turn things into tasks (meeting decisions).
 */
export async function createTask(tx: Tx, input: CreateTaskInput, actorId: string, now: Date = new Date()) {
  const values = newTaskValues(input, actorId, now);
  const [task] = await guardTaskWrite(() =>
    tx.insert(tasks).values(values).returning({ id: tasks.id, weekStart: tasks.weekStart }),
  );
  const events: TaskEventInput[] = [{ taskId: task!.id, kind: "created", detail: { title: values.title } }];
  if (values.assigneeId !== actorId)
    events.push({ taskId: task!.id, kind: "delegated", detail: { to: values.assigneeId } });
  await recordTaskEvents(tx, actorId, events);
  return task!;
}

const taskState = {
  id: tasks.id,
  title: tasks.title,
  notes: tasks.notes,
  priority: tasks.priority,
  category: tasks.category,
  opportunityId: tasks.opportunityId,
  partnerId: tasks.partnerId,
  assigneeId: tasks.assigneeId,
  dueDate: tasks.dueDate,
  weekStart: tasks.weekStart,
  completedAt: tasks.completedAt,
};

export type TaskState = Awaited<ReturnType<typeof getTaskStateOrThrow>>;

/** The task as the caller may change it: RLS hides tasks that are not theirs (unless VP), which reads as not found. */
export async function getTaskStateOrThrow(tx: Tx, id: string) {
  const [row] = await tx.select(taskState).from(tasks).where(eq(tasks.id, id));
  if (!row) throw new ActionError(404, "This task no longer exists, or it is not yours to change");
  return row;
}

const EDITABLE = ["title", "notes", "priority", "category", "opportunityId", "partnerId"] as const;

/** What an edit changes, and the history it leaves: edited fields, a delegation, a new due date. */
export function planUpdate(before: TaskState, input: UpdateTaskInput, userId: string, now: Date) {
  const assigneeId = input.assigneeId ?? before.assigneeId;
  const dueDate = input.dueDate ?? null;
  const set: Partial<typeof tasks.$inferInsert> = {};
  const edited: string[] = [];
  for (const key of EDITABLE) {
    const next = input[key] ?? null;
    if (next !== before[key]) {
      Object.assign(set, { [key]: next });
      edited.push(key);
    }
  }
  const events: TaskEventInput[] = [];
  if (edited.length) events.push({ taskId: before.id, kind: "edited", detail: { fields: edited } });
  if (assigneeId !== before.assigneeId) {
    Object.assign(set, { assigneeId, delegatedBy: userId });
    events.push({
      taskId: before.id,
      kind: "delegated",
      detail: { from: before.assigneeId, to: assigneeId },
    });
  }
  if (dueDate !== before.dueDate) {
    const currentWeek = weekStartOf(now);
    const weekStart = before.completedAt ? before.weekStart : weekFor(dueDate, before.weekStart, currentWeek);
    Object.assign(set, { dueDate, weekStart });
    events.push({
      taskId: before.id,
      kind: "rescheduled",
      detail: { from: before.dueDate, to: dueDate, fromWeek: before.weekStart, toWeek: weekStart },
    });
  }
  return { set, events };
}
