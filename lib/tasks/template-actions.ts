"use server";

import { and, asc, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { rows } from "@/lib/db/rows";
import { taskTemplates } from "@/lib/db/schema";
import { moveTaskTemplateSchema, taskTemplateSchema, updateTaskTemplateSchema } from "./schemas";

const PATH = "/settings/tasks";

export const createTaskTemplateAction = defineAction({
  roles: ["vp"],
  schema: taskTemplateSchema,
  handler: async (input, { tx }) => {
    const [{ next }] = (await rows<{ next: number }>(
      tx,
      sql`select coalesce(max(position), -1)::int + 1 as next from public.task_templates where stage_id = ${input.stageId}`,
    )) as [{ next: number }];
    const [row] = await tx
      .insert(taskTemplates)
      .values({ ...input, position: next })
      .returning({ id: taskTemplates.id });
    revalidatePath(PATH);
    return row!;
  },
});

export const updateTaskTemplateAction = defineAction({
  roles: ["vp"],
  schema: updateTaskTemplateSchema,
  handler: async ({ id, ...values }, { tx }) => {
    const updated = await tx
      .update(taskTemplates)
      .set(values)
      .where(eq(taskTemplates.id, id))
      .returning({ id: taskTemplates.id });
    if (updated.length === 0) throw new ActionError(404, "This checklist item no longer exists");
    revalidatePath(PATH);
    return { id };
  },
});

export const deleteTaskTemplateAction = defineAction({
  roles: ["vp"],
  schema: z.strictObject({ id: z.uuid({ error: "Unknown template" }) }),
  handler: async ({ id }, { tx }) => {
    const deleted = await tx
      .delete(taskTemplates)
      .where(eq(taskTemplates.id, id))
      .returning({ id: taskTemplates.id });
    if (deleted.length === 0) throw new ActionError(404, "This checklist item no longer exists");
    revalidatePath(PATH);
    return { id };
  },
});

/** Swaps an item with its neighbour in the stage's checklist; positions are renumbered 0..n so they stay dense. */
export const moveTaskTemplateAction = defineAction({
  roles: ["vp"],
  schema: moveTaskTemplateSchema,
  handler: async ({ id, direction }, { tx }) => {
    const [item] = await tx
      .select({ stageId: taskTemplates.stageId })
      .from(taskTemplates)
      .where(eq(taskTemplates.id, id));
    if (!item) throw new ActionError(404, "This checklist item no longer exists");
    const siblings = await tx
      .select({ id: taskTemplates.id })
      .from(taskTemplates)
      .where(eq(taskTemplates.stageId, item.stageId))
      .orderBy(asc(taskTemplates.position), asc(taskTemplates.createdAt));
    const order = siblings.map((s) => s.id);
    const from = order.indexOf(id);
    const to = direction === "up" ? from - 1 : from + 1;
    if (to < 0 || to >= order.length) return { id, moved: false };
    [order[from], order[to]] = [order[to]!, order[from]!];
    for (const [position, templateId] of order.entries()) {
      await tx
        .update(taskTemplates)
        .set({ position })
        .where(and(eq(taskTemplates.id, templateId), eq(taskTemplates.stageId, item.stageId)));
    }
    revalidatePath(PATH);
    return { id, moved: true };
  },
});
