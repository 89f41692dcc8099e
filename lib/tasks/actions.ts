"use server";

import { and, eq, inArray, isNull } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { refreshAlertsAfterCommit } from "@/lib/alerts/jobs";
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/connection";
import { tasks } from "@/lib/db/schema";
import { guardTaskWrite } from "./errors";
import { recordTaskEvents } from "./events";
import {
  bulkTasksSchema,
  createTaskSchema,
  setCompletedSchema,
  updateTaskSchema,
  type BulkTasksInput,
} from "./schemas";
import { createTask, getTaskStateOrThrow, planUpdate, weekFor } from "./write";
import { isoDate, weekStartOf } from "./week";

/** A task's overdue alerts follow it: done, rescheduled, reassigned or deleted, they resolve. */
const TASK_RULES = ["task_overdue"] as const;

export const createTaskAction = defineAction({
  roles: STAFF_ROLES,
  schema: createTaskSchema,
  handler: async (input, { tx, user }) => {
    const task = await createTask(tx, input, user.id, new Date());
    revalidatePath("/tasks");
    return task;
  },
});

export const updateTaskAction = defineAction({
  roles: STAFF_ROLES,
  schema: updateTaskSchema,
  handler: async (input, { tx, user }) => {
    const before = await getTaskStateOrThrow(tx, input.id);
    const { set, events } = planUpdate(before, input, user.id, new Date());
    if (events.length === 0) return { id: input.id, changed: false };
    // History first: after a delegation the task may no longer be visible to its former assignee.
    await recordTaskEvents(tx, user.id, events);
    await guardTaskWrite(() => tx.update(tasks).set(set).where(eq(tasks.id, input.id)));
    refreshAlertsAfterCommit(tx, TASK_RULES, [input.id]);
    revalidatePath("/tasks");
    return { id: input.id, changed: true };
  },
});

export const setTaskCompletedAction = defineAction({
  roles: STAFF_ROLES,
  schema: setCompletedSchema,
  handler: async ({ id, completed }, { tx, user }) => {
    const before = await getTaskStateOrThrow(tx, id);
    if (Boolean(before.completedAt) === completed) return { id, changed: false };
    await tx
      .update(tasks)
      .set({ completedAt: completed ? new Date() : null })
      .where(eq(tasks.id, id));
    await recordTaskEvents(tx, user.id, [{ taskId: id, kind: completed ? "completed" : "reopened" }]);
    refreshAlertsAfterCommit(tx, TASK_RULES, [id]);
    revalidatePath("/tasks");
    return { id, changed: true };
  },
});

async function completeMany(tx: Tx, ids: string[], userId: string) {
  const done = await tx
    .update(tasks)
    .set({ completedAt: new Date() })
    .where(and(inArray(tasks.id, ids), isNull(tasks.completedAt)))
    .returning({ id: tasks.id });
  await recordTaskEvents(
    tx,
    userId,
    done.map((t) => ({ taskId: t.id, kind: "completed" as const })),
  );
  return done.length;
}

async function rescheduleMany(tx: Tx, ids: string[], dueDate: string, userId: string, now: Date) {
  if (dueDate < isoDate(now))
    throw new ActionError(422, "Pick today or a later date", { dueDate: ["Pick today or a later date"] });
  const open = await tx
    .select({ id: tasks.id, dueDate: tasks.dueDate, weekStart: tasks.weekStart })
    .from(tasks)
    .where(and(inArray(tasks.id, ids), isNull(tasks.completedAt)));
  const weekStart = weekFor(dueDate, weekStartOf(now), weekStartOf(now));
  await recordTaskEvents(
    tx,
    userId,
    open.map((t) => ({
      taskId: t.id,
      kind: "rescheduled" as const,
      detail: { from: t.dueDate, to: dueDate, fromWeek: t.weekStart, toWeek: weekStart },
    })),
  );
  if (open.length)
    await tx
      .update(tasks)
      .set({ dueDate, weekStart })
      .where(
        inArray(
          tasks.id,
          open.map((t) => t.id),
        ),
      );
  return open.length;
}

async function deleteMany(tx: Tx, ids: string[]) {
  // RLS lets only the creator or the VP delete; others' tasks in the selection are left alone.
  const deleted = await tx.delete(tasks).where(inArray(tasks.id, ids)).returning({ id: tasks.id });
  return deleted.length;
}

/** Complete, reschedule or delete a selection in one transaction; tasks the user may not change are skipped, not failed. */
export const bulkTasksAction = defineAction({
  roles: STAFF_ROLES,
  schema: bulkTasksSchema,
  handler: async (input: BulkTasksInput, { tx, user }) => {
    const ids = [...new Set(input.ids)];
    const changed =
      input.op === "complete"
        ? await completeMany(tx, ids, user.id)
        : input.op === "reschedule"
          ? await rescheduleMany(tx, ids, input.dueDate, user.id, new Date())
          : await deleteMany(tx, ids);
    refreshAlertsAfterCommit(tx, TASK_RULES, ids);
    revalidatePath("/tasks");
    return { op: input.op, changed, skipped: ids.length - changed };
  },
});
