import { z } from "zod";

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} must be at most ${max} characters` })
    .optional()
    .transform((v) => (v ? v : undefined));

/** A referral as a visitor submits it, from the landing form or the JSON endpoint. */
export const referralSchema = z.strictObject({
  name: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, { error: "Enter your name" })
    .max(120, { error: "Use at most 120 characters" }),
  email: z
    .string({ error: "Enter your work email" })
    .trim()
    .toLowerCase()
    .pipe(z.email({ error: "Enter a valid email address" })),
  company: z
    .string({ error: "Enter your company" })
    .trim()
    .min(1, { error: "Enter your company" })
    .max(200, { error: "Use at most 200 characters" }),
  phone: optionalText(40, "Phone").refine((v) => v === undefined || /^[+0-9 ().-]{5,40}$/.test(v), {
    error: "Enter a phone number with digits, spaces, + ( ) - .",
  }),
  message: optionalText(4000, "Message"),
});

export const referralCodeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, { error: "Unknown referral code" });

/** The public JSON endpoint also takes the link code (when the attribution cookie cannot travel). */
export const referralApiSchema = referralSchema.extend({ code: referralCodeSchema.optional() });

export const campaignLinkSchema = z.strictObject({
  campaign: z
    .string({ error: "Name the campaign" })
    .trim()
    .min(1, { error: "Name the campaign" })
    .max(120, { error: "Use at most 120 characters" }),
  landingPageId: z.uuid({ error: "Choose a landing page" }),
});

export const linkIdSchema = z.strictObject({ id: z.uuid() });

export type ReferralInput = Omit<z.infer<typeof referralSchema>, "phone" | "message"> & {
  phone?: string;
  message?: string;
};
