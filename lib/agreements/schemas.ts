import { z } from "zod";
import { closeDateSchema, currencySchema } from "@/lib/domain/fields";

const percent = z
  .string({ error: "Enter a percentage" })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "Enter a percentage such as 15 or 12.5" });

const wholeAmount = z
  .string()
  .trim()
  .transform((v) => v.replace(/,/g, ""))
  .refine((v) => v === "" || /^\d{1,12}$/.test(v), { error: "Enter a whole amount, like 50000" })
  .transform((v) => (v === "" ? undefined : Number(v)))
  .optional();

const advancedTerms = z
  .string()
  .trim()
  .max(20_000, { error: "Keep the advanced terms under 20,000 characters" })
  .optional()
  .transform((v, ctx) => {
    if (!v) return {};
    try {
      const parsed: unknown = JSON.parse(v);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      // reported below
    }
    ctx.addIssue({
      code: "custom",
      message: 'Advanced terms must be a JSON object, like {"promotions": [...]}',
    });
    return z.NEVER;
  });

/** One version's terms as the form sends them; amounts are whole units of the agreement currency. */
export const versionFieldsSchema = z.object({
  effectiveFrom: closeDateSchema,
  rate: percent,
  basis: z.enum(["deal_value", "net_revenue"], { error: "Choose a basis" }),
  paymentModel: z.enum(["one_time", "recurring", "hybrid", "milestone"], { error: "Choose a payment model" }),
  currency: currencySchema,
  recurringMonths: z
    .string()
    .trim()
    .optional()
    .refine((v) => !v || v === "lifetime" || /^\d{1,3}$/.test(v), {
      error: 'Enter a number of months or "lifetime"',
    }),
  capPerDeal: wholeAmount,
  capPerPeriod: wholeAmount,
  period: z.enum(["month", "quarter", "year"], { error: "Choose month, quarter or year" }).optional(),
  floorPerDeal: wholeAmount,
  minDeal: wholeAmount,
  maxDeal: wholeAmount,
  advancedTerms,
});

export const createAgreementSchema = versionFieldsSchema
  .extend({
    partnerId: z.uuid(),
    direction: z.enum(["receivable", "payable"], { error: "Choose who pays" }),
    model: z.enum(["referral", "reseller", "msp", "custom"], { error: "Choose a model" }),
    name: z.string().trim().min(1, { error: "Name the agreement" }).max(200),
  })
  .strict();

export const addVersionSchema = versionFieldsSchema.extend({ agreementId: z.uuid() }).strict();

export type VersionFields = z.output<typeof versionFieldsSchema>;
