import { describe, expect, test } from "vitest";
import { schedule, type Case } from "../support/commissions";
import type { CommissionTerms } from "@/lib/commissions/types";

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

describe("calculateSchedule rates and modifiers (deal $10,000.00 = 1,000,000 cents unless stated)", () => {
  test.each<[string, Case, number, string]>([
    // Model defaults: 1,000,000 × rate.
    ["referral default 15%: 1,000,000 × 0.15", {}, 150_000, "15.0000"],
    ["reseller default 30%: 1,000,000 × 0.30", { v: { model: "reseller", rate: "30" } }, 300_000, "30.0000"],
    ["msp default 25%: 1,000,000 × 0.25", { v: { model: "msp", rate: "25" } }, 250_000, "25.0000"],
    ["custom 12.5%: 1,000,000 × 0.125", { v: { model: "custom", rate: "12.5" } }, 125_000, "12.5000"],
    [
      "payable direction, same maths: 1,000,000 × 0.20",
      { v: { direction: "payable", rate: "20" } },
      200_000,
      "20.0000",
    ],
    // Basis.
    [
      "net-revenue basis: 400,000 × 0.15 = 60,000 (rate is on the basis)",
      { v: { basis: "net_revenue" }, d: { netRevenueMinor: 400_000 } },
      60_000,
      "15.0000",
    ],
    [
      "deal-value basis ignores net revenue: 1,000,000 × 0.15",
      { d: { netRevenueMinor: 400_000 } },
      150_000,
      "15.0000",
    ],
    // Cap and floor per deal.
    ["cap per deal: 150,000 capped at 100,000", { terms: { capPerDealMinor: 100_000 } }, 100_000, "10.0000"],
    [
      "floor per deal: 100,000 × 0.15 = 15,000 raised to 20,000",
      { d: { valueMinor: 100_000 }, terms: { floorPerDealMinor: 20_000 } },
      20_000,
      "20.0000",
    ],
    [
      "floor not reached: 150,000 ≥ 20,000 stays",
      { terms: { floorPerDealMinor: 20_000 } },
      150_000,
      "15.0000",
    ],
    // Volume tiers (10 % below 5,000,000 of period volume, 20 % from it); deal 2,000,000.
    [
      "marginal crossing: 1,000,000×0.10 + 1,000,000×0.20 = 300,000",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("marginal"), period: { volumeBeforeMinor: 4_000_000 } },
      300_000,
      "15.0000",
    ],
    [
      "retroactive crossing: 6,000,000 reaches 20 % → 2,000,000×0.20",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("retroactive"), period: { volumeBeforeMinor: 4_000_000 } },
      400_000,
      "20.0000",
    ],
    [
      "retroactive not reached: 4,000,000 < 5,000,000 → 2,000,000×0.10",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("retroactive"), period: { volumeBeforeMinor: 2_000_000 } },
      200_000,
      "10.0000",
    ],
    [
      "marginal ending on the boundary: all 2,000,000 in tier 1 ×0.10",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("marginal"), period: { volumeBeforeMinor: 3_000_000 } },
      200_000,
      "10.0000",
    ],
    [
      "retroactive ending on the boundary reaches it: 2,000,000×0.20",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("retroactive"), period: { volumeBeforeMinor: 3_000_000 } },
      400_000,
      "20.0000",
    ],
    [
      "marginal already above: all in tier 2, 2,000,000×0.20",
      { d: { valueMinor: 2_000_000 }, terms: TIERS("marginal"), period: { volumeBeforeMinor: 9_000_000 } },
      400_000,
      "20.0000",
    ],
    [
      "base rate fills below a first tier at 1,000,000: 1,000,000×0.15 + 1,000,000×0.20",
      {
        d: { valueMinor: 2_000_000 },
        terms: { volumeTiers: { mode: "marginal", tiers: [{ fromMinor: 1_000_000, rate: "20" }] } },
      },
      350_000,
      "17.5000",
    ],
    // Promotions, inclusive 2025-06-01 … 2025-06-30 at 20 %.
    [
      "promotion start day 06-01: ×0.20",
      { terms: JUNE_PROMO, d: { closeDate: "2025-06-01" } },
      200_000,
      "20.0000",
    ],
    [
      "promotion end day 06-30: ×0.20",
      { terms: JUNE_PROMO, d: { closeDate: "2025-06-30" } },
      200_000,
      "20.0000",
    ],
    [
      "day after the promotion 07-01: base ×0.15",
      { terms: JUNE_PROMO, d: { closeDate: "2025-07-01" } },
      150_000,
      "15.0000",
    ],
    [
      "day before the promotion 05-31: base ×0.15",
      { terms: JUNE_PROMO, d: { closeDate: "2025-05-31" } },
      150_000,
      "15.0000",
    ],
    // Customer-specific rates.
    [
      "customer by name, case-insensitive (ACME corp ~ Acme Corp): ×0.18",
      { terms: { customerRates: [{ customer: "ACME corp", rate: "18" }] }, d: { customerName: "Acme Corp" } },
      180_000,
      "18.0000",
    ],
    [
      "customer by domain (@globex.com ~ Globex.com): ×0.20",
      {
        terms: { customerRates: [{ customer: "@globex.com", rate: "20" }] },
        d: { customerDomain: "Globex.com" },
      },
      200_000,
      "20.0000",
    ],
    [
      "customer by email's domain (ops@globex.com): ×0.20",
      {
        terms: { customerRates: [{ customer: "globex.com", rate: "20" }] },
        d: { customerDomain: "ops@globex.com" },
      },
      200_000,
      "20.0000",
    ],
    [
      "other customer: base ×0.15",
      {
        terms: { customerRates: [{ customer: "globex.com", rate: "20" }] },
        d: { customerDomain: "hooli.com" },
      },
      150_000,
      "15.0000",
    ],
    // Precedence: override > customer > promotion > volume tier > base.
    [
      "customer beats promotion: ×0.18 not ×0.20",
      { terms: { ...JUNE_PROMO, customerRates: [{ customer: "initech", rate: "18" }] } },
      180_000,
      "18.0000",
    ],
    [
      "promotion beats tiers: ×0.20 not tiered ×0.10",
      { terms: { ...JUNE_PROMO, ...TIERS("retroactive") } },
      200_000,
      "20.0000",
    ],
    [
      "in-range override needs no approval: ×0.22",
      { override: { rate: "22", reason: "strategic", approved: false } },
      220_000,
      "22.0000",
    ],
    [
      "approved out-of-range override: ×0.40",
      { override: { rate: "40", reason: "board deal", approved: true } },
      400_000,
      "40.0000",
    ],
    [
      "override beats customer rate: ×0.10 not ×0.18",
      {
        terms: { customerRates: [{ customer: "Initech", rate: "18" }] },
        override: { rate: "10", reason: "price match", approved: false },
      },
      100_000,
      "10.0000",
    ],
    [
      "override still capped: 400,000 → cap 250,000",
      { terms: { capPerDealMinor: 250_000 }, override: { rate: "40", reason: "board deal", approved: true } },
      250_000,
      "25.0000",
    ],
  ])("%s", (_name, input, totalMinor, effectiveRate) => {
    const result = schedule(input);
    expect(result.totalMinor).toBe(totalMinor);
    expect(result.effectiveRate).toBe(effectiveRate);
    expect(result.lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(totalMinor);
  });
});
