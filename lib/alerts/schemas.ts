import { z } from "zod";
import { ALERT_PRIORITIES, ALERT_RULE_KEYS } from "./types";

/** A whole number typed into a form field (or sent as a number), within bounds, with messages people understand. */
const whole = (min: number, max: number, what: string) =>
  z.preprocess(
    (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : Number(v.trim().replace(/,/g, ""))) : v),
    z
      .number({ error: `Enter ${what}` })
      .int({ error: "Use a whole number" })
      .min(min, { error: `Use at least ${min}` })
      .max(max, { error: `Use at most ${max.toLocaleString("en-US")}` }),
  );

/** Thresholds as stored in alert_rules.thresholds, per rule. Missing optional keys take their defaults. */
export const THRESHOLD_SCHEMAS = {
  opportunity_stagnation: z.object({ days: whole(1, 365, "a number of days") }),
  close_date: z.object({ daysBefore: whole(0, 90, "a number of days") }),
  high_value_change: z.object({
    amountMinor: whole(1, 1e13, "an amount"),
    withinDays: whole(1, 30, "a number of days").default(2),
  }),
  relationship_maintenance: z.object({
    daysByPriority: z
      .object({ high: whole(1, 365, "days"), medium: whole(1, 365, "days"), low: whole(1, 365, "days") })
      .refine((d) => d.high <= d.medium && d.medium <= d.low, {
        error: "High-priority partners need contact at least as often as medium, and medium as often as low",
        path: ["medium"],
      }),
  }),
  goal_milestone: z.object({
    milestonePercent: whole(1, 99, "a percentage"),
    behindPacePercent: whole(1, 100, "a percentage"),
    graceDays: whole(0, 60, "a number of days").default(14),
  }),
  task_overdue: z.object({ escalateAfterDays: whole(1, 60, "a number of days") }),
  commission_approval: z.object({ waitingDays: whole(0, 90, "a number of days") }),
} as const;

export type Thresholds = { [K in keyof typeof THRESHOLD_SCHEMAS]: z.output<(typeof THRESHOLD_SCHEMAS)[K]> };

const priority = z.enum(ALERT_PRIORITIES, { error: "Choose a priority" });
const enabled = z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean());

/** The high-value amount is typed in whole units of the workspace currency; the action converts it. */
const highValueForm = z.strictObject({
  amount: whole(1, 100_000_000_000, "an amount"),
  withinDays: whole(1, 30, "a number of days"),
});

const variant = <K extends (typeof ALERT_RULE_KEYS)[number], S extends z.ZodType>(key: K, thresholds: S) =>
  z.strictObject({ key: z.literal(key), enabled, priority, thresholds });

/** What the VP sends to tune one rule: on/off, priority and the rule's own thresholds. */
export const ruleSettingsSchema = z.discriminatedUnion("key", [
  variant("opportunity_stagnation", THRESHOLD_SCHEMAS.opportunity_stagnation.strict()),
  variant("close_date", THRESHOLD_SCHEMAS.close_date.strict()),
  variant("high_value_change", highValueForm),
  variant(
    "relationship_maintenance",
    z.strictObject({ daysByPriority: THRESHOLD_SCHEMAS.relationship_maintenance.shape.daysByPriority }),
  ),
  variant("goal_milestone", THRESHOLD_SCHEMAS.goal_milestone.strict()),
  variant("task_overdue", THRESHOLD_SCHEMAS.task_overdue.strict()),
  variant("commission_approval", THRESHOLD_SCHEMAS.commission_approval.strict()),
]);
export type RuleSettingsInput = z.input<typeof ruleSettingsSchema>;

/** Each person's frequency controls. */
export const alertPreferencesSchema = z.strictObject({
  digestEnabled: enabled,
  maxPerDay: whole(1, 200, "how many alerts a day"),
  mutedRules: z
    .preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.enum(ALERT_RULE_KEYS, { error: "Unknown rule" })).max(7),
    )
    .transform((keys) => [...new Set(keys)]),
});
export type AlertPreferencesInput = z.input<typeof alertPreferencesSchema>;

const alertIds = z
  .array(z.uuid({ error: "Unknown alert" }), { error: "Select alerts first" })
  .min(1, { error: "Select alerts first" })
  .max(500, { error: "Act on at most 500 alerts at a time" });

export const alertIdsSchema = z.strictObject({ ids: alertIds });

export const SNOOZE_CHOICES = ["1d", "3d", "next_monday", "custom"] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export const snoozeSchema = z
  .strictObject({
    ids: alertIds,
    until: z.enum(SNOOZE_CHOICES, { error: "Choose how long to snooze" }),
    customDate: z.iso.date({ error: "Pick a date" }).optional(),
  })
  .refine((s) => s.until !== "custom" || s.customDate !== undefined, {
    error: "Pick a date",
    path: ["customDate"],
  });
