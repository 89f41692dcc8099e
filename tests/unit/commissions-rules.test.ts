import { describe, expect, test } from "vitest";
import { version, deal, NO_PERIOD, schedule, type Case } from "../support/commissions";
import type { CommissionTerms } from "@/lib/commissions/types";
import { calculateSchedule, CommissionRuleError } from "@/lib/commissions/engine";

const TIERS = (mode: "marginal" | "retroactive"): CommissionTerms => ({
  volumeTiers: {
    mode,
    tiers: [
      { fromMinor: 0, rate: "10" },
      { fromMinor: 5_000_000, rate: "20" },
    ],
  },
});
const JUNE_PROMO: CommissionTerms = { promotions: [{ start: "2025-06-01", end: "2025-06-30", rate: "20" }] };

describe("version in force", () => {
  const versions = [
    version({ id: "old", version: 1, rate: "10", effectiveFrom: "2025-01-01", effectiveTo: "2025-07-01" }),
    version({ id: "new", version: 2, rate: "20", effectiveFrom: "2025-07-01" }),
  ];
  test.each([
    ["2025-06-30", "old", 100_000], // day before the switch: 1,000,000 × 0.10
    ["2025-07-01", "new", 200_000], // switch day belongs to the new version: 1,000,000 × 0.20
    ["2025-07-02", "new", 200_000],
  ])("close %s uses version %s (%i)", (closeDate, id, totalMinor) => {
    const result = calculateSchedule({ deal: deal({ closeDate }), versions, fx: [], period: NO_PERIOD });
    expect(result).toMatchObject({
      totalMinor,
      lines: [{ agreementVersionId: id, key: `d1:${id}:one_time:1` }],
    });
  });

  test("a close before any version is excluded with a reason", () => {
    expect(
      calculateSchedule({ deal: deal({ closeDate: "2024-12-31" }), versions, fx: [], period: NO_PERIOD }),
    ).toMatchObject({ excluded: true, reason: "no_version_in_force" });
  });
});

describe("rule errors", () => {
  test.each<[string, Case, string]>([
    [
      "out-of-range override without approval",
      { override: { rate: "40", reason: "board deal", approved: false } },
      "override_needs_approval",
    ],
    [
      "below-range override without approval",
      { override: { rate: "2", reason: "discount", approved: false } },
      "override_needs_approval",
    ],
    [
      "override without a reason",
      { override: { rate: "20", reason: "  ", approved: true } },
      "override_needs_reason",
    ],
    [
      "milestones summing to 90",
      {
        v: { paymentModel: "milestone" },
        terms: {
          milestones: [
            { name: "A", percent: "40", dueAfterDays: 0 },
            { name: "B", percent: "50", dueAfterDays: 30 },
          ],
        },
      },
      "milestones_must_sum_to_100",
    ],
    ["net-revenue basis without net revenue", { v: { basis: "net_revenue" } }, "net_revenue_missing"],
    ["no FX rate on or before the close", { d: { currency: "GBP" } }, "fx_rate_missing"],
    ["recurring model without terms", { v: { paymentModel: "recurring" } }, "payment_terms_missing"],
    ["fractional minor units", { d: { valueMinor: 10.5 } }, "invalid_amount"],
    ["impossible close date", { d: { closeDate: "2025-02-30" } }, "invalid_date"],
    ["malformed rate", { v: { rate: "15%" } }, "invalid_rate"],
    [
      "malformed FX rate",
      { d: { currency: "EUR" }, fx: [{ date: "2025-06-01", from: "EUR", to: "USD", rate: "1,08" }] },
      "invalid_decimal",
    ],
  ])("%s → %s", (_name, input, code) => {
    expect(() => schedule(input)).toThrow(CommissionRuleError);
    expect(() => schedule(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe("trace", () => {
  test("names every rule applied with its numbers", () => {
    const result = schedule({
      d: { currency: "EUR", valueMinor: 2_000_000 },
      terms: { ...TIERS("marginal"), capPerDealMinor: 300_000 },
      period: { volumeBeforeMinor: 4_000_000 },
    });
    // €20,000 × 1.0842 = 2,168,400¢; 1,000,000 × 0.10 + 1,168,400 × 0.20 = 333,680 → capped at 300,000.
    expect(result.trace.map((s) => s.rule)).toEqual([
      "version",
      "basis",
      "fx",
      "rate_precedence",
      "volume_tier_marginal",
      "volume_tier_marginal",
      "commission_exact",
      "cap_per_deal",
      "rounding",
      "schedule_split",
      "effective_rate",
    ]);
    expect(result.trace.find((s) => s.rule === "commission_exact")?.values).toMatchObject({
      basisMinor: "2168400",
      commissionMinor: "333680",
      preLimitRate: "15.3883",
    });
    expect(result.trace.find((s) => s.rule === "rate_precedence")?.values).toMatchObject({
      applied: "volume_tier",
      order: "override>customer>promotion>volume_tier>base",
    });
    expect(result.totalMinor).toBe(300_000);
  });

  test("lists what a winning rate passed over", () => {
    const result = schedule({
      terms: { ...JUNE_PROMO, ...TIERS("marginal"), customerRates: [{ customer: "Initech", rate: "18" }] },
    });
    expect(result.trace.find((s) => s.rule === "rate_precedence")?.values).toMatchObject({
      applied: "customer",
      passedOver: "promotion,volume_tier",
    });
  });
});
