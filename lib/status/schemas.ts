import { z } from "zod";
import type { AppRole } from "@/lib/domain/enums";
import { isMonday } from "./week";

export interface KpiField {
  key: string;
  label: string;
  /** Figures the prefill can count from the week's activity; the person can still correct them. */
  kind: "count" | "amount" | "text";
}

/** Role-specific figures on the status form; the VP writes a short summary instead of counts. */
export const KPI_FIELDS: Record<Exclude<AppRole, "partner">, readonly KpiField[]> = {
  sales_manager: [
    { key: "meetingsHeld", label: "Meetings held", kind: "count" },
    { key: "demos", label: "Demos", kind: "count" },
    { key: "dealsMoved", label: "Deals moved", kind: "count" },
    { key: "pipelineAdded", label: "Pipeline added ($)", kind: "amount" },
  ],
  partnership_manager: [
    { key: "partnerMeetings", label: "Partner meetings", kind: "count" },
    { key: "partnersOnboarded", label: "Partners onboarded", kind: "count" },
    { key: "qbrsHeld", label: "QBRs held", kind: "count" },
    { key: "registrationsReviewed", label: "Registrations reviewed", kind: "count" },
  ],
  finance: [
    { key: "linesApproved", label: "Commission lines approved", kind: "count" },
    { key: "payoutsSent", label: "Payouts sent", kind: "count" },
  ],
  vp: [{ key: "summary", label: "Summary for the team", kind: "text" }],
};

export const SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type Severity = (typeof SEVERITIES)[number];

const weekStart = z.string().refine(isMonday, { error: "A week starts on a Monday (YYYY-MM-DD)" });
const longText = (label: string) =>
  z.string().max(20000, { error: `${label} must stay under 20,000 characters` });
const kpiValue = z.union([
  z.number().min(0, { error: "Enter zero or more" }).max(1e12, { error: "That number is too large" }),
  z.string().trim().max(500, { error: "Keep it under 500 characters" }),
]);

/** The weekly status as the form edits it. `baseRevision` is the revision the text was based on. */
export const statusSchema = z.strictObject({
  weekStart,
  baseRevision: z.number().int().min(0),
  accomplishments: longText("Accomplishments"),
  plans: longText("Next week's plan"),
  kpis: z.record(z.string().regex(/^[a-zA-Z]{1,40}$/), kpiValue).refine((o) => Object.keys(o).length <= 20, {
    error: "Too many figures",
  }),
});
export type StatusInput = z.infer<typeof statusSchema>;

export const submitStatusSchema = statusSchema;

const description = z
  .string({ error: "Describe the blocker" })
  .trim()
  .min(1, { error: "Describe the blocker" })
  .max(2000, { error: "Keep it under 2,000 characters" });

export const blockerSchema = z.strictObject({
  weekStart,
  description,
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }),
  escalated: z.boolean().default(false),
});

export const updateBlockerSchema = z.strictObject({
  id: z.uuid(),
  description: description.optional(),
  severity: z.enum(SEVERITIES, { error: "Choose a severity" }).optional(),
  escalated: z.boolean().optional(),
});

export const removeBlockerSchema = z.strictObject({ id: z.uuid() });

export const resolveBlockerSchema = z.strictObject({
  id: z.uuid(),
  resolution: z
    .string({ error: "Write how it was resolved" })
    .trim()
    .min(1, { error: "Write how it was resolved" })
    .max(2000, { error: "Keep it under 2,000 characters" }),
});

export const deleteAttachmentSchema = z.strictObject({ id: z.uuid() });

export const decisionSchema = z.strictObject({
  title: z
    .string({ error: "Write the decision" })
    .trim()
    .min(1, { error: "Write the decision" })
    .max(300, { error: "Keep it under 300 characters" }),
  assigneeId: z.uuid({ error: "Choose a teammate" }),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Choose a due date" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  priority: z.enum(["low", "medium", "high", "urgent"]).default("high"),
});
