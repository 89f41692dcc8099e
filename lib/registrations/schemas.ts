import { z } from "zod";
import { amountSchema, currencySchema } from "@/lib/domain/fields";
import { normalizeDomain } from "./domain";

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, { error: `Enter the ${label}` })
    .max(max, { error: `Keep the ${label} under ${max} characters` });

/** One schema for the registration form and its action. */
export const registerDealSchema = z.strictObject({
  customerName: text("customer name", 200),
  customerDomain: z
    .string({ error: "Enter the customer's website or domain" })
    .trim()
    .min(1, { error: "Enter the customer's website or domain" })
    .max(253)
    .transform((v, ctx) => {
      const d = normalizeDomain(v);
      if (!d) {
        ctx.addIssue({
          code: "custom",
          message: "Enter a domain such as acme.com or a website such as https://acme.com",
        });
        return z.NEVER;
      }
      return d;
    }),
  contactName: text("contact name", 120),
  contactEmail: z.email({ error: "Enter the contact's email address" }).trim().max(254),
  estimatedValue: amountSchema,
  currency: currencySchema,
  notes: z
    .string()
    .trim()
    .max(4000, { error: "Keep the notes under 4,000 characters" })
    .optional()
    .transform((v) => (v ? v : null)),
});

export const approveRegistrationSchema = z.strictObject({
  id: z.uuid(),
  ownerId: z
    .uuid({ error: "Choose the seller who owns the deal" })
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

export const rejectRegistrationSchema = z.strictObject({
  id: z.uuid(),
  reason: z
    .string({ error: "Give the partner a reason" })
    .trim()
    .min(3, { error: "Give the partner a reason" })
    .max(1000, { error: "Keep the reason under 1,000 characters" }),
});

export type RegisterDealInput = z.output<typeof registerDealSchema>;
