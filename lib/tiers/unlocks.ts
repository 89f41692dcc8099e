/**
 * What each tier unlocks in the portal, as pure functions over the tier_features rows (the data the VP
 * edits at /settings/tiers; private.partner_has_entitlement applies the same rule in the database).
 */

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

export const CATEGORY_LABEL: Record<UnlockCategory, string> = {
  dashboard: "Dashboard",
  training: "Training",
  marketing: "Marketing",
  clients: "Clients",
  analytics: "Analytics",
  support: "Support",
  earnings: "Earnings",
};

/** One rung of the configured ladder. */
export interface LadderTier {
  id: string;
  name: string;
  rank: number;
}

/** One feature and the tier it unlocks at. */
export interface TierFeature {
  id: string;
  key: string;
  category: UnlockCategory;
  label: string;
  position: number;
  tierId: string;
  tierName: string;
  tierRank: number;
}

/**
 * A partner's place on the ladder: its tier's rank, or null for a partner without a tier, who stands on
 * the lowest rung (as in the database).
 */
export type TierRank = number | null | undefined;

function effectiveRank(ladder: readonly LadderTier[], rank: TierRank): number {
  if (typeof rank === "number") return rank;
  return ladder.length === 0 ? 0 : Math.min(...ladder.map((t) => t.rank));
}

export function isUnlocked(feature: Pick<TierFeature, "tierRank">, ladder: readonly LadderTier[], rank: TierRank): boolean {
  return effectiveRank(ladder, rank) >= feature.tierRank;
}

export function hasFeature(
  features: readonly TierFeature[],
  ladder: readonly LadderTier[],
  key: string,
  rank: TierRank,
): boolean {
  const feature = features.find((f) => f.key === key);
  return feature !== undefined && isUnlocked(feature, ladder, rank);
}

/** The keys of every feature the partner holds. */
export function unlockedKeys(features: readonly TierFeature[], ladder: readonly LadderTier[], rank: TierRank): string[] {
  return features.filter((f) => isUnlocked(f, ladder, rank)).map((f) => f.key);
}

/** The sentence shown on locked content: which tier unlocks it. */
export function lockedReason(feature: Pick<TierFeature, "label" | "tierName">): string {
  return `${feature.label} unlocks at the ${feature.tierName} tier.`;
}

/** The matrix grid: per category, per tier of the ladder, the features that unlock there. */
export function unlockGrid(
  features: readonly TierFeature[],
  ladder: readonly LadderTier[],
): { category: UnlockCategory; cells: { tier: LadderTier; features: TierFeature[] }[] }[] {
  const tiers = [...ladder].sort((a, b) => a.rank - b.rank);
  return UNLOCK_CATEGORIES.map((category) => ({
    category,
    cells: tiers.map((tier) => ({
      tier,
      features: features
        .filter((f) => f.category === category && f.tierId === tier.id)
        .sort((a, b) => a.position - b.position || a.label.localeCompare(b.label)),
    })),
  })).filter((row) => row.cells.some((c) => c.features.length > 0));
}

/** What the partner would unlock by moving up one tier, in category order. */
export function nextUnlocks(features: readonly TierFeature[], ladder: readonly LadderTier[], rank: TierRank): TierFeature[] {
  const have = effectiveRank(ladder, rank);
  const next = [...ladder].sort((a, b) => a.rank - b.rank).find((t) => t.rank > have);
  if (!next) return [];
  return features
    .filter((f) => f.tierId === next.id)
    .sort(
      (a, b) =>
        UNLOCK_CATEGORIES.indexOf(a.category) - UNLOCK_CATEGORIES.indexOf(b.category) || a.position - b.position,
    );
}
