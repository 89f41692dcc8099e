import { describe, expect, test } from "vitest";
import {
  bandOf,
  DEFAULT_WEIGHTS,
  frequencyScore,
  healthScore,
  openIssuesScore,
  pipelineScore,
  recencyScore,
  revenueTrendScore,
  type HealthInputs,
  type HealthWeights,
} from "@/lib/health/score";
import { healthWeightsSchema } from "@/lib/health/schemas";

const base: HealthInputs = {
  daysSinceLastInteraction: 3,
  interactions90d: 6,
  openDeals: 3,
  openPipelineMinor: 2_500_000,
  pipelineReferenceMinor: 2_500_000,
  revenueRecentMinor: 1_000_000,
  revenuePreviousMinor: 1_000_000,
  pendingRegistrations: 0,
  overdueTasks: 0,
  pendingEscalations: 0,
};

describe("component formulas", () => {
  test.each([
    [null, 0],
    [0, 100],
    [7, 100],
    [8, 98],
    [30, 54],
    [56, 2],
    [57, 0],
    [400, 0],
  ])("recency: %s days → %i", (days, expected) => expect(recencyScore(days)).toBe(expected));

  test.each([
    [0, 0],
    [1, 17],
    [3, 50],
    [6, 100],
    [20, 100],
  ])("frequency: %i interactions in 90 days → %i", (n, expected) => expect(frequencyScore(n)).toBe(expected));

  test.each([
    [0, 0, 2_500_000, 0],
    [3, 0, 2_500_000, 50],
    [0, 2_500_000, 2_500_000, 50],
    [1, 1_250_000, 2_500_000, 42],
    [5, 9_000_000, 2_500_000, 100],
    [0, 100, 0, 50],
  ])("pipeline: %i deals worth %i against %i → %i", (deals, value, reference, expected) =>
    expect(pipelineScore(deals, value, reference)).toBe(expected),
  );

  test.each([
    [0, 0, 25],
    [500, 0, 100],
    [1000, 1000, 50],
    [1500, 1000, 75],
    [2000, 1000, 100],
    [5000, 1000, 100],
    [500, 1000, 25],
    [0, 1000, 0],
  ])("revenue trend: %i now vs %i before → %i", (recent, previous, expected) =>
    expect(revenueTrendScore(recent, previous)).toBe(expected),
  );

  test.each([
    [0, 100],
    [1, 75],
    [3, 25],
    [4, 0],
    [9, 0],
  ])("open issues: %i → %i", (n, expected) => expect(openIssuesScore(n)).toBe(expected));

  test.each([
    [100, "excellent"],
    [80, "excellent"],
    [79, "healthy"],
    [60, "healthy"],
    [59, "needs_attention"],
    [40, "needs_attention"],
    [39, "at_risk"],
    [0, "at_risk"],
  ] as const)("band of %i is %s", (score, band) => expect(bandOf(score)).toBe(band));
});

describe("healthScore", () => {
  test.each<[string, Partial<HealthInputs>, number, string]>([
    // recency 100·30 + frequency 100·20 + pipeline 100·20 + trend 50·20 + issues 100·10 = 90
    ["an engaged partner with flat revenue", {}, 90, "excellent"],
    // recency 54 (30 days) → 16.2; frequency 50 → 10; pipeline 100 → 20; trend 50 → 10; issues 100 → 10 = 66.2
    [
      "a month since the last call, half the meetings",
      { daysSinceLastInteraction: 30, interactions90d: 3 },
      66,
      "healthy",
    ],
    // recency 0, frequency 0, pipeline 0, trend 25 → 5, issues 75 → 7.5 = 12.5 → 13
    [
      "silent, no deals, no revenue, one overdue task",
      {
        daysSinceLastInteraction: null,
        interactions90d: 0,
        openDeals: 0,
        openPipelineMinor: 0,
        revenueRecentMinor: 0,
        revenuePreviousMinor: 0,
        overdueTasks: 1,
      },
      13,
      "at_risk",
    ],
    // recency 80 → 24; frequency 33 → 6.6; pipeline 50 → 10; trend 0 → 0; issues 50 → 5 = 45.6 → 46
    [
      "revenue dried up and two issues open",
      {
        daysSinceLastInteraction: 17,
        interactions90d: 2,
        openDeals: 0,
        revenueRecentMinor: 0,
        pendingRegistrations: 1,
        pendingEscalations: 1,
      },
      46,
      "needs_attention",
    ],
  ])("%s → %i", (_name, overrides, score, band) => {
    const result = healthScore({ ...base, ...overrides }, DEFAULT_WEIGHTS);
    expect(result.score).toBe(score);
    expect(result.band).toBe(band);
    expect(result.breakdown.map((c) => c.weight)).toEqual([30, 20, 20, 20, 10]);
  });

  test("each component shows its sub-score, weight and points = sub-score × weight / 100", () => {
    const result = healthScore(
      { ...base, daysSinceLastInteraction: 30, interactions90d: 3 },
      DEFAULT_WEIGHTS,
    );
    expect(result.breakdown).toEqual([
      expect.objectContaining({ key: "recency", subScore: 54, weight: 30, points: 16.2 }),
      expect.objectContaining({ key: "frequency", subScore: 50, weight: 20, points: 10 }),
      expect.objectContaining({ key: "pipeline", subScore: 100, weight: 20, points: 20 }),
      expect.objectContaining({ key: "revenueTrend", subScore: 50, weight: 20, points: 10 }),
      expect.objectContaining({ key: "openIssues", subScore: 100, weight: 10, points: 10 }),
    ]);
  });

  test.each<[string, HealthWeights, number]>([
    // Sub-scores: recency 54, frequency 50, pipeline 100, trend 50, issues 100.
    ["default weights", DEFAULT_WEIGHTS, 66],
    // Moving 10 from recency (54) to pipeline (100) adds 10 × (100 − 54) / 100 = 4.6 points: 66.2 → 70.8.
    ["10 points moved from recency to pipeline", { ...DEFAULT_WEIGHTS, recency: 20, pipeline: 30 }, 71],
    // All weight on one component: the score is that component's sub-score.
    ["only recency counts", { recency: 100, frequency: 0, pipeline: 0, revenueTrend: 0, openIssues: 0 }, 54],
    [
      "only pipeline counts",
      { recency: 0, frequency: 0, pipeline: 100, revenueTrend: 0, openIssues: 0 },
      100,
    ],
    ["equal weights", { recency: 20, frequency: 20, pipeline: 20, revenueTrend: 20, openIssues: 20 }, 71],
  ])("changing weights changes the score exactly as documented: %s → %i", (_name, weights, expected) => {
    expect(healthScore({ ...base, daysSinceLastInteraction: 30, interactions90d: 3 }, weights).score).toBe(
      expected,
    );
  });

  test("a weight change moves the exact score by Δweight × (sub-score difference) / 100", () => {
    const inputs = { ...base, daysSinceLastInteraction: 20, interactions90d: 1 };
    const exact = (w: HealthWeights) =>
      healthScore(inputs, w).breakdown.reduce((s, c) => s + (c.subScore * c.weight) / 100, 0);
    const before = exact(DEFAULT_WEIGHTS);
    const after = exact({ ...DEFAULT_WEIGHTS, frequency: 5, openIssues: 25 });
    // frequency sub-score 17, open issues 100: moving 15 points adds 15 × 83 / 100 = 12.45.
    expect(after - before).toBeCloseTo(12.45, 6);
  });

  test("the score always stays within 0–100 whatever the inputs", () => {
    const extreme = healthScore(
      { ...base, daysSinceLastInteraction: -5, interactions90d: 999, openDeals: -3, overdueTasks: 99 },
      DEFAULT_WEIGHTS,
    );
    expect(extreme.score).toBeGreaterThanOrEqual(0);
    expect(extreme.score).toBeLessThanOrEqual(100);
  });
});

describe("weights validation", () => {
  test("whole numbers 0–100 summing to 100 pass", () => {
    expect(
      healthWeightsSchema.safeParse({
        recency: "40",
        frequency: "20",
        pipeline: "20",
        revenueTrend: "10",
        openIssues: "10",
      }).success,
    ).toBe(true);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ["a sum other than 100", { ...DEFAULT_WEIGHTS, recency: 20 }, "total"],
    ["a fraction", { ...DEFAULT_WEIGHTS, recency: 29.5, frequency: 20.5 }, "recency"],
    ["a negative weight", { ...DEFAULT_WEIGHTS, recency: -10, frequency: 60 }, "recency"],
    ["above 100", { ...DEFAULT_WEIGHTS, recency: 130 }, "recency"],
    ["a blank field", { ...DEFAULT_WEIGHTS, openIssues: "" }, "openIssues"],
  ])("%s is a field error", (_name, input, field) => {
    const result = healthWeightsSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join("."))).toContain(field);
  });
});
