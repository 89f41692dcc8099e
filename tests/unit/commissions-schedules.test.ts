import { describe, expect, test } from "vitest";
import { calculateSchedule, isExcluded } from "@/lib/commissions/engine";
import type {
  AgreementVersion,
  CommissionTerms,
  Deal,
  PaymentModel,
  Schedule,
} from "@/lib/commissions/types";

function run(
  paymentModel: PaymentModel,
  terms: CommissionTerms,
  d: Partial<Deal> = {},
  rate = "15",
): Schedule {
  const version: AgreementVersion = {
    id: "v1",
    agreementId: "a1",
    version: 1,
    effectiveFrom: "2024-01-01",
    effectiveTo: null,
    model: "referral",
    direction: "payable",
    rate,
    basis: "deal_value",
    paymentModel,
    currency: "USD",
    terms,
  };
  const deal: Deal = {
    id: "d1",
    valueMinor: 1_000_000,
    currency: "USD",
    closeDate: "2025-06-15",
    customerName: "Initech",
    ...d,
  };
  const result = calculateSchedule({
    deal,
    versions: [version],
    fx: [],
    period: { volumeBeforeMinor: 0, commissionBeforeMinor: 0 },
  });
  if (isExcluded(result)) throw new Error(result.reason);
  return result;
}

/** [kind, amount, due date] per line, the shape every case asserts. */
const shape = (s: Schedule) => s.lines.map((l) => [l.kind, l.amountMinor, l.dueDate]);

describe("payment schedules", () => {
  test.each<[string, PaymentModel, CommissionTerms, Partial<Deal>, string, (string | number)[][]]>([
    // 1,000,000 × 0.15 = 150,000, one line on the close date.
    ["one-time at close", "one_time", {}, {}, "15", [["one_time", 150_000, "2025-06-15"]]],
    // 3 × 100,000 × 0.15 = 45,000 → 15,000 a month, in arrears, month ends clamped (Jan 31 → Feb 28).
    [
      "recurring monthly, end-of-month close",
      "recurring",
      { recurring: { months: 3, cadence: "monthly" } },
      { closeDate: "2025-01-31", recurringValueMinor: 100_000 },
      "15",
      [
        ["recurring", 15_000, "2025-02-28"],
        ["recurring", 15_000, "2025-03-31"],
        ["recurring", 15_000, "2025-04-30"],
      ],
    ],
    // 3 × 33,334 × 0.10 = 10,000.2 → 10,000; 10,000 / 3 = 3,333 r 1 → the first line takes the leftover unit.
    [
      "recurring split with a leftover unit",
      "recurring",
      { recurring: { months: 3, cadence: "monthly" } },
      { recurringValueMinor: 33_334 },
      "10",
      [
        ["recurring", 3_334, "2025-07-15"],
        ["recurring", 3_333, "2025-08-15"],
        ["recurring", 3_333, "2025-09-15"],
      ],
    ],
    // 1,200,000 a year × 30/12 × 0.15 = 450,000; years cover 12, 12, 6 months → 180,000, 180,000, 90,000;
    // due at each period's end from a leap-day close: +12 → 2025-02-28, +24 → 2026-02-28, +30 → 2026-08-29.
    [
      "recurring annual, partial last year",
      "recurring",
      { recurring: { months: 30, cadence: "annual" } },
      { closeDate: "2024-02-29", recurringValueMinor: 1_200_000 },
      "15",
      [
        ["recurring", 180_000, "2025-02-28"],
        ["recurring", 180_000, "2026-02-28"],
        ["recurring", 90_000, "2026-08-29"],
      ],
    ],
    // 150,000: 40 % = 60,000 at close, 90,000 / 3 = 30,000 monthly.
    [
      "hybrid 40 % upfront + 3 months",
      "hybrid",
      { hybrid: { upfrontPercent: "40", months: 3, cadence: "monthly" } },
      {},
      "15",
      [
        ["upfront", 60_000, "2025-06-15"],
        ["recurring", 30_000, "2025-07-15"],
        ["recurring", 30_000, "2025-08-15"],
        ["recurring", 30_000, "2025-09-15"],
      ],
    ],
    // 666,673 × 0.15 = 100,000.95 → 100,001; weights 40×3 : 60 : 60 : 60 → floors 40,000 + 3 × 20,000 = 100,000, +1 to the upfront.
    [
      "hybrid with a leftover unit",
      "hybrid",
      { hybrid: { upfrontPercent: "40", months: 3, cadence: "monthly" } },
      { valueMinor: 666_673 },
      "15",
      [
        ["upfront", 40_001, "2025-06-15"],
        ["recurring", 20_000, "2025-07-15"],
        ["recurring", 20_000, "2025-08-15"],
        ["recurring", 20_000, "2025-09-15"],
      ],
    ],
    // 100 % upfront leaves nothing to spread: the zero-share tail lines are not emitted.
    [
      "hybrid 100 % upfront",
      "hybrid",
      { hybrid: { upfrontPercent: "100", months: 12, cadence: "monthly" } },
      {},
      "15",
      [["upfront", 150_000, "2025-06-15"]],
    ],
    // 150,000 × 30 / 50 / 20 % = 45,000 / 75,000 / 30,000; June 15 + 90 days = Sept 13, + 365 days = 2026-06-15.
    [
      "milestones with due dates",
      "milestone",
      {
        milestones: [
          { name: "Kickoff", percent: "30", dueAfterDays: 0 },
          { name: "Go-live", percent: "50", dueAfterDays: 90 },
          { name: "Renewal", percent: "20", dueAfterDays: 365 },
        ],
      },
      {},
      "15",
      [
        ["milestone", 45_000, "2025-06-15"],
        ["milestone", 75_000, "2025-09-13"],
        ["milestone", 30_000, "2026-06-15"],
      ],
    ],
    // 1,000 × 0.10 = 100; 33.33 % → 33, 33.33 % → 33, 33.34 % → 33 (floors, 99), leftover 1 to the first line.
    [
      "milestones with fractional percentages",
      "milestone",
      {
        milestones: [
          { name: "A", percent: "33.33", dueAfterDays: 10 },
          { name: "B", percent: "33.33", dueAfterDays: 20 },
          { name: "C", percent: "33.34", dueAfterDays: 30 },
        ],
      },
      { valueMinor: 1_000 },
      "10",
      [
        ["milestone", 34, "2025-06-25"],
        ["milestone", 33, "2025-07-05"],
        ["milestone", 33, "2025-07-15"],
      ],
    ],
  ])("%s", (_name, paymentModel, terms, d, rate, expected) => {
    const result = run(paymentModel, terms, d, rate);
    expect(shape(result)).toEqual(expected);
    expect(result.lines.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(result.totalMinor);
  });

  test("lifetime recurring schedules a flagged 36-month horizon", () => {
    // 36 × 100,000 × 0.15 = 540,000 → 15,000 a month from 2025-07-15 to 2028-06-15.
    const result = run(
      "recurring",
      { recurring: { months: "lifetime", cadence: "monthly" } },
      { recurringValueMinor: 100_000 },
    );
    expect(result.lines).toHaveLength(36);
    expect(result.lines.every((l) => l.amountMinor === 15_000)).toBe(true);
    expect([result.lines[0]!.dueDate, result.lines[35]!.dueDate]).toEqual(["2025-07-15", "2028-06-15"]);
    expect(result.trace.find((s) => s.rule === "lifetime_horizon")?.values).toEqual({ horizonMonths: 36 });
  });

  test("line keys and labels are deterministic per deal, version, kind and position", () => {
    const result = run("hybrid", { hybrid: { upfrontPercent: "25", months: 2, cadence: "monthly" } });
    expect(result.lines.map((l) => [l.key, l.label, l.direction, l.currency])).toEqual([
      ["d1:v1:upfront:1", "Upfront 25% at close", "payable", "USD"],
      ["d1:v1:recurring:1", "Month 1 of 2", "payable", "USD"],
      ["d1:v1:recurring:2", "Month 2 of 2", "payable", "USD"],
    ]);
  });
});
