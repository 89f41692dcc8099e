import { z } from "zod";
import { minorDigits } from "@/lib/money";

export const DOMAINS = ["finops", "security", "observability", "devops", "data_backup", "dev_platform"] as const;

const SUPPORTED_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const currencySchema = z
  .string({ error: "Choose a currency" })
  .trim()
  .toUpperCase()
  .refine((c) => SUPPORTED_CURRENCIES.has(c), { error: "Unknown currency: use an ISO code such as USD, EUR or JPY" });

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

export const MIN_CLOSE_DATE = "2000-01-01";
export const MAX_CLOSE_DATE = "2100-12-31";

export const closeDateSchema = z.iso
  .date({ error: "Use a date like 2026-12-31" })
  .refine((d) => d >= MIN_CLOSE_DATE && d <= MAX_CLOSE_DATE, { error: "Choose a date between 2000 and 2100" });

/** A decimal amount in major units as typed ("125000", "1,250.50"); converted to minor units with the currency. */
export const amountSchema = z
  .union([z.string(), z.number()], { error: "Enter the deal value" })
  .transform((v) => String(v).trim().replace(/[,\s_]/g, ""))
  .refine((v) => v !== "", { error: "Enter the deal value" })
  .refine((v) => !v.startsWith("-"), { error: "The value cannot be negative" })
  .refine((v) => /^\d+(\.\d+)?$/.test(v), { error: "Enter a number, like 125000 or 1250.50" });

/** Commas are accepted only as thousands separators, so "1250,50" is refused instead of read as 125050. */
const typedAmount = z
  .union([z.string(), z.number()], { error: "Enter the deal value" })
  .refine((v) => typeof v === "number" || !/,/.test(v) || /^\s*-?\d{1,3}(,\d{3})*(\.\d+)?\s*$/.test(v), {
    error: "Use a dot for decimals and commas only between thousands, like 1,250.50",
  });

/** Major-unit decimal string → integer minor units, exactly (no floating point). */
export function toMinor(amount: string, currency: string): number {
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = amount.split(".");
  if (fraction.length > digits) throw new RangeError(`${currency} has ${digits} decimal places`);
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("Value is too large");
  return Number(minor);
}

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
