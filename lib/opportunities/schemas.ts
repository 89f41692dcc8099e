import { z } from "zod";
import { PARTNER_DOMAINS } from "@/lib/domain/enums";
import { amountSchema, closeDateSchema, currencySchema, toMinor } from "@/lib/domain/fields";

// The shared money and date fields moved to lib/domain/fields; named here too for the deal code that uses them.
export { amountSchema, closeDateSchema, currencySchema, MAX_CLOSE_DATE, MIN_CLOSE_DATE, toMinor } from "@/lib/domain/fields";

export const DOMAINS = PARTNER_DOMAINS;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .transform((v) => (v === "" ? null : v))
    .nullish();

const optionalEmail = (label: string) =>
  z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.email({ error: `${label} must be a valid email address` }).nullable())
    .nullish();

const optionalUuid = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === "" ? null : v))
    .pipe(z.uuid({ error: `Choose a valid ${label}` }).nullable())
    .nullish();

/** Commas are accepted only as thousands separators, so "1250,50" is refused instead of read as 125050. */
const typedAmount = z
  .union([z.string(), z.number()], { error: "Enter the deal value" })
  .refine((v) => typeof v === "number" || !/,/.test(v) || /^\s*-?\d{1,3}(,\d{3})*(\.\d+)?\s*$/.test(v), {
    error: "Use a dot for decimals and commas only between thousands, like 1,250.50",
  });

const opportunityFields = {
  customerName: z.string({ error: "Enter the customer" }).trim().min(1, { error: "Enter the customer" }).max(200, { error: "Keep the customer name under 200 characters" }),
  title: optionalText(200, "Title"),
  contactName: optionalText(200, "Contact name"),
  contactEmail: optionalEmail("Contact email"),
  technicalContactName: optionalText(200, "Technical contact"),
  technicalContactEmail: optionalEmail("Technical contact email"),
  value: typedAmount.pipe(amountSchema),
  currency: currencySchema,
  ownerId: z.uuid({ error: "Choose an owner" }),
  isvPartnerId: optionalUuid("ISV partner"),
  referringPartnerId: optionalUuid("referring partner"),
  domain: z
    .union([z.enum(DOMAINS), z.literal("")], { error: "Choose a domain from the list" })
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  expectedCloseDate: z
    .union([closeDateSchema, z.literal("")])
    .transform((v) => (v === "" ? null : v))
    .nullish(),
  notes: optionalText(5000, "Notes"),
};

function withMinorValue<T extends { value: string; currency: string }>(input: T, ctx: z.RefinementCtx) {
  try {
    return { ...input, valueMinor: toMinor(input.value, input.currency) };
  } catch (error) {
    ctx.addIssue({ code: "custom", path: ["value"], message: error instanceof Error ? `${error.message}` : "Invalid value" });
    return z.NEVER;
  }
}

/** One schema for the form, the action and CSV import. */
export const opportunityInputSchema = z.strictObject(opportunityFields).transform(withMinorValue);
export const createOpportunitySchema = z.strictObject({ ...opportunityFields, stageId: z.uuid({ error: "Choose a stage" }) }).transform(withMinorValue);
export const updateOpportunitySchema = z.strictObject({ ...opportunityFields, id: z.uuid() }).transform(withMinorValue);

export type OpportunityInput = z.output<typeof opportunityInputSchema>;
