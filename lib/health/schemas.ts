import { z } from "zod";
import { searchTextSchema } from "@/lib/http/text";
import { partnerDomain, partnerKind, partnerStatus, interactionKind } from "@/lib/db/schema";
import { HEALTH_COMPONENTS, type HealthWeights } from "./score";

// Form posts carry strings; tests and clients may send numbers. Blank is "missing", not zero.
const weightField = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim())) : v),
  z
    .number({ error: "Enter a whole number from 0 to 100" })
    .int({ error: "Use a whole number" })
    .min(0, { error: "At least 0" })
    .max(100, { error: "At most 100" }),
);

/** The VP's five weights: whole numbers 0–100 that add up to 100 (the sum error sits on `total`). */
export const healthWeightsSchema = z
  .strictObject({
    recency: weightField,
    frequency: weightField,
    pipeline: weightField,
    revenueTrend: weightField,
    openIssues: weightField,
  })
  .check((ctx) => {
    const total = HEALTH_COMPONENTS.reduce((sum, k) => sum + (ctx.value as HealthWeights)[k], 0);
    if (total !== 100) {
      ctx.issues.push({
        code: "custom",
        path: ["total"],
        input: total,
        message: `The weights add up to ${total}; they must add up to 100`,
      });
    }
  });

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : null));

export const INTERACTION_KINDS = interactionKind.enumValues;

/** A logged touchpoint; `occurredAt` is a local date-time from the form or an ISO string. */
export const interactionSchema = z.strictObject({
  partnerId: z.uuid({ error: "Unknown partner" }),
  kind: z.enum(INTERACTION_KINDS, { error: "Choose the kind of interaction" }),
  occurredAt: z
    .string({ error: "When did it happen?" })
    .trim()
    .min(1, { error: "When did it happen?" })
    .transform((v, ctx) => {
      const d = new Date(v);
      if (Number.isNaN(d.getTime())) {
        ctx.issues.push({ code: "custom", input: v, message: "Enter a valid date and time" });
        return z.NEVER;
      }
      return d;
    })
    .refine((d) => d.getTime() <= Date.now() + 10 * 60_000, {
      error: "An interaction cannot be in the future",
    })
    .refine((d) => d.getUTCFullYear() >= 2000, { error: "Enter a date after 2000" }),
  summary: z
    .string({ error: "Summarise the interaction" })
    .trim()
    .min(1, { error: "Summarise the interaction" })
    .max(5000, { error: "At most 5,000 characters" }),
  nextSteps: optionalText(2000, "Next steps"),
});

export const contactSchema = z.strictObject({
  partnerId: z.uuid({ error: "Unknown partner" }),
  contactId: z
    .uuid({ error: "Unknown contact" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  name: z
    .string({ error: "Enter a name" })
    .trim()
    .min(1, { error: "Enter a name" })
    .max(200, { error: "At most 200 characters" }),
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v.toLowerCase() : null))
    .refine((v) => v === null || z.email().safeParse(v).success, { error: "Enter a valid email address" }),
  phone: optionalText(50, "Phone"),
  title: optionalText(120, "Title"),
  primary: z
    .union([z.literal("on"), z.literal("true"), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true"),
});

export const setPrimaryContactSchema = z.strictObject({
  partnerId: z.uuid({ error: "Unknown partner" }),
  contactId: z.uuid({ error: "Unknown contact" }),
});

export const HEALTH_BANDS = ["excellent", "healthy", "needs_attention", "at_risk"] as const;
export const DIRECTORY_SORTS = ["name", "health", "revenue"] as const;

const loose = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Directory view state from the URL; unknown values are ignored rather than failing the page. */
export const directoryParamsSchema = z.object({
  q: loose(searchTextSchema(100)),
  domain: loose(z.enum(partnerDomain.enumValues)),
  kind: loose(z.enum(partnerKind.enumValues)),
  status: loose(z.enum(partnerStatus.enumValues)),
  tier: loose(z.uuid()),
  owner: loose(z.uuid()),
  band: loose(z.enum([...HEALTH_BANDS, "unscored"])),
  sort: z.enum(DIRECTORY_SORTS).catch("name").default("name"),
});
export type DirectoryParams = z.infer<typeof directoryParamsSchema>;

export const compareParamsSchema = z.object({
  ids: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) =>
      [...new Set((v ?? "").split(",").filter((id) => z.uuid().safeParse(id).success))].slice(0, 4),
    ),
  rank: z.enum(["health", "revenue"]).catch("health").default("health"),
});
