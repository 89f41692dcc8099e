/** Tier evaluation: pure rules over trailing metrics, shared by the server and the portal's progress bars. */

export interface TierCriteria {
  id: string;
  key: string;
  name: string;
  rank: number;
  commissionRate: string;
  minTrailingRevenueMinor: number;
  minTrailingDeals: number;
}

export interface TierMetrics {
  /** Won referred revenue in the window, in `currency` minor units. */
  revenueMinor: number;
  currency: string;
  wonDeals: number;
  windowStart: string;
  windowEnd: string;
  /** Won deals left out because no FX rate converted them. */
  unconverted: number;
}

export const TRAILING_DAYS = 90;

export function meets(tier: TierCriteria, metrics: Pick<TierMetrics, "revenueMinor" | "wonDeals">): boolean {
  return metrics.revenueMinor >= tier.minTrailingRevenueMinor && metrics.wonDeals >= tier.minTrailingDeals;
}

/** The highest-ranked tier whose revenue and deal criteria are both met; never below the lowest tier. */
export function pickTier<T extends TierCriteria>(
  tiers: readonly T[],
  metrics: Pick<TierMetrics, "revenueMinor" | "wonDeals">,
): T | null {
  const ordered = [...tiers].sort((a, b) => a.rank - b.rank);
  if (ordered.length === 0) return null;
  let chosen = ordered[0]!;
  for (const tier of ordered) if (meets(tier, metrics)) chosen = tier;
  return chosen;
}

export interface TierProgress {
  current: TierCriteria | null;
  next: TierCriteria | null;
  revenue: { have: number; need: number; ratio: number };
  deals: { have: number; need: number; ratio: number };
  /** Plain sentences of what is missing to reach the next tier. */
  missing: string[];
}

const ratio = (have: number, need: number) => (need <= 0 ? 1 : Math.max(0, Math.min(1, have / need)));

/** Progress from the partner's current tier toward the next rank up. */
export function progressToNext(
  tiers: readonly TierCriteria[],
  currentId: string | null,
  metrics: Pick<TierMetrics, "revenueMinor" | "wonDeals">,
  formatMoney: (minor: number) => string,
): TierProgress {
  const ordered = [...tiers].sort((a, b) => a.rank - b.rank);
  const current = ordered.find((t) => t.id === currentId) ?? null;
  const next = ordered.find((t) => t.rank > (current?.rank ?? -1)) ?? null;
  const needRevenue = next?.minTrailingRevenueMinor ?? 0;
  const needDeals = next?.minTrailingDeals ?? 0;
  const missing: string[] = [];
  if (next && metrics.revenueMinor < needRevenue)
    missing.push(`${formatMoney(needRevenue - metrics.revenueMinor)} more won revenue`);
  if (next && metrics.wonDeals < needDeals) {
    const n = needDeals - metrics.wonDeals;
    missing.push(`${n} more won deal${n === 1 ? "" : "s"}`);
  }
  return {
    current,
    next,
    revenue: {
      have: metrics.revenueMinor,
      need: needRevenue,
      ratio: ratio(metrics.revenueMinor, needRevenue),
    },
    deals: { have: metrics.wonDeals, need: needDeals, ratio: ratio(metrics.wonDeals, needDeals) },
    missing,
  };
}

/** First day of the trailing window that ends on `today` (inclusive, 90 days). */
export function windowStartOf(today: string, days = TRAILING_DAYS): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - (days - 1));
  return d.toISOString().slice(0, 10);
}
