import { z } from "zod";

export const REQUIRED_FIELD_OPTIONS = {
  technical_contact_name: "Technical contact",
  contact_name: "Customer contact",
  expected_close_date: "Expected close date",
  isv_partner_id: "ISV partner",
} as const;
export type RequiredField = keyof typeof REQUIRED_FIELD_OPTIONS;

const requiredFields = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.enum(Object.keys(REQUIRED_FIELD_OPTIONS) as [RequiredField, ...RequiredField[]], { error: "Unknown required field" })));

const stageFields = {
  name: z.string().trim().min(1, { error: "Name the stage" }).max(60, { error: "Keep the name under 60 characters" }),
  probability: z.coerce.number({ error: "Enter a probability" }).int({ error: "Use a whole percentage" }).min(0, { error: "Use 0 to 100" }).max(100, { error: "Use 0 to 100" }),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: "Pick a colour" }),
  requiredFields,
};

export const createStageSchema = z.strictObject(stageFields);
export const updateStageSchema = z.strictObject({ id: z.uuid(), ...stageFields });
export const reorderStagesSchema = z.strictObject({ ids: z.array(z.uuid()).min(1) });
export const deleteStageSchema = z.strictObject({ id: z.uuid() });

export const pipelineSettingsSchema = z.strictObject({
  stalledAfterDays: z.coerce.number({ error: "Enter a number of days" }).int().min(1, { error: "Use 1 to 365 days" }).max(365, { error: "Use 1 to 365 days" }),
  highValueThreshold: z.coerce.number({ error: "Enter an amount" }).int({ error: "Use a whole amount" }).min(0, { error: "The threshold cannot be negative" }).max(1_000_000_000),
  winNotifyThreshold: z.coerce.number({ error: "Enter an amount" }).int({ error: "Use a whole amount" }).min(0, { error: "The threshold cannot be negative" }).max(1_000_000_000),
});
