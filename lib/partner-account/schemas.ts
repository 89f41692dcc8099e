import { z } from "zod";
import { emailSchema } from "@/lib/auth/schemas";

/** Per-event email choices a partner user controls; a missing key means "send". */
export const EMAIL_EVENTS = [
  {
    key: "tier_changed",
    label: "Tier changes",
    description: "When your organisation moves up or down a tier.",
  },
  {
    key: "referral_received",
    label: "Referrals received",
    description: "When a lead arrives through one of your links.",
  },
  {
    key: "registration_decision",
    label: "Deal registration decisions",
    description: "When a deal you registered is approved or declined.",
  },
  { key: "payout_sent", label: "Payouts", description: "When a payout is sent to your account." },
] as const;
export type EmailEvent = (typeof EMAIL_EVENTS)[number]["key"];

export function wantsEmail(
  preferences: Record<string, boolean> | null | undefined,
  event: EmailEvent,
): boolean {
  return preferences?.[event] !== false;
}

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} is too long (${max} characters at most)` })
    .optional()
    .transform((v) => (v ? v : null));

export const contactDetailsSchema = z.strictObject({
  displayName: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, { error: "Enter your name" })
    .max(120, { error: "Name is too long" }),
  title: optional(120, "Title"),
  phone: optional(40, "Phone"),
});

const checkbox = z
  .enum(["on", "true"])
  .optional()
  .transform((v) => v !== undefined);

export const emailPreferencesSchema = z.strictObject({
  tier_changed: checkbox,
  referral_received: checkbox,
  registration_decision: checkbox,
  payout_sent: checkbox,
});

export const inviteColleagueSchema = z.strictObject({
  email: emailSchema,
  memberRole: z.enum(["admin", "member"], { error: "Choose admin or member" }),
});
