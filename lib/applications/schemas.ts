import { z } from "zod";
import type { RateLimitRule } from "@/lib/auth/rate-limit";
import { emailSchema } from "@/lib/auth/schemas";

/** Public applications per client address. */
export const APPLICATIONS: RateLimitRule = { name: "partner-application", limit: 5, windowSeconds: 3600 };

export const EXPERIENCE_LEVELS = ["new", "some", "experienced"] as const;
export type ExperienceLevel = (typeof EXPERIENCE_LEVELS)[number];
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  new: "New to partner programs",
  some: "Some referral experience",
  experienced: "Experienced partner",
};

export const CONTACT_PREFERENCES = ["email", "phone", "video"] as const;
export const CONTACT_LABELS: Record<(typeof CONTACT_PREFERENCES)[number], string> = {
  email: "By email",
  phone: "By phone",
  video: "Video call",
};

export const SOCIAL_FIELDS = [
  { key: "linkedin", label: "LinkedIn" },
  { key: "x", label: "X (Twitter)" },
  { key: "youtube", label: "YouTube" },
  { key: "blog", label: "Website or blog" },
] as const;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long (${max} characters at most)` })
    .optional()
    .transform((v) => (v ? v : undefined));

const websiteSchema = z
  .string()
  .trim()
  .max(300, { error: "Website is too long" })
  .optional()
  .transform((v) => (v ? (/^https?:\/\//i.test(v) ? v : `https://${v}`) : undefined))
  .refine((v) => v === undefined || /^https?:\/\/[^\s/$.?#][^\s]*\.[^\s]+$/i.test(v), {
    error: "Enter a website address such as https://example.com",
  });

/** A whole-currency amount typed by a person ("2,500" or "2500.50") → minor units. */
const amountMinorSchema = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return undefined;
    const clean = v.replace(/[,\s$]/g, "");
    if (!/^\d{1,9}(\.\d{1,2})?$/.test(clean)) {
      ctx.addIssue({ code: "custom", message: "Enter an amount such as 2500" });
      return z.NEVER;
    }
    const [whole, cents = ""] = clean.split(".");
    return Number(whole) * 100 + Number(cents.padEnd(2, "0"));
  });

const checkboxList = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z
    .preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
    .refine((list) => list.every((v) => values.includes(v)), { error: message })
    .transform((list) => [...new Set(list)] as T[number][]);

export const applicationSchema = z.strictObject({
  company: z
    .string()
    .trim()
    .min(1, { error: "Enter your company name" })
    .max(200, { error: "Company name is too long" }),
  website: websiteSchema,
  industry: z
    .string()
    .trim()
    .min(1, { error: "Tell us your industry or niche" })
    .max(120, { error: "Industry is too long" }),
  experience: z.enum(EXPERIENCE_LEVELS, { error: "Choose your experience level" }),
  monthlyGoal: amountMinorSchema,
  contactName: z.string().trim().min(1, { error: "Enter your name" }).max(120, { error: "Name is too long" }),
  email: emailSchema,
  phone: optionalText(40, "Phone"),
  contactPreferences: checkboxList(CONTACT_PREFERENCES, "Choose email, phone or video call"),
  linkedin: optionalText(200, "LinkedIn"),
  x: optionalText(200, "X handle"),
  youtube: optionalText(200, "YouTube"),
  blog: optionalText(200, "Website or blog"),
  message: optionalText(4000, "Message"),
});
export type ApplicationInput = z.output<typeof applicationSchema>;

export const approveApplicationSchema = z.strictObject({
  applicationId: z.uuid({ error: "Unknown application" }),
});

export const rejectApplicationSchema = z.strictObject({
  applicationId: z.uuid({ error: "Unknown application" }),
  reason: z
    .string()
    .trim()
    .min(3, { error: "Give the applicant a reason (at least 3 characters)" })
    .max(1000, { error: "Reason is too long" }),
});

export interface AutoApproveRule {
  enabled: boolean;
  minExperience?: ExperienceLevel;
  requireWebsite?: boolean;
}

/** Whether an application passes the VP's auto-approve rule (disabled rules pass nothing). */
export function meetsAutoApproveRule(
  rule: AutoApproveRule,
  application: { experience: ExperienceLevel; website?: string | null },
): boolean {
  if (!rule.enabled) return false;
  const min = EXPERIENCE_LEVELS.indexOf(rule.minExperience ?? "new");
  if (EXPERIENCE_LEVELS.indexOf(application.experience) < min) return false;
  if (rule.requireWebsite && !application.website) return false;
  return true;
}
