import { describe, expect, test } from "vitest";
import {
  currentStreak,
  evaluateRules,
  levelOf,
  mondayOf,
  streakReached,
  type PartnerFacts,
} from "@/lib/achievements/rules";
import { earningsByMonth, funnelOf, summarizeEarnings } from "@/lib/partner-home/earnings";
import { isSelfReferral, normalizeDomain } from "@/lib/registrations/domain";
import { pickTier, progressToNext, windowStartOf, type TierCriteria } from "@/lib/tiers/evaluate";
import { actionItemsFor } from "@/lib/tiers/action-items";
import {
  hasFeature,
  isUnlocked,
  lockedReason,
  nextUnlocks,
  unlockGrid,
  unlockedKeys,
  type LadderTier,
  type TierFeature,
} from "@/lib/tiers/unlocks";

const tier = (key: string, rank: number, revenue: number, deals: number): TierCriteria => ({
  id: key,
  key,
  name: key,
  rank,
  commissionRate: String(20 + rank),
  minTrailingRevenueMinor: revenue,
  minTrailingDeals: deals,
});
const TIERS = [
  tier("elite", 3, 15_000_000, 6),
  tier("starter", 0, 0, 0),
  tier("performer", 2, 5_000_000, 3),
  tier("active", 1, 1_000_000, 1),
];

describe("tier evaluation", () => {
  test.each([
    [0, 0, "starter"],
    [999_999, 5, "starter"],
    [1_000_000, 1, "active"],
    [5_000_000, 2, "active"],
    [5_000_000, 3, "performer"],
    [99_000_000, 5, "performer"],
    [15_000_000, 6, "elite"],
  ])("revenue %i and %i deals → %s", (revenueMinor, wonDeals, expected) => {
    expect(pickTier(TIERS, { revenueMinor, wonDeals })?.key).toBe(expected);
  });

  test("never below the lowest tier, even when its own criteria are not met", () => {
    expect(
      pickTier([tier("base", 0, 100, 1), tier("top", 1, 1000, 2)], { revenueMinor: 0, wonDeals: 0 })?.key,
    ).toBe("base");
    expect(pickTier([], { revenueMinor: 0, wonDeals: 0 })).toBeNull();
  });

  test("progress names what is missing for the next tier", () => {
    const p = progressToNext(TIERS, "active", { revenueMinor: 2_000_000, wonDeals: 1 }, (m) => `$${m / 100}`);
    expect(p.next?.key).toBe("performer");
    expect(p.revenue.ratio).toBeCloseTo(0.4);
    expect(p.missing).toEqual(["$30000 more won revenue", "2 more won deals"]);
    expect(progressToNext(TIERS, "elite", { revenueMinor: 0, wonDeals: 0 }, String).next).toBeNull();
  });

  test("the window is 90 days including today", () => {
    expect(windowStartOf("2026-11-20")).toBe("2026-08-23");
  });
});

describe("unlock matrix", () => {
  const LADDER: LadderTier[] = [
    { id: "t-active", name: "Active", rank: 1 },
    { id: "t-starter", name: "Starter", rank: 0 },
    { id: "t-elite", name: "Elite", rank: 3 },
  ];
  const at = (tierId: string): Pick<TierFeature, "tierId" | "tierName" | "tierRank"> => {
    const t = LADDER.find((l) => l.id === tierId)!;
    return { tierId: t.id, tierName: t.name, tierRank: t.rank };
  };
  const feature = (key: string, category: TierFeature["category"], label: string, tierId: string, position = 0): TierFeature => ({
    id: key,
    key,
    category,
    label,
    position,
    ...at(tierId),
  });
  const FEATURES: TierFeature[] = [
    feature("support.email", "support", "Email support", "t-starter"),
    feature("support.priority", "support", "Priority support", "t-active", 1),
    feature("training.core", "training", "Core modules", "t-starter"),
    feature("training.advanced_sales", "training", "Advanced sales", "t-active", 1),
    feature("earnings.realtime_payouts", "earnings", "Real-time payouts", "t-elite", 3),
  ];

  test.each([
    [null, ["support.email", "training.core"]],
    [0, ["support.email", "training.core"]],
    [1, ["support.email", "support.priority", "training.core", "training.advanced_sales"]],
    [3, FEATURES.map((f) => f.key)],
  ])("rank %s holds %j", (rank, keys) => {
    expect(unlockedKeys(FEATURES, LADDER, rank).sort()).toEqual([...keys].sort());
  });

  test("locked content says which tier unlocks it, in the words of the data", () => {
    expect(lockedReason(FEATURES[4]!)).toBe("Real-time payouts unlocks at the Elite tier.");
    expect(isUnlocked(FEATURES[1]!, LADDER, 0)).toBe(false);
    expect(hasFeature(FEATURES, LADDER, "training.advanced_sales", 1)).toBe(true);
    expect(hasFeature(FEATURES, LADDER, "no.such_feature", 3)).toBe(false);
  });

  test("the next tier's unlocks follow the ladder, not a fixed list", () => {
    expect(nextUnlocks(FEATURES, LADDER, 0).map((f) => f.key)).toEqual(["training.advanced_sales", "support.priority"]);
    // Nothing unlocks at a rank between Active and Elite here, so Active's next rung is Elite.
    expect(nextUnlocks(FEATURES, LADDER, 1).map((f) => f.key)).toEqual(["earnings.realtime_payouts"]);
    expect(nextUnlocks(FEATURES, LADDER, 3)).toEqual([]);
    expect(nextUnlocks(FEATURES, LADDER, null)[0]?.tierName).toBe("Active");
  });

  test("the grid places each feature under the tier the data names, and omits empty categories", () => {
    const grid = unlockGrid(FEATURES, LADDER);
    expect(grid.map((r) => r.category)).toEqual(["training", "support", "earnings"]);
    expect(grid[0]!.cells.map((c) => c.tier.name)).toEqual(["Starter", "Active", "Elite"]);
    expect(grid[1]!.cells.map((c) => c.features.map((f) => f.label))).toEqual([["Email support"], ["Priority support"], []]);
  });

  test("the home's next step names the next tier's first unlock from the data", () => {
    const progress = { current: null, next: { key: "active", name: "Active" }, missing: ["1 more won deal"] } as unknown as Parameters<typeof actionItemsFor>[1];
    const items = actionItemsFor(nextUnlocks(FEATURES, LADDER, 0), progress, { clicks: 1, referrals: 1, registrations: 1, pendingRegistrations: 0 });
    expect(items.map((i) => i.label)).toContain("Active unlocks advanced sales and more");
  });
});

describe("achievements", () => {
  const facts = (overrides: Partial<PartnerFacts> = {}): PartnerFacts => ({
    partnerId: "p",
    joinedAt: "2026-09-01T00:00:00Z",
    firstClickAt: null,
    firstReferralAt: null,
    firstRegistrationAt: null,
    firstWonAt: null,
    activeWeeks: [],
    topMonths: [],
    ...overrides,
  });
  test("streaks need consecutive weeks", () => {
    expect(
      streakReached(["2026-10-05", "2026-10-12", "2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"], 4),
    ).toBe("2026-11-16");
    expect(streakReached(["2026-10-05", "2026-10-12", "2026-10-26"], 3)).toBeNull();
    expect(mondayOf(new Date("2026-11-22T10:00:00Z"))).toBe("2026-11-16");
    expect(currentStreak(["2026-11-02", "2026-11-09"], new Date("2026-11-18T00:00:00Z"))).toBe(2);
  });
  test("rules yield keyed, dated achievements", () => {
    const earned = evaluateRules(
      facts({ firstClickAt: "2026-09-03T10:00:00Z", activeWeeks: ["2026-09-01"], topMonths: ["2026-10"] }),
      new Date("2026-11-20T00:00:00Z"),
    );
    expect(earned.map((e) => e.key).sort()).toEqual(["first_click", "first_month", "top_performer:2026-10"]);
    expect(evaluateRules(facts(), new Date("2026-11-20T00:00:00Z"))).toEqual([]);
  });
  test.each([
    [0, 1, 0],
    [99, 1, 99],
    [100, 2, 0],
    [350, 3, 50],
  ])("%i XP is level %i with %i into it", (xp, level, into) => {
    expect(levelOf(xp)).toMatchObject({ level, into });
  });
});

describe("earnings and funnel", () => {
  const lines = [
    { amountMinor: 100, currency: "USD", dueDate: "2026-11-05", status: "forecast" as const },
    { amountMinor: 200, currency: "USD", dueDate: "2026-10-05", status: "earned" as const },
    { amountMinor: 300, currency: "USD", dueDate: "2026-06-05", status: "paid" as const },
    { amountMinor: 50, currency: "EUR", dueDate: "2026-11-06", status: "approved" as const },
    { amountMinor: 999, currency: "USD", dueDate: "2026-11-06", status: "clawed_back" as const },
  ];
  test("per currency and period, forecast apart from earned, each period bounded by its end", () => {
    const later = [...lines, { amountMinor: 400, currency: "USD", dueDate: "2027-02-10", status: "forecast" as const }];
    expect(summarizeEarnings(later, "2026-11-20")).toEqual([
      { currency: "EUR", period: "month", forecast: 0, pending: 0, approved: 50, paid: 0 },
      { currency: "EUR", period: "quarter", forecast: 0, pending: 0, approved: 50, paid: 0 },
      { currency: "EUR", period: "lifetime", forecast: 0, pending: 0, approved: 50, paid: 0 },
      { currency: "USD", period: "month", forecast: 100, pending: 0, approved: 0, paid: 0 },
      { currency: "USD", period: "quarter", forecast: 100, pending: 200, approved: 0, paid: 0 },
      { currency: "USD", period: "lifetime", forecast: 500, pending: 200, approved: 0, paid: 300 },
    ]);
    // The chart counts what the totals count, month by month, and shows the coming months' forecasts.
    const bars = earningsByMonth(later, "USD", "2026-11-20", 3, 3);
    expect(bars).toEqual([
      { month: "2026-09", forecast: 0, pending: 0, approved: 0, paid: 0 },
      { month: "2026-10", forecast: 0, pending: 200, approved: 0, paid: 0 },
      { month: "2026-11", forecast: 100, pending: 0, approved: 0, paid: 0 },
      { month: "2026-12", forecast: 0, pending: 0, approved: 0, paid: 0 },
      { month: "2027-01", forecast: 0, pending: 0, approved: 0, paid: 0 },
      { month: "2027-02", forecast: 400, pending: 0, approved: 0, paid: 0 },
    ]);
  });
  test("conversion rates relative to the step before", () => {
    expect(funnelOf({ clicks: 200, referrals: 10, deals: 5, won: 0 }).map((s) => s.rate)).toEqual([
      null,
      0.05,
      0.5,
      0,
    ]);
    expect(funnelOf({ clicks: 0, referrals: 2, deals: 0, won: 0 })[1]!.rate).toBeNull();
  });
});

describe("customer domains", () => {
  test.each([
    ["https://www.Acme.com/about?x=1", "acme.com"],
    ["jo@sub.acme.co.uk", "sub.acme.co.uk"],
    ["acme", null],
    ["http://localhost:3000", null],
  ])("%s → %s", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });
  test("self-referral: own website, a colleague's email domain, or a subdomain of either", () => {
    const own = { website: "https://www.brightpath.example", emails: ["alex@brightpath-team.example"] };
    expect(isSelfReferral("brightpath.example", own)).toBe(true);
    expect(isSelfReferral("shop.brightpath.example", own)).toBe(true);
    expect(isSelfReferral("brightpath-team.example", own)).toBe(true);
    expect(isSelfReferral("notbrightpath.example", own)).toBe(false);
  });
});
