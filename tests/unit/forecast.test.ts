import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  learnStageProbabilities,
  winProbabilityFor,
  type ClosedDeal,
} from "@/lib/forecast/learned-probability";
import { simulateQuarter, type SimulatedDeal } from "@/lib/forecast/monte-carlo";
import { createRng } from "@/lib/forecast/rng";
import { weightedForecast } from "@/lib/forecast/weighted";

const asOf = "2025-06-30";
const deal = (valueMinor: number, probability: number, expectedCloseDate: string | null = null) => ({
  id: "d",
  valueMinor,
  probability,
  expectedCloseDate,
});

describe("rng", () => {
  test("is seeded, in [0, 1), and hashes string seeds", () => {
    const draws = (seed: number | string) => Array.from({ length: 1000 }, createRng(seed).next);
    expect(draws(42)).toEqual(draws(42));
    expect(draws("q3-2025")).toEqual(draws("q3-2025"));
    expect(draws(42)).not.toEqual(draws(43));
    expect(draws("a").every((x) => x >= 0 && x < 1)).toBe(true);
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});

describe("weightedForecast", () => {
  test("sums three deals of known probability exactly", () => {
    const result = weightedForecast(
      [
        { id: "a", valueMinor: 1_000_000, probability: 25, expectedCloseDate: "2025-09-30" },
        { id: "b", valueMinor: 333_333, probability: 50, expectedCloseDate: asOf },
        { id: "c", valueMinor: 75_000, probability: 10, expectedCloseDate: null },
      ],
      { asOf },
    );
    expect(result.deals.map((d) => d.weightedMinor)).toEqual([250_000, 166_667, 7_500]);
    expect(result.totalMinor).toBe(424_167);
    expect(result.deals.every((d) => d.decay === 1)).toBe(true);
  });

  test.each([
    ["2025-07-15", -15, 1, 100_000],
    [asOf, 0, 1, 100_000],
    ["2025-06-29", 1, 0.9, 90_000],
    ["2025-06-23", 7, 0.9, 90_000],
    ["2025-06-22", 8, 0.8, 80_000],
    ["2025-06-15", 15, 0.7, 70_000],
    ["2025-05-05", 56, 0.2, 20_000],
    ["2025-05-01", 60, 0.2, 20_000],
    ["2024-01-01", 546, 0.2, 20_000],
  ])("close date %s (%i days overdue) decays to %d", (date, _days, decay, weightedMinor) => {
    const [result] = weightedForecast([deal(100_000, 100, date)], { asOf }).deals;
    expect(result).toMatchObject({ decay, weightedMinor });
  });

  test("custom decay rate and floor", () => {
    const options = { asOf: new Date("2025-06-30T23:59:00Z"), overdueDecayPerWeek: 0.25, minimumDecay: 0.5 };
    const decays = weightedForecast(
      [deal(100, 100, "2025-06-29"), deal(100, 100, "2025-06-15")],
      options,
    ).deals;
    expect(decays.map((d) => d.decay)).toEqual([0.75, 0.5]);
  });

  test.each([
    [5, 10, null, 1],
    [15, 10, null, 2],
    [25, 10, null, 3],
    [4, 10, null, 0],
    [45, 70, null, 32],
    [85, 70, null, 60],
    [50, 90, "2025-06-15", 32],
    [1, 33.3, null, 0],
    [3, 16.5, null, 0],
  ])("%i × %d%% (closing %s) rounds half away from zero to %i", (value, probability, date, expected) => {
    expect(weightedForecast([deal(value, probability, date)], { asOf }).totalMinor).toBe(expected);
  });

  test.each([
    [deal(-1, 50)],
    [deal(1.5, 50)],
    [deal(100, 101)],
    [deal(100, Number.NaN)],
    [deal(100, 50, "2025-02-30")],
  ])("rejects invalid deal %o", (bad) => {
    expect(() => weightedForecast([bad], { asOf })).toThrow(RangeError);
  });
});

describe("learnStageProbabilities", () => {
  const stageDefaults = { lead: 10, demo: 25, poc: 50, proposal: 75 };
  const repeat = (n: number, d: ClosedDeal) => Array.from({ length: n }, () => d);
  const closedDeals = [
    ...repeat(10, { reachedStageKeys: ["lead", "demo", "demo", "poc", "proposal"], won: true }),
    ...repeat(10, { reachedStageKeys: ["lead", "demo", "archived"], won: false }),
    ...repeat(20, { reachedStageKeys: ["lead"], won: false }),
  ];

  test.each([
    [20, "lead", 25, "learned", 40],
    [20, "demo", 50, "learned", 20],
    [21, "demo", 25, "default", 20],
    [20, "poc", 50, "default", 10],
    [20, "proposal", 75, "default", 10],
    [10, "poc", 100, "learned", 10],
  ] as const)("minSample %i: %s → %d%% (%s, sample %i)", (minSample, stage, probability, source, sample) => {
    const learned = learnStageProbabilities({ closedDeals, stageDefaults, minSample });
    expect(Object.keys(learned)).toEqual(Object.keys(stageDefaults));
    expect(learned[stage]).toEqual({ probability, source, sample });
  });

  test("winProbabilityFor reads the learned table and rejects unknown stages", () => {
    const learned = learnStageProbabilities({ closedDeals, stageDefaults });
    expect(winProbabilityFor("lead", learned)).toBe(25);
    expect(winProbabilityFor("poc", learned)).toBe(50);
    expect(() => winProbabilityFor("archived", learned)).toThrow(RangeError);
    expect(() => winProbabilityFor("toString", learned)).toThrow(RangeError);
  });
});

/** Exact outcome distribution by enumerating every win/loss combination. */
function enumerate(deals: readonly SimulatedDeal[], alreadyWon: number): { total: number; p: number }[] {
  let outcomes = [{ total: alreadyWon, p: 1 }];
  for (const d of deals) {
    const q = d.winProbability / 100;
    outcomes = outcomes.flatMap((o) => [
      { total: o.total + d.valueMinor, p: o.p * q },
      { total: o.total, p: o.p * (1 - q) },
    ]);
  }
  return outcomes.filter((o) => o.p > 0).sort((a, b) => a.total - b.total);
}

describe("simulateQuarter", () => {
  // 70% rather than 75% on the third deal: at 75% P(total = 0) is exactly 0.10, making P10 a coin flip between two totals.
  const deals: SimulatedDeal[] = [
    { id: "a", valueMinor: 10_000_000, winProbability: 50 },
    { id: "b", valueMinor: 5_000_000, winProbability: 20 },
    { id: "c", valueMinor: 20_000_000, winProbability: 70 },
  ];
  const exact = enumerate(deals, 0);
  const cdf = exact.map((o, i) => ({
    total: o.total,
    c: exact.slice(0, i + 1).reduce((s, x) => s + x.p, 0),
  }));
  const run = simulateQuarter({
    deals,
    alreadyWonMinor: 0,
    targetMinor: 25_000_000,
    trials: 40_000,
    seed: 7,
  });

  test("expected value is exact and the mean is within 1%", () => {
    expect(run.expectedMinor).toBe(5_000_000 + 1_000_000 + 14_000_000);
    expect(Math.abs(run.meanMinor - run.expectedMinor)).toBeLessThan(run.expectedMinor * 0.01);
  });

  test.each([
    ["p10Minor", 0.1],
    ["p50Minor", 0.5],
    ["p90Minor", 0.9],
  ] as const)("%s equals the exact %d quantile of the 8 outcomes", (key, q) => {
    expect(cdf.every(({ c }) => Math.abs(c - q) > 0.01)).toBe(true);
    const quantile = cdf.find(({ c }) => c >= q)?.total;
    expect(exact.map((o) => o.total)).toContain(run[key]);
    expect(run[key]).toBe(quantile);
  });

  test("probabilityOfTarget matches the enumerated probability", () => {
    const p = exact.filter((o) => o.total >= 25_000_000).reduce((s, o) => s + o.p, 0);
    expect(Math.abs(run.probabilityOfTarget - p)).toBeLessThan(0.02);
  });

  test("same seed is identical, another seed differs", () => {
    const sim = (seed: number | string) =>
      simulateQuarter({ deals, alreadyWonMinor: 0, targetMinor: 1, trials: 2000, seed });
    expect(sim("x")).toEqual(sim("x"));
    expect(sim(1)).toEqual(sim(1));
    expect(sim(1)).not.toEqual(sim(2));
  });

  test("probabilities 0 and 100 are deterministic", () => {
    const fixed = [
      { id: "sure", valueMinor: 1_000, winProbability: 100 },
      { id: "dead", valueMinor: 5_000, winProbability: 0 },
    ];
    const sim = (targetMinor: number) =>
      simulateQuarter({ deals: fixed, alreadyWonMinor: 200, targetMinor, trials: 1000, seed: 3 });
    expect(sim(1_200)).toEqual({
      trials: 1000,
      meanMinor: 1_200,
      p10Minor: 1_200,
      p50Minor: 1_200,
      p90Minor: 1_200,
      probabilityOfTarget: 1,
      expectedMinor: 1_200,
    });
    expect(sim(1_201).probabilityOfTarget).toBe(0);
  });

  test.each([
    [{ trials: 999 }],
    [{ alreadyWonMinor: -1 }],
    [{ deals: [{ id: "x", valueMinor: -5, winProbability: 10 }] }],
    [{ deals: [{ id: "x", valueMinor: 5, winProbability: 100.5 }] }],
    [{ deals: [{ id: "x", valueMinor: 5, winProbability: -0.1 }] }],
  ])("rejects %o", (override) => {
    expect(() =>
      simulateQuarter({ deals, alreadyWonMinor: 0, targetMinor: 0, trials: 1000, seed: 1, ...override }),
    ).toThrow(RangeError);
  });

  test("percentiles are ordered and bounded; target ≤ alreadyWon is certain", () => {
    const arbDeal = fc.record({
      id: fc.string(),
      valueMinor: fc.integer({ min: 0, max: 1e9 }),
      winProbability: fc.oneof(
        fc.integer({ min: 0, max: 100 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
      ),
    });
    const arbs = [fc.array(arbDeal, { maxLength: 12 }), fc.nat(1e9), fc.nat(1e9), fc.integer()] as const;
    fc.assert(
      fc.property(...arbs, (ds, won, below, seed) => {
        const max = won + ds.reduce((s, d) => s + d.valueMinor, 0);
        const r = simulateQuarter({
          deals: ds,
          alreadyWonMinor: won,
          targetMinor: won - below,
          trials: 1000,
          seed,
        });
        expect(r.p10Minor).toBeGreaterThanOrEqual(won);
        expect(r.p10Minor).toBeLessThanOrEqual(r.p50Minor);
        expect(r.p50Minor).toBeLessThanOrEqual(r.p90Minor);
        expect(r.p90Minor).toBeLessThanOrEqual(max);
        expect(r.probabilityOfTarget).toBe(1);
      }),
      { numRuns: 100 },
    );
  });
});
