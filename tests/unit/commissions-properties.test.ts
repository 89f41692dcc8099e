import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { clawback } from "@/lib/commissions/clawback";
import { calculateSchedule, isExcluded } from "@/lib/commissions/engine";
import { cmp, parseDecimal } from "@/lib/commissions/decimal";
import { MODEL_RANGES } from "@/lib/commissions/ranges";
import type {
  AgreementModel,
  AgreementVersion,
  CommissionInput,
  CommissionTerms,
  Deal,
  FxRate,
  Override,
  PaymentModel,
  Schedule,
} from "@/lib/commissions/types";

const MODELS: AgreementModel[] = ["referral", "reseller", "msp", "custom"];
const FX: FxRate[] = [
  { date: "2024-01-01", from: "EUR", to: "USD", rate: "1.0842" },
  { date: "2024-01-01", from: "USD", to: "JPY", rate: "151.37" },
  { date: "2024-01-01", from: "EUR", to: "JPY", rate: "164.1234" },
];

/** A percent with up to 2 decimals within [min, max] (integers in the model table). */
const rateBetween = (min: string, max: string) =>
  fc
    .integer({ min: Number(min) * 100, max: Number(max) * 100 })
    .map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, "0")}`);

const date = fc
  .integer({ min: 0, max: 729 })
  .map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));

function paymentTerms(model: PaymentModel): fc.Arbitrary<CommissionTerms> {
  const cadence = fc.constantFrom("monthly" as const, "annual" as const);
  if (model === "recurring")
    return fc.record({
      recurring: fc.record({
        months: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.constant("lifetime" as const)),
        cadence,
      }),
    });
  if (model === "hybrid")
    return fc.record({
      hybrid: fc.record({
        upfrontPercent: rateBetween("0", "100"),
        months: fc.integer({ min: 1, max: 24 }),
        cadence,
      }),
    });
  if (model === "milestone") {
    // Split 100.00 % at random cut points so the percentages always sum to exactly 100.
    return fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 4 }).map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      const milestones = points.slice(1).map((p, i) => ({
        name: `M${i}`,
        percent: ((p - points[i]!) / 100).toFixed(2),
        dueAfterDays: i * 30,
      }));
      return { milestones };
    });
  }
  return fc.constant({});
}

/** In-range modifiers (tiers, promotions, customer rates) and, when `limits`, caps and floors. */
function modifiers(model: AgreementModel, limits: boolean): fc.Arbitrary<CommissionTerms> {
  const { min, max } = MODEL_RANGES[model];
  const rate = rateBetween(min, max);
  return fc.record(
    {
      volumeTiers: fc.record({
        mode: fc.constantFrom("marginal" as const, "retroactive" as const),
        tiers: fc.array(fc.record({ fromMinor: fc.nat(5_000_000), rate }), { minLength: 1, maxLength: 3 }),
      }),
      promotions: fc.array(fc.record({ start: date, end: date, rate }), { maxLength: 2 }),
      customerRates: fc.array(
        fc.record({ customer: fc.constantFrom("Initech", "acme.com", "Globex"), rate }),
        { maxLength: 2 },
      ),
      ...(limits
        ? {
            capPerDealMinor: fc.nat(1_000_000),
            floorPerDealMinor: fc.nat(5_000),
            capPerPeriodMinor: fc.nat(5_000_000),
          }
        : {}),
    },
    { requiredKeys: [] },
  );
}

function versionArb(limits: boolean): fc.Arbitrary<AgreementVersion> {
  return fc
    .record({
      model: fc.constantFrom(...MODELS),
      paymentModel: fc.constantFrom<PaymentModel>("one_time", "recurring", "hybrid", "milestone"),
    })
    .chain(({ model, paymentModel }) =>
      fc.record({
        id: fc.constant("v1"),
        agreementId: fc.constant("a1"),
        version: fc.constant(1),
        effectiveFrom: fc.constant("2024-01-01"),
        effectiveTo: fc.constant(null),
        model: fc.constant(model),
        direction: fc.constantFrom("receivable" as const, "payable" as const),
        rate: rateBetween(MODEL_RANGES[model].min, MODEL_RANGES[model].max),
        basis: fc.constantFrom("deal_value" as const, "net_revenue" as const),
        paymentModel: fc.constant(paymentModel),
        currency: fc.constantFrom("USD", "EUR", "JPY"),
        terms: fc
          .tuple(paymentTerms(paymentModel), modifiers(model, limits))
          .map(([a, b]) => ({ ...a, ...b })),
      }),
    );
}

const dealArb: fc.Arbitrary<Deal> = fc
  .record({
    valueMinor: fc.integer({ min: 1, max: 100_000_000 }),
    netShare: fc.integer({ min: 0, max: 100 }),
    currency: fc.constantFrom("USD", "EUR", "JPY"),
    closeDate: date,
    customerName: fc.constantFrom("Initech", "Globex", "Umbrella"),
    customerDomain: fc.option(fc.constantFrom("acme.com", "ops@initech.com"), { nil: undefined }),
    recurring: fc.option(fc.nat(10_000_000), { nil: undefined }),
  })
  .map(({ netShare, recurring, ...d }) => ({
    id: "d1",
    ...d,
    netRevenueMinor: Math.floor((d.valueMinor * netShare) / 100),
    recurringValueMinor: recurring,
  }));

const periodArb = fc.record({
  volumeBeforeMinor: fc.nat(10_000_000),
  commissionBeforeMinor: fc.nat(6_000_000),
});

function inputArb(
  limits: boolean,
  override?: fc.Arbitrary<Override | undefined>,
): fc.Arbitrary<CommissionInput> {
  return fc.record({
    deal: dealArb,
    versions: versionArb(limits).map((v) => [v]),
    fx: fc.constant(FX),
    period: periodArb,
    override: override ?? fc.constant(undefined),
  });
}

function scheduleOf(input: CommissionInput): Schedule {
  const result = calculateSchedule(input);
  if (isExcluded(result)) throw new Error(result.reason);
  return result;
}

const RUNS = { numRuns: 300 };

describe("commission engine properties", () => {
  test("every schedule's lines sum exactly to its total, in its currency", () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        const s = scheduleOf(input);
        expect(s.lines.reduce((sum, l) => sum + l.amountMinor, 0)).toBe(s.totalMinor);
        expect(s.lines.every((l) => Number.isSafeInteger(l.amountMinor) && l.currency === s.currency)).toBe(
          true,
        );
      }),
      RUNS,
    );
  });

  test("nothing but a clawback is negative", () => {
    fc.assert(
      fc.property(inputArb(true), fc.integer({ min: 1, max: 100 }), (input, pct) => {
        const s = scheduleOf(input);
        const reversed = clawback(s.lines, { refundedShare: (pct / 100).toString(), date: "2026-06-01" });
        for (const l of [...s.lines, ...reversed])
          expect(l.amountMinor < 0 ? l.kind === "clawback" : l.kind !== "clawback").toBe(true);
        const back = reversed.reduce((sum, l) => sum + l.amountMinor, 0);
        expect(-back).toBeLessThanOrEqual(s.totalMinor);
      }),
      RUNS,
    );
  });

  test("recalculation is idempotent: the same input gives deep-equal output", () => {
    fc.assert(
      fc.property(inputArb(true), (input) => {
        expect(calculateSchedule(structuredClone(input))).toEqual(calculateSchedule(input));
      }),
      RUNS,
    );
  });

  test("without an override the pre-limit rate stays within the model's range", () => {
    fc.assert(
      fc.property(inputArb(false), (input) => {
        const s = scheduleOf(input);
        const step = s.trace.find((t) => t.rule === "commission_exact")!;
        const { min, max } = MODEL_RANGES[input.versions[0]!.model];
        const rate = parseDecimal(String(step.values.preLimitRate));
        if (step.values.basisMinor !== "0") {
          expect(cmp(rate, parseDecimal(min))).toBeGreaterThanOrEqual(0);
          expect(cmp(rate, parseDecimal(max))).toBeLessThanOrEqual(0);
        }
      }),
      RUNS,
    );
  });

  test("an approved override outside the range is the pre-limit rate; an unapproved one is refused", () => {
    const outside = fc.constantFrom("1", "2.5", "60", "75.25");
    fc.assert(
      fc.property(inputArb(false), outside, fc.boolean(), (input, rate, approved) => {
        const override = { rate, reason: "strategic", approved };
        if (!approved) {
          expect(() => calculateSchedule({ ...input, override })).toThrow(
            expect.objectContaining({ code: "override_needs_approval" }),
          );
          return;
        }
        const step = scheduleOf({ ...input, override }).trace.find((t) => t.rule === "commission_exact")!;
        if (step.values.basisMinor !== "0")
          expect(cmp(parseDecimal(String(step.values.preLimitRate)), parseDecimal(rate))).toBe(0);
      }),
      RUNS,
    );
  });
});
