import { z } from "zod";
import { isCountryCode } from "@/lib/domain/countries";

const text = (min: number, max: number, missing: string, label: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(min, { error: missing })
    .max(max, { error: `${label} is too long (${max} characters at most)` });

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long (${max} characters at most)` })
    .optional()
    .transform((v) => (v ? v : null));

export const countrySchema = z
  .string({ error: "Choose a country" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { error: "Choose a country", abort: true })
  .refine(isCountryCode, { error: "Choose a country from the list" });

export const COMPANY_SIZES = ["1", "2-10", "11-50", "51-200", "201-1000", "1000+"] as const;

export const profileStepSchema = z.strictObject({
  displayName: text(1, 120, "Enter your name", "Name"),
  title: optional(120, "Title"),
  phone: optional(40, "Phone"),
  website: z
    .string()
    .trim()
    .max(300, { error: "Website is too long" })
    .optional()
    .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : null))
    .refine((v) => v === null || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v), {
      error: "Enter a website address such as https://example.com",
    }),
  industry: text(1, 120, "Enter your industry or niche", "Industry"),
  country: countrySchema,
  companySize: z.enum(COMPANY_SIZES, { error: "Choose a company size" }),
  description: optional(2000, "Description"),
});

/** An ABA routing number: nine digits whose weighted sum (3, 7, 1, …) is a multiple of 10. */
export function isAbaRoutingNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const d = [...value].map(Number);
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0;
}

const compact = (v: unknown) => (typeof v === "string" ? v.replace(/[\s-]/g, "").toUpperCase() : v);

export const bankPayoutSchema = z
  .strictObject({
    accountHolder: text(1, 200, "Enter the account holder's name", "Account holder"),
    bankCountry: countrySchema,
    routingNumber: z.preprocess(
      (v) => (compact(v) === "" ? undefined : compact(v)),
      z.string().max(20, { error: "A routing number has 9 digits" }).optional(),
    ),
    accountNumber: z.preprocess(
      compact,
      z.string({ error: "Enter the IBAN or account number" }).regex(/^[A-Z0-9]{4,34}$/, {
        error: "Enter an IBAN or account number of 4 to 34 letters and digits",
      }),
    ),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{3}$/, { error: "Use a three-letter currency code, such as USD" }),
  })
  .superRefine((v, ctx) => {
    // Checked only on values that passed the field rules, so a field never gets two messages.
    if (!/^[A-Z0-9]{4,34}$/.test(v.accountNumber) || !isCountryCode(v.bankCountry)) return;
    if (v.bankCountry === "US") {
      // US banks are addressed by routing number (ABA) and account number; there is no IBAN.
      if (!v.routingNumber) ctx.addIssue({ code: "custom", path: ["routingNumber"], message: "Enter the 9-digit routing number" });
      else if (!isAbaRoutingNumber(v.routingNumber))
        ctx.addIssue({ code: "custom", path: ["routingNumber"], message: "That is not a valid routing number: check the 9 digits on a cheque or your bank's site" });
      if (!/^\d{4,17}$/.test(v.accountNumber))
        ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "A US account number has 4 to 17 digits" });
    } else {
      if (v.routingNumber)
        ctx.addIssue({ code: "custom", path: ["routingNumber"], message: "A routing number is for US accounts only" });
      if (v.accountNumber.length < 6)
        ctx.addIssue({ code: "custom", path: ["accountNumber"], message: "Enter an IBAN or account number of 6 to 34 letters and digits" });
    }
  });

export const TAX_CLASSIFICATIONS = [
  "individual",
  "c_corporation",
  "s_corporation",
  "partnership",
  "trust_estate",
  "llc",
  "other",
] as const;
export const TAX_CLASSIFICATION_LABELS: Record<(typeof TAX_CLASSIFICATIONS)[number], string> = {
  individual: "Individual / sole proprietor",
  c_corporation: "C corporation",
  s_corporation: "S corporation",
  partnership: "Partnership",
  trust_estate: "Trust / estate",
  llc: "Limited liability company",
  other: "Other",
};

export const taxStepSchema = z
  .strictObject({
    form: z.enum(["w9", "w8ben"], { error: "Choose W-9 (US persons) or W-8BEN (non-US)" }),
    legalName: text(1, 200, "Enter the legal name", "Legal name"),
    businessName: optional(200, "Business name"),
    taxClassification: z.enum(TAX_CLASSIFICATIONS).optional(),
    country: countrySchema,
    address: text(1, 500, "Enter the address", "Address"),
    tin: z
      .string({ error: "Enter the taxpayer identification number" })
      .transform((v) => v.replace(/[\s-]/g, "").toUpperCase())
      .pipe(
        z.string().regex(/^[A-Z0-9]{4,20}$/, {
          error: "Enter a tax identification number of 4 to 20 letters and digits",
        }),
      ),
    signedName: text(1, 120, "Type your full name to sign", "Signature"),
  })
  .superRefine((v, ctx) => {
    if (v.form === "w9" && !v.taxClassification)
      ctx.addIssue({
        code: "custom",
        path: ["taxClassification"],
        message: "Choose the federal tax classification",
      });
    if (v.form === "w9" && v.country !== "US")
      ctx.addIssue({
        code: "custom",
        path: ["country"],
        message: "W-9 is for US persons: choose US or use W-8BEN",
      });
    if (v.form === "w9" && /^[A-Z0-9]{4,20}$/.test(v.tin) && !/^\d{9}$/.test(v.tin))
      ctx.addIssue({ code: "custom", path: ["tin"], message: "A US TIN (SSN or EIN) has 9 digits" });
  });

export const acceptDocumentsSchema = z.strictObject({
  documentId: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.uuid({ error: "Unknown document" }))
      .min(1, { error: "Tick the box of each document you accept" }),
  ),
});
