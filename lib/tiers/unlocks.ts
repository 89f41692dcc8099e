/** What each tier unlocks in the portal (seed 004's progressive matrix); portal pages read it from here only. */

export const UNLOCK_CATEGORIES = [
  "dashboard",
  "training",
  "marketing",
  "clients",
  "analytics",
  "support",
  "earnings",
] as const;
export type UnlockCategory = (typeof UNLOCK_CATEGORIES)[number];
export const TIER_KEYS = ["starter", "active", "performer", "elite"] as const;
export type TierKey = (typeof TIER_KEYS)[number];

export const CATEGORY_LABEL: Record<UnlockCategory, string> = {
  dashboard: "Dashboard",
  training: "Training",
  marketing: "Marketing",
  clients: "Clients",
  analytics: "Analytics",
  support: "Support",
  earnings: "Earnings",
};

export const UNLOCK_MATRIX: Record<UnlockCategory, Record<TierKey, string>> = {
  dashboard: {
    starter: "Basic stats",
    active: "Real-time updates",
    performer: "Advanced analytics",
    elite: "Custom KPIs",
  },
  training: {
    starter: "Core modules",
    active: "Advanced sales",
    performer: "Technical deep-dives",
    elite: "Master classes",
  },
  marketing: {
    starter: "Templates",
    active: "Video library",
    performer: "Custom campaigns",
    elite: "White-label",
  },
  clients: {
    starter: "Basic CRM",
    active: "Pipeline tracking",
    performer: "Automation",
    elite: "Custom portals",
  },
  analytics: {
    starter: "Basic metrics",
    active: "Performance charts",
    performer: "Predictive insights",
    elite: "Executive reports",
  },
  support: {
    starter: "Email support",
    active: "Priority support",
    performer: "Dedicated manager",
    elite: "Strategic advisor",
  },
  earnings: {
    starter: "Monthly payouts",
    active: "Bi-weekly payouts",
    performer: "Weekly payouts",
    elite: "Real-time payouts",
  },
};

export const TIER_LABEL: Record<TierKey, string> = {
  starter: "Starter",
  active: "Active",
  performer: "Performer",
  elite: "Elite",
};

/**
 * A partner's place in the matrix: a tier key of the default ladder, or the 0-based position of its tier
 * on the configured ladder (so a renamed or added tier still maps to a column); unknown means Starter.
 */
export type TierRef = string | number | null | undefined;

function rankOf(ref: TierRef): number {
  if (typeof ref === "number") return Math.max(0, Math.min(TIER_KEYS.length - 1, Math.floor(ref)));
  const i = TIER_KEYS.indexOf((ref ?? "starter") as TierKey);
  return i < 0 ? 0 : i;
}

export interface Unlock {
  category: UnlockCategory;
  tier: TierKey;
  feature: string;
  unlocked: boolean;
}

/** Every feature of a category with whether the partner's tier (by key) has it; unknown keys count as Starter. */
export function unlocksFor(category: UnlockCategory, tierKey: TierRef): Unlock[] {
  const have = rankOf(tierKey);
  return TIER_KEYS.map((tier, i) => ({
    category,
    tier,
    feature: UNLOCK_MATRIX[category][tier],
    unlocked: i <= have,
  }));
}

export function isUnlocked(required: TierKey, tierKey: TierRef): boolean {
  return rankOf(tierKey) >= rankOf(required);
}

/** The sentence shown on locked content: which tier unlocks it. */
export function lockedReason(category: UnlockCategory, required: TierKey): string {
  return `${UNLOCK_MATRIX[category][required]} unlocks at the ${TIER_LABEL[required]} tier.`;
}

/** The next feature per category the partner would unlock by moving up one tier. */
export function nextUnlocks(
  tierKey: TierRef,
): { category: UnlockCategory; tier: TierKey; feature: string }[] {
  const next = TIER_KEYS[rankOf(tierKey) + 1];
  if (!next) return [];
  return UNLOCK_CATEGORIES.map((category) => ({
    category,
    tier: next,
    feature: UNLOCK_MATRIX[category][next],
  }));
}
