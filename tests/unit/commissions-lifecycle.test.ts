import { describe, expect, test } from "vitest";
import { clawback, isFrozen, recalculate } from "@/lib/commissions/clawback";
import { allocate, parseDecimal, roundHalfAwayFromZero, toFixed } from "@/lib/commissions/decimal";
import { CommissionRuleError } from "@/lib/commissions/errors";
import { convert } from "@/lib/commissions/fx";
import { isRateInRange, MODEL_RANGES } from "@/lib/commissions/ranges";
import type {
  AgreementModel,
  AgreementVersion,
  CommissionLine,
  CommissionStatus,
  CommissionTerms,
  FxRate,
  StoredCommissionLine,
} from "@/lib/commissions/types";
import { validateNewVersion, validateVersion } from "@/lib/commissions/validate";

const line = (n: number, amountMinor: number, over: Partial<CommissionLine> = {}): CommissionLine => ({
  key: `d1:v1:milestone:${n}`,
  dealId: "d1",
  agreementVersionId: "v1",
  direction: "payable",
  kind: "milestone",
  label: `M${n}`,
  amountMinor,
  currency: "USD",
  dueDate: "2025-06-15",
  ...over,
});

describe("clawback", () => {
  test.each<[string, number[], string, number[]]>([
    ["full refund reverses exactly", [45_000, 75_000, 30_000], "1", [-45_000, -75_000, -30_000]],
    // 15,001 × 0.5 = 7,500.5 → 7,501; 3 × 0.5 = 1.5 → 2 (half away from zero, once per line).
    ["half refund rounds each line half away from zero", [15_001, 3], "0.5", [-7_501, -2]],
    // 1 × 0.25 = 0.25 → 0: nothing to reverse, no line; 0 lines are skipped too.
    ["lines that round to nothing are skipped", [1, 0, 400], "0.25", [-100]],
    // JPY line ¥1,001 × 0.1 = 100.1 → 100.
    ["partial refund of a JPY line", [1_001], "0.1", [-100]],
  ])("%s", (_name, amounts, refundedShare, expected) => {
    const originals = amounts.map((a, i) => line(i + 1, a));
    const snapshot = structuredClone(originals);
    const result = clawback(originals, { refundedShare, date: "2025-10-01" });
    expect(result.map((l) => l.amountMinor)).toEqual(expected);
    expect(
      result.every(
        (l) =>
          l.kind === "clawback" &&
          l.dueDate === "2025-10-01" &&
          l.key === `${l.clawbackOf}:clawback:2025-10-01`,
      ),
    ).toBe(true);
    expect(originals).toEqual(snapshot);
  });

  test("a later refund reverses only what is left", () => {
    const original = line(1, 15_001);
    const first = clawback([original], { refundedShare: "0.5", date: "2025-10-01" }); // −7,501
    // 15,001 × 0.75 = 11,250.75 → 11,251, but only 15,001 − 7,501 = 7,500 is left.
    const second = clawback([original, ...first], { refundedShare: "0.75", date: "2025-10-02" });
    expect(second).toMatchObject([{ amountMinor: -7_500, clawbackOf: original.key }]);
    expect(clawback([original, ...first, ...second], { refundedShare: "1", date: "2025-10-03" })).toEqual([]);
  });

  test("the same refund submitted twice on one day adds nothing", () => {
    const first = clawback([line(1, 1_000)], { refundedShare: "0.5", date: "2025-10-01" });
    expect(clawback([line(1, 1_000), ...first], { refundedShare: "0.5", date: "2025-10-01" })).toEqual([]);
  });

  test.each(["0", "1.5", "-0.5", "half"])("rejects refunded share %s", (refundedShare) => {
    expect(() => clawback([line(1, 100)], { refundedShare, date: "2025-10-01" })).toThrow(
      CommissionRuleError,
    );
  });
});

describe("freeze and recalculation", () => {
  const stored = (
    status: CommissionStatus,
    amountMinor = 100,
    over: Partial<CommissionLine> = {},
  ): StoredCommissionLine => ({ ...line(1, amountMinor, over), status });

  test.each<[CommissionStatus, boolean]>([
    ["forecast", false],
    ["earned", false],
    ["approved", true],
    ["paid", true],
    ["clawed_back", true],
  ])("status %s frozen: %s", (status, frozen) => {
    expect(isFrozen(status)).toBe(frozen);
  });

  test("unfrozen lines are replaced by the fresh ones", () => {
    expect(recalculate([stored("forecast", 100)], [line(1, 120)])).toEqual({
      frozen: false,
      changed: true,
      lines: [line(1, 120)],
      removedKeys: [],
    });
  });

  test("a repeat with identical output is a no-op", () => {
    expect(recalculate([stored("earned", 100)], [line(1, 100)])).toMatchObject({
      frozen: false,
      changed: false,
    });
  });

  test("a new agreement version's keys replace the old ones", () => {
    const fresh = [line(1, 100, { key: "d1:v2:milestone:1", agreementVersionId: "v2" })];
    expect(recalculate([stored("forecast")], fresh)).toMatchObject({
      frozen: false,
      changed: true,
      removedKeys: ["d1:v1:milestone:1"],
    });
  });

  test.each<[string, StoredCommissionLine[]]>([
    ["an approved line", [stored("forecast"), stored("approved", 50, { key: "k2" })]],
    ["a paid line", [stored("paid")]],
    [
      "a clawback line",
      [
        stored("forecast"),
        stored("forecast", -50, { key: "k2", kind: "clawback", clawbackOf: "d1:v1:milestone:1" }),
      ],
    ],
  ])("nothing is replaced once there is %s", (_name, existing) => {
    expect(recalculate(existing, [line(1, 999)])).toMatchObject({ frozen: true });
  });
});

describe("convert (minor units per currency, latest rate on or before the date)", () => {
  const rates: FxRate[] = [
    { date: "2025-06-01", from: "USD", to: "JPY", rate: "151.37" },
    { date: "2025-06-01", from: "EUR", to: "USD", rate: "1.0842" },
    { date: "2025-06-10", from: "EUR", to: "USD", rate: "1.2" },
    { date: "2025-06-12", from: "USD", to: "EUR", rate: "0.8" },
    { date: "2025-06-01", from: "USD", to: "BHD", rate: "0.376" },
  ];
  test.each<[string, number, string, string, string, number]>([
    ["USD→JPY: $10.00 × 151.37 = ¥1,513.7 → ¥1,514", 1_000, "USD", "JPY", "2025-06-05", 1_514],
    ["JPY→USD by inverse: ¥1,514 / 151.37 = $10.00198 → 1,000¢", 1_514, "JPY", "USD", "2025-06-05", 1_000],
    ["EUR→USD: €100.00 × 1.0842 = 10,842¢", 10_000, "EUR", "USD", "2025-06-05", 10_842],
    ["a rate dated the conversion day applies: €100 × 1.2", 10_000, "EUR", "USD", "2025-06-10", 12_000],
    ["a newer inverse beats an older direct rate: €100 / 0.8", 10_000, "EUR", "USD", "2025-06-12", 12_500],
    ["USD→BHD (3 digits): $100.00 × 0.376 = 37.600 BHD", 10_000, "USD", "BHD", "2025-06-05", 37_600],
    ["same currency is the identity", 12_345, "USD", "USD", "2020-01-01", 12_345],
  ])("%s", (_name, amount, from, to, date, expected) => {
    expect(convert(amount, from, to, date, rates)).toBe(expected);
  });

  test("no rate on or before the date is an error", () => {
    expect(() => convert(100, "EUR", "USD", "2025-05-31", rates)).toThrow(
      expect.objectContaining({ code: "fx_rate_missing" }),
    );
  });
});

describe("decimal helpers", () => {
  test.each<[string, number]>([
    ["2.5", 3],
    ["-2.5", -3],
    ["2.4999", 2],
    ["-1.5", -2],
    ["0.5", 1],
    ["-0.4", 0],
    ["7", 7],
  ])("round %s → %i", (value, expected) => {
    expect(roundHalfAwayFromZero(parseDecimal(value))).toBe(expected);
  });

  test.each<[number, number[], number[]]>([
    [100, [1, 1, 1], [34, 33, 33]],
    [101, [1, 1, 1], [34, 34, 33]],
    [10, [0, 1, 1], [0, 5, 5]],
    [7, [0, 1, 2], [0, 3, 4]], // floors 0, 2, 4 = 6; the leftover unit skips the zero weight
    [0, [3, 1], [0, 0]],
  ])("allocate %i by %j → %j", (total, weights, expected) => {
    expect(allocate(total, weights.map(BigInt))).toEqual(expected);
  });

  test.each<[string, number, string]>([
    ["12.34565", 4, "12.3457"],
    ["-0.00005", 4, "-0.0001"],
    ["3", 2, "3.00"],
    ["0.1", 0, "0"],
  ])("toFixed %s to %i → %s", (value, digits, expected) => {
    expect(toFixed(parseDecimal(value), digits)).toBe(expected);
  });
});

describe("model ranges", () => {
  test.each<[AgreementModel, string, boolean]>([
    ["referral", "5", true],
    ["referral", "25", true],
    ["referral", "4.9999", false],
    ["referral", "25.0001", false],
    ["reseller", "20", true],
    ["reseller", "50.5", false],
    ["msp", "15", true],
    ["msp", "41", false],
    ["custom", "50", true],
    ["custom", "4", false],
    ["referral", "15%", false],
  ])("%s rate %s in range: %s", (model, rate, expected) => {
    expect(isRateInRange(model, rate)).toBe(expected);
  });

  test("defaults match the product", () => {
    expect(Object.fromEntries(Object.entries(MODEL_RANGES).map(([m, r]) => [m, r.default]))).toEqual({
      referral: "15",
      reseller: "30",
      msp: "25",
      custom: null,
    });
  });
});

describe("validateVersion / validateNewVersion", () => {
  const base = (over: Partial<AgreementVersion> = {}, terms: CommissionTerms = {}): AgreementVersion => ({
    id: "v2",
    agreementId: "a1",
    version: 2,
    effectiveFrom: "2025-07-01",
    effectiveTo: null,
    model: "referral",
    direction: "receivable",
    rate: "15",
    basis: "deal_value",
    paymentModel: "one_time",
    currency: "USD",
    terms,
    ...over,
  });

  test.each<[string, AgreementVersion, string[]]>([
    ["a valid version", base(), []],
    ["rate outside the model range", base({ rate: "30" }), ["rate"]],
    ["end before start", base({ effectiveTo: "2025-06-30" }), ["effectiveTo"]],
    [
      "milestones summing to 90",
      base({ paymentModel: "milestone" }, { milestones: [{ name: "A", percent: "90", dueAfterDays: 0 }] }),
      ["terms.milestones"],
    ],
    ["a negative cap", base({}, { capPerDealMinor: -1 }), ["terms.capPerDealMinor"]],
    [
      "a floor above the cap",
      base({}, { floorPerDealMinor: 500, capPerDealMinor: 400 }),
      ["terms.floorPerDealMinor"],
    ],
    [
      "minimum above maximum deal size",
      base({}, { minDealMinor: 10, maxDealMinor: 5 }),
      ["terms.minDealMinor"],
    ],
    [
      "a promotion rate outside the range",
      base({}, { promotions: [{ start: "2025-07-01", end: "2025-07-31", rate: "30" }] }),
      ["terms.promotions"],
    ],
    [
      "tiers not ascending",
      base(
        {},
        {
          volumeTiers: {
            mode: "marginal",
            tiers: [
              { fromMinor: 100, rate: "10" },
              { fromMinor: 50, rate: "20" },
            ],
          },
        },
      ),
      ["terms.volumeTiers"],
    ],
    ["recurring without terms", base({ paymentModel: "recurring" }), ["terms.recurring"]],
    ["a bad currency", base({ currency: "usd" }), ["currency"]],
  ])("%s", (_name, version, fields) => {
    expect(Object.keys(validateVersion(version)).sort()).toEqual(fields);
  });

  const v1 = base({ id: "v1", version: 1, effectiveFrom: "2025-01-01", effectiveTo: "2025-07-01" });
  test.each<[string, AgreementVersion, string[]]>([
    ["starting on the previous version's end", base(), []],
    ["overlapping the previous version", base({ effectiveFrom: "2025-06-01" }), ["effectiveFrom"]],
    ["a later start with no overlap", base({ effectiveFrom: "2026-01-01" }), []],
    ["another agreement's dates do not matter", base({ agreementId: "a2", effectiveFrom: "2025-03-01" }), []],
    ["a duplicate version number", base({ version: 1 }), ["version"]],
  ])("%s", (_name, next, fields) => {
    expect(Object.keys(validateNewVersion([v1], next)).sort()).toEqual(fields);
  });

  test("an open-ended existing version blocks a later one", () => {
    const open = base({ id: "v1", version: 1, effectiveFrom: "2025-01-01" });
    expect(validateNewVersion([open], base({ effectiveFrom: "2026-01-01" }))).toHaveProperty("effectiveFrom");
  });
});
