import { z } from "zod";

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
  .regex(/^[A-Z]{2}$/, { error: "Use the two-letter country code, such as US or DE" });

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

export const bankPayoutSchema = z.strictObject({
  accountHolder: text(1, 200, "Enter the account holder's name", "Account holder"),
  bankCountry: countrySchema,
  accountNumber: z
    .string({ error: "Enter the IBAN or account number" })
    .transform((v) => v.replace(/[\s-]/g, "").toUpperCase())
    .pipe(
      z.string().regex(/^[A-Z0-9]{6,34}$/, {
        error: "Enter an IBAN or account number of 6 to 34 letters and digits",
      }),
    ),
  currency: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, { error: "Use a three-letter currency code, such as USD" }),
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
