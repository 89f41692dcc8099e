import { z } from "zod";

const wholeAmount = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .transform((v) => v.replace(/[,\s_]/g, ""))
    .refine((v) => /^\d{1,12}$/.test(v), { error: `Enter the ${label} as a whole amount, like 50000` })
    .transform(Number);

/** One tier as the settings form sends it; revenue is in whole units of the workspace currency. */
export const tierSchema = z.strictObject({
  id: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
  name: z
    .string({ error: "Name the tier" })
    .trim()
    .min(1, { error: "Name the tier" })
    .max(60, { error: "Keep the name under 60 characters" }),
  commissionRate: z
    .string({ error: "Enter a rate" })
    .trim()
    .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "Enter a percentage such as 20 or 22.5" })
    .refine((v) => Number(v) <= 100, { error: "A rate is at most 100%" }),
  payoutCadence: z.enum(["monthly", "biweekly", "weekly", "realtime"], { error: "Choose a payout cadence" }),
  minTrailingRevenue: wholeAmount("minimum revenue"),
  minTrailingDeals: z
    .string({ error: "Enter the minimum deals" })
    .trim()
    .regex(/^\d{1,4}$/, { error: "Enter a whole number of deals" })
    .transform(Number),
  perks: z
    .string()
    .max(4000)
    .optional()
    .transform((v) =>
      (v ?? "")
        .split("\n")
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .refine((list) => list.length <= 20 && list.every((p) => p.length <= 200), {
      error: "Up to 20 perks of at most 200 characters",
    }),
  color: z
    .string({ error: "Choose a colour" })
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: "Use a colour like #0ea5e9" }),
});

export type TierInput = z.output<typeof tierSchema>;

/** The VP's edit of one feature: what partners read, and the tier it unlocks at. */
export const tierFeatureSchema = z.strictObject({
  id: z.uuid({ error: "Choose a feature" }),
  label: z
    .string({ error: "Name the feature" })
    .trim()
    .min(1, { error: "Name the feature" })
    .max(80, { error: "Keep the name under 80 characters" }),
  unlockTierId: z.uuid({ error: "Choose the tier that unlocks it" }),
});

export type TierFeatureInput = z.output<typeof tierFeatureSchema>;
