import { z } from "zod";

export const TASK_PRIORITIES = ["low", "medium", "high", "urgent"] as const;
export const TASK_CATEGORIES = ["opportunity", "partner", "admin"] as const;
export const TASK_STATUSES = ["open", "overdue", "done", "all"] as const;

export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export type TaskStatusFilter = (typeof TASK_STATUSES)[number];

const emptyToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);

const optionalUuid = (label: string) =>
  z.preprocess(emptyToNull, z.uuid({ error: `Choose a valid ${label}` }).nullish());

const dueDateSchema = z.preprocess(
  emptyToNull,
  z.iso
    .date({ error: "Use a date like 2026-12-31" })
    .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", { error: "Choose a date between 2000 and 2100" })
    .nullish(),
);

const mondaySchema = z.iso
  .date()
  .refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, { error: "A week starts on a Monday" });

/** The one task entity shared by the quick add, the edit sheet and the actions. */
export const taskSchema = z.strictObject({
  title: z
    .string({ error: "Give the task a title" })
    .trim()
    .min(1, { error: "Give the task a title" })
    .max(300, { error: "Keep the title under 300 characters" }),
  notes: z.preprocess(
    emptyToNull,
    z.string().trim().max(5000, { error: "Keep the notes under 5,000 characters" }).nullish(),
  ),
  priority: z.enum(TASK_PRIORITIES, { error: "Choose a priority" }).default("medium"),
  category: z.enum(TASK_CATEGORIES, { error: "Choose a category" }).default("admin"),
  opportunityId: optionalUuid("opportunity"),
  partnerId: optionalUuid("partner"),
  assigneeId: optionalUuid("teammate"),
  dueDate: dueDateSchema,
});

/** A link must match the category, so a task never points at a record of another kind. */
function linksMatchCategory(
  value: { category?: TaskCategory; opportunityId?: string | null; partnerId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (value.opportunityId && value.category !== "opportunity") {
    ctx.addIssue({
      code: "custom",
      path: ["opportunityId"],
      message: "Only opportunity tasks link to an opportunity",
    });
  }
  if (value.partnerId && value.category !== "partner") {
    ctx.addIssue({ code: "custom", path: ["partnerId"], message: "Only partner tasks link to a partner" });
  }
}

export const createTaskSchema = taskSchema
  .extend({ weekStart: z.preprocess(emptyToNull, mondaySchema.nullish()) })
  .superRefine(linksMatchCategory);

export const updateTaskSchema = taskSchema
  .extend({ id: z.uuid({ error: "Unknown task" }) })
  .superRefine(linksMatchCategory);

export const taskIdsSchema = z
  .array(z.uuid({ error: "Unknown task" }), { error: "Select at least one task" })
  .min(1, { error: "Select at least one task" })
  .max(200, { error: "Select at most 200 tasks at a time" });

export const setCompletedSchema = z.strictObject({
  id: z.uuid({ error: "Unknown task" }),
  completed: z.boolean(),
});

export const bulkTasksSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("complete"), ids: taskIdsSchema }),
  z.strictObject({ op: z.literal("delete"), ids: taskIdsSchema }),
  z.strictObject({
    op: z.literal("reschedule"),
    ids: taskIdsSchema,
    dueDate: z.iso
      .date({ error: "Pick the new due date" })
      .refine((d) => d >= "2000-01-01" && d <= "2100-12-31", {
        error: "Choose a date between 2000 and 2100",
      }),
  }),
]);

export const taskTemplateSchema = z.strictObject({
  stageId: z.uuid({ error: "Choose a stage" }),
  title: z
    .string({ error: "Give the item a title" })
    .trim()
    .min(1, { error: "Give the item a title" })
    .max(300, { error: "Keep the title under 300 characters" }),
  priority: z.enum(TASK_PRIORITIES, { error: "Choose a priority" }).default("medium"),
  dueInDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int({ error: "Use whole days" })
    .min(0, { error: "Use 0 to 365 days" })
    .max(365, { error: "Use 0 to 365 days" }),
});

export const updateTaskTemplateSchema = taskTemplateSchema
  .omit({ stageId: true })
  .extend({ id: z.uuid({ error: "Unknown template" }) });

export const moveTaskTemplateSchema = z.strictObject({
  id: z.uuid({ error: "Unknown template" }),
  direction: z.enum(["up", "down"]),
});

export type TaskInput = z.infer<typeof taskSchema>;
export type CreateTaskInput = z.infer<typeof createTaskSchema>;
export type UpdateTaskInput = z.infer<typeof updateTaskSchema>;
export type BulkTasksInput = z.infer<typeof bulkTasksSchema>;
