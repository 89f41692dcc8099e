import { z } from "zod";
import { EXPERIENCE_LEVELS } from "@/lib/applications/schemas";

const days = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number of days` })
    .int({ error: `${label} must be whole days` })
    .min(1, { error: `${label} must be between 1 and 365 days` })
    .max(365, { error: `${label} must be between 1 and 365 days` });

const optionalLongText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long (${max} characters at most)` })
    .optional()
    .transform((v) => (v ? v : null));

export const programSettingsSchema = z.strictObject({
  programHeadline: optionalLongText(160, "Headline"),
  programDescription: optionalLongText(4000, "Description"),
  attributionWindowDays: days("Attribution window"),
  protectionWindowDays: days("Protection window"),
  autoApproveEnabled: z
    .enum(["on", "true"])
    .optional()
    .transform((v) => v !== undefined),
  autoApproveMinExperience: z.enum(EXPERIENCE_LEVELS, { error: "Choose a minimum experience" }),
  autoApproveRequireWebsite: z
    .enum(["on", "true"])
    .optional()
    .transform((v) => v !== undefined),
});
