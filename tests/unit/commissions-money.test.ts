import { describe, expect, test } from "vitest";
import { version, deal, NO_PERIOD, FX, schedule, type Case } from "../support/commissions";
import type { CommissionTerms, Deal } from "@/lib/commissions/types";
import { calculateSchedule, isExcluded } from "@/lib/commissions/engine";

describe("calculateSchedule money: period cap, currencies, rounding, recurring (deal 1,000,000 cents unless stated)", () => {
  test.each<[string, Case, number, string]>([
    // Per-period cap (1,000,000) given commission earlier in the period.
    [
      "period cap leaves 100,000 room: 150,000 → 100,000",
      { terms: { capPerPeriodMinor: 1_000_000 }, period: { commissionBeforeMinor: 900_000 } },
      100_000,
      "10.0000",
    ],
    [
      "period cap exhausted: → 0",
      { terms: { capPerPeriodMinor: 1_000_000 }, period: { commissionBeforeMinor: 1_200_000 } },
      0,
      "0.0000",
    ],
    [
      "period cap not reached: 150,000 ≤ 500,000 room",
      { terms: { capPerPeriodMinor: 1_000_000 }, period: { commissionBeforeMinor: 500_000 } },
      150_000,
      "15.0000",
    ],
    // Currencies: JPY has no minor units; conversions keep the exact value and round once.
    [
      "JPY deal and agreement: ¥1,234,567 × 0.15 = 185,185.05 → 185,185",
      { v: { currency: "JPY" }, d: { currency: "JPY", valueMinor: 1_234_567 } },
      185_185,
      "15.0000",
    ],
    [
      "USD→JPY: $1,234.56 × 151.37 = ¥186,875.3472 × 0.15 = 28,031.302 → ¥28,031 (28,031 / 186,875.3472 = 14.99984 %)",
      { v: { currency: "JPY" }, d: { valueMinor: 123_456 } },
      28_031,
      "14.9998",
    ],
    [
      "EUR→USD: €10,000.00 × 1.0842 = 1,084,200¢ × 0.15 = 162,630",
      { d: { currency: "EUR" } },
      162_630,
      "15.0000",
    ],
    [
      "USD→EUR by inverse pair: 1,000,000 / 1.0842 × 0.15 = 138,350.86 → 138,351",
      { v: { currency: "EUR" } },
      138_351,
      "15.0000",
    ],
    [
      "latest rate on/before close (06-01 1.10, not 06-20 1.20): 1,100,000 × 0.15",
      {
        d: { currency: "EUR" },
        fx: [
          { date: "2025-06-01", from: "EUR", to: "USD", rate: "1.10" },
          { date: "2025-06-20", from: "EUR", to: "USD", rate: "1.20" },
        ],
      },
      165_000,
      "15.0000",
    ],
    // Rounding: one rounding, half away from zero (custom 12.5 %).
    [
      "rounding: 12 × 0.125 = 1.5 → 2",
      { v: { model: "custom", rate: "12.5" }, d: { valueMinor: 12 } },
      2,
      "16.6667",
    ],
    [
      "rounding: 20 × 0.125 = 2.5 → 3",
      { v: { model: "custom", rate: "12.5" }, d: { valueMinor: 20 } },
      3,
      "15.0000",
    ],
    [
      "rounding: 1 × 0.125 = 0.125 → 0",
      { v: { model: "custom", rate: "12.5" }, d: { valueMinor: 1 } },
      0,
      "0.0000",
    ],
    ["rounding: 10,003 × 0.15 = 1,500.45 → 1,500", { d: { valueMinor: 10_003 } }, 1_500, "14.9955"],
    ["rounding: 10,010 × 0.15 = 1,501.5 → 1,502", { d: { valueMinor: 10_010 } }, 1_502, "15.0050"],
    [
      "rounding JPY: ¥100 × 0.125 = 12.5 → ¥13",
      { v: { model: "custom", rate: "12.5", currency: "JPY" }, d: { currency: "JPY", valueMinor: 100 } },
      13,
      "13.0000",
    ],
    [
      "4-decimal rate: 1,000,000 × 0.123456 … uses numeric(7,4) 12.3456 → 123,456",
      { v: { model: "custom", rate: "12.3456" } },
      123_456,
      "12.3456",
    ],
    // Recurring totals: months × per-period value × rate.
    [
      "recurring monthly 12 × 100,000 × 0.15 = 180,000",
      {
        v: { paymentModel: "recurring" },
        terms: { recurring: { months: 12, cadence: "monthly" } },
        d: { recurringValueMinor: 100_000 },
      },
      180_000,
      "15.0000",
    ],
    [
      "recurring lifetime → 36-month horizon: 36 × 100,000 × 0.15",
      {
        v: { paymentModel: "recurring" },
        terms: { recurring: { months: "lifetime", cadence: "monthly" } },
        d: { recurringValueMinor: 100_000 },
      },
      540_000,
      "15.0000",
    ],
    [
      "recurring annual 24 months: 2 × 1,200,000 × 0.15",
      {
        v: { paymentModel: "recurring" },
        terms: { recurring: { months: 24, cadence: "annual" } },
        d: { recurringValueMinor: 1_200_000 },
      },
      360_000,
      "15.0000",
    ],
    [
      "recurring without recurring value: 1,000,000/12 × 5 × 0.15 = 62,500",
      { v: { paymentModel: "recurring" }, terms: { recurring: { months: 5, cadence: "monthly" } } },
      62_500,
      "15.0000",
    ],
    [
      "MSP recurring on net revenue: 100,000 × 480,000/1,200,000 × 12 × 0.25",
      {
        v: { model: "msp", rate: "25", basis: "net_revenue", paymentModel: "recurring" },
        terms: { recurring: { months: 12, cadence: "monthly" } },
        d: { valueMinor: 1_200_000, netRevenueMinor: 480_000, recurringValueMinor: 100_000 },
      },
      120_000,
      "25.0000",
    ],
  ])("%s", (_name, input, totalMinor, effectiveRate) => {
    const result = schedule(input);
    expect(result.totalMinor).toBe(totalMinor);
    expect(result.effectiveRate).toBe(effectiveRate);
    expect(result.lines.reduce((sum, line) => sum + line.amountMinor, 0)).toBe(totalMinor);
  });
});

describe("deal-size thresholds", () => {
  test.each<[string, Partial<Deal>, CommissionTerms, string | null]>([
    ["below the minimum", { valueMinor: 499_999 }, { minDealMinor: 500_000 }, "below_min_deal"],
    ["exactly the minimum is allowed", { valueMinor: 500_000 }, { minDealMinor: 500_000 }, null],
    ["above the maximum", { valueMinor: 2_000_001 }, { maxDealMinor: 2_000_000 }, "above_max_deal"],
    ["exactly the maximum is allowed", { valueMinor: 2_000_000 }, { maxDealMinor: 2_000_000 }, null],
    // €9,000 × 1.0842 = $9,757.80 < $10,000 minimum, in agreement currency.
    [
      "EUR deal converted below a USD minimum",
      { currency: "EUR", valueMinor: 900_000 },
      { minDealMinor: 1_000_000 },
      "below_min_deal",
    ],
    // €9,300 × 1.0842 = $10,083.06 ≥ $10,000.
    [
      "EUR deal converted above a USD minimum",
      { currency: "EUR", valueMinor: 930_000 },
      { minDealMinor: 1_000_000 },
      null,
    ],
  ])("%s", (_name, d, terms, reason) => {
    const result = calculateSchedule({
      deal: deal(d),
      versions: [version({ terms })],
      fx: FX,
      period: NO_PERIOD,
    });
    if (reason) expect(result).toMatchObject({ excluded: true, reason });
    else expect(isExcluded(result)).toBe(false);
  });

  test("the converted EUR deal earns 1,008,306¢ × 0.15 = 151,245.9 → 151,246", () => {
    expect(
      schedule({ d: { currency: "EUR", valueMinor: 930_000 }, terms: { minDealMinor: 1_000_000 } })
        .totalMinor,
    ).toBe(151_246);
  });
});
