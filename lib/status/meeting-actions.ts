"use server";

import { defineAction } from "@/lib/actions/safe-action";
import { tasks, taskEvents } from "@/lib/db/schema";
import { decisionSchema } from "./schemas";
import { weekStartOf } from "./week";

/** A meeting decision becomes a task for a teammate, with its 'created' history event, in one transaction. */
export const recordDecisionAction = defineAction({
  roles: ["vp"],
  schema: decisionSchema,
  handler: async (input, { tx, user }) => {
    const [task] = await tx
      .insert(tasks)
      .values({
        title: input.title,
        notes: "Decided in the weekly meeting",
        priority: input.priority,
        category: "admin",
        assigneeId: input.assigneeId,
        createdBy: user.id,
        delegatedBy: input.assigneeId === user.id ? null : user.id,
        dueDate: input.dueDate ?? null,
        weekStart: weekStartOf(new Date()),
      })
      .returning({ id: tasks.id });
    await tx
      .insert(taskEvents)
      .values({ taskId: task!.id, kind: "created", actorId: user.id, detail: { source: "meeting" } });
    return { id: task!.id };
  },
});
