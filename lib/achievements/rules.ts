/** Achievements and XP: one table of rules, evaluated from a partner's activity facts. */

export interface PartnerFacts {
  partnerId: string;
  joinedAt: string | null;
  firstClickAt: string | null;
  firstReferralAt: string | null;
  firstRegistrationAt: string | null;
  firstWonAt: string | null;
  /** Monday (YYYY-MM-DD) of every week with a click, referral or registration, ascending. */
  activeWeeks: string[];
  /** Months (YYYY-MM) this partner led the won-referred-revenue board. */
  topMonths: string[];
}

export interface EarnedAchievement {
  key: string;
  earnedAt: string;
  details: Record<string, unknown>;
}

export interface AchievementRule {
  key: string;
  name: string;
  description: string;
  xp: number;
  /** One or more earned instances (a repeatable rule such as top performer yields one per month). */
  evaluate(facts: PartnerFacts, now: Date): EarnedAchievement[];
}

const DAY = 86_400_000;
const once = (key: string, at: string | null, details: Record<string, unknown> = {}): EarnedAchievement[] =>
  at ? [{ key, earnedAt: at, details }] : [];

/** Longest run of consecutive weeks, with the Monday the run reached `length` weeks. */
export function streakReached(weeks: readonly string[], length: number): string | null {
  let run = 0;
  let previous: number | null = null;
  for (const week of weeks) {
    const t = Date.parse(`${week}T00:00:00Z`);
    run = previous !== null && t - previous === 7 * DAY ? run + 1 : 1;
    previous = t;
    if (run >= length) return week;
  }
  return null;
}

export function currentStreak(weeks: readonly string[], now: Date): number {
  const set = new Set(weeks);
  const monday = mondayOf(now);
  // This week still counts as in progress: a streak that ended last week is still alive.
  let cursor = set.has(monday)
    ? Date.parse(`${monday}T00:00:00Z`)
    : Date.parse(`${monday}T00:00:00Z`) - 7 * DAY;
  let n = 0;
  while (set.has(new Date(cursor).toISOString().slice(0, 10))) {
    n += 1;
    cursor -= 7 * DAY;
  }
  return n;
}

export function mondayOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

const streakRule = (weeks: number, xp: number): AchievementRule => ({
  key: `streak_${weeks}w`,
  name: `${weeks}-week streak`,
  description: `Activity (a click, referral or registration) ${weeks} weeks in a row`,
  xp,
  evaluate: (f) => once(`streak_${weeks}w`, streakReached(f.activeWeeks, weeks), { weeks }),
});

export const ACHIEVEMENT_RULES: readonly AchievementRule[] = [
  {
    key: "first_click",
    name: "First click",
    description: "Someone followed your referral link",
    xp: 10,
    evaluate: (f) => once("first_click", f.firstClickAt),
  },
  {
    key: "first_referral",
    name: "First referral",
    description: "Your first referral arrived",
    xp: 25,
    evaluate: (f) => once("first_referral", f.firstReferralAt),
  },
  {
    key: "first_registration",
    name: "First registration",
    description: "You registered your first deal",
    xp: 25,
    evaluate: (f) => once("first_registration", f.firstRegistrationAt),
  },
  {
    key: "first_sale",
    name: "First sale",
    description: "A deal you referred was won",
    xp: 100,
    evaluate: (f) => once("first_sale", f.firstWonAt),
  },
  {
    key: "first_month",
    name: "First month",
    description: "30 days in the program with activity",
    xp: 50,
    evaluate: (f, now) => {
      if (!f.joinedAt || f.activeWeeks.length === 0) return [];
      const at = Date.parse(f.joinedAt) + 30 * DAY;
      return at <= now.getTime()
        ? [{ key: "first_month", earnedAt: new Date(at).toISOString(), details: {} }]
        : [];
    },
  },
  {
    key: "top_performer",
    name: "Top performer",
    description: "Most won referred revenue of all partners in a month",
    xp: 200,
    evaluate: (f) =>
      f.topMonths.map((month) => {
        const [y, m] = month.split("-").map(Number) as [number, number];
        return {
          key: `top_performer:${month}`,
          earnedAt: new Date(Date.UTC(y, m, 1)).toISOString(),
          details: { month },
        };
      }),
  },
  streakRule(4, 40),
  streakRule(8, 80),
  streakRule(12, 150),
];

/** The rule an achievement key belongs to (repeatable keys carry a suffix after a colon). */
export function ruleOf(key: string): AchievementRule | undefined {
  const base = key.split(":")[0];
  return ACHIEVEMENT_RULES.find((r) => r.key === base);
}

export function evaluateRules(facts: PartnerFacts, now: Date): EarnedAchievement[] {
  return ACHIEVEMENT_RULES.flatMap((rule) => rule.evaluate(facts, now));
}

/** XP per activity kind; each source row earns once (unique partner, kind and source). */
export const XP_PER_ACTIVITY = {
  click: 1,
  referral: 10,
  registration: 15,
  registration_approved: 25,
  won_deal: 50,
} as const;
export type XpKind = keyof typeof XP_PER_ACTIVITY | "achievement";

/** Level from total XP: every level needs 100 XP more than the one before (100, 300, 600, …). */
export function levelOf(xp: number): { level: number; into: number; needed: number } {
  let level = 1;
  let floor = 0;
  while (xp >= floor + level * 100) {
    floor += level * 100;
    level += 1;
  }
  return { level, into: xp - floor, needed: level * 100 };
}
