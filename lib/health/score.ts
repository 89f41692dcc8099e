/**
 * Partner relationship health: a pure function of a partner's figures and the VP's weights. Every
 * component yields a 0–100 sub-score; its points are `subScore × weight / 100`, and the score is the
 * sum of the points rounded to the nearest integer (weights sum to 100, so the score is 0–100).
 */

export const HEALTH_COMPONENTS = ["recency", "frequency", "pipeline", "revenueTrend", "openIssues"] as const;
export type HealthComponent = (typeof HEALTH_COMPONENTS)[number];
export type HealthWeights = Record<HealthComponent, number>;
export type HealthBand = "excellent" | "healthy" | "needs_attention" | "at_risk";

export const DEFAULT_WEIGHTS: HealthWeights = {
  recency: 30,
  frequency: 20,
  pipeline: 20,
  revenueTrend: 20,
  openIssues: 10,
};

export interface HealthInputs {
  /** Whole days since the last logged interaction; null when there has never been one. */
  daysSinceLastInteraction: number | null;
  /** Interactions logged in the last 90 days. */
  interactions90d: number;
  /** Open deals (not won, not lost) where the partner is the vendor or the referrer. */
  openDeals: number;
  /** Their value in the workspace currency. */
  openPipelineMinor: number;
  /** The pipeline value that earns the full value half of the pipeline sub-score (a tenth of the quarter target). */
  pipelineReferenceMinor: number;
  /** Won revenue in the trailing 90 days, and in the 90 days before that (workspace currency). */
  revenueRecentMinor: number;
  revenuePreviousMinor: number;
  /** Deal registrations waiting for review, overdue open tasks linked to the partner, and rate overrides awaiting approval. */
  pendingRegistrations: number;
  overdueTasks: number;
  pendingEscalations: number;
}

export interface HealthComponentResult {
  key: HealthComponent;
  label: string;
  subScore: number;
  weight: number;
  /** subScore × weight / 100, to one decimal. */
  points: number;
  detail: string;
}

export interface HealthResult {
  score: number;
  band: HealthBand;
  breakdown: HealthComponentResult[];
}

export const COMPONENT_LABELS: Record<HealthComponent, string> = {
  recency: "Recency",
  frequency: "Frequency",
  pipeline: "Pipeline",
  revenueTrend: "Revenue trend",
  openIssues: "Open issues",
};

/** Plain-language formulas, shown on the settings page beside the weights. */
export const COMPONENT_FORMULAS: Record<HealthComponent, string> = {
  recency:
    "100 if the last interaction was within 7 days, then 2 points fewer per extra day (0 from 57 days; 0 if never).",
  frequency:
    "Interactions in the last 90 days ÷ 6 × 100, capped at 100 (one every two weeks scores full marks).",
  pipeline:
    "Half from the open deal count (3 or more = 50) and half from the open value against a tenth of the quarter target (reached = 50).",
  revenueTrend:
    "Won revenue in the last 90 days against the 90 days before: unchanged = 50, +50 per doubling up to 100, 0 if it dropped to nothing; new revenue = 100; none in either = 25.",
  openIssues:
    "100 minus 25 per open issue (pending deal registration, overdue task, rate override awaiting approval); 0 from 4 issues.",
};

export const RECENCY_GRACE_DAYS = 7;
export const RECENCY_POINTS_PER_DAY = 2;
export const FREQUENCY_TARGET = 6;
export const PIPELINE_DEALS_TARGET = 3;
export const ISSUE_PENALTY = 25;
/**
 * A partner is scored from this many days after joining: before that its interactions, pipeline and
 * revenue say more about its age than its health (a first win on day 0 would read "at risk").
 */
export const NEW_PARTNER_DAYS = 30;

/** The first day (YYYY-MM-DD, UTC) a partner who joined at `joinedAt` is scored; null when it always was. */
export function firstScoredOn(joinedAt: Date | null): string | null {
  if (!joinedAt) return null;
  return new Date(joinedAt.getTime() + NEW_PARTNER_DAYS * 86_400_000).toISOString().slice(0, 10);
}

const clamp = (n: number) => Math.min(100, Math.max(0, n));
const round1 = (n: number) => Math.round(n * 10) / 10;

/** Recency: 100 within a week, minus 2 per extra day, 0 if never. */
export function recencyScore(days: number | null): number {
  if (days === null) return 0;
  return clamp(100 - RECENCY_POINTS_PER_DAY * Math.max(0, Math.floor(days) - RECENCY_GRACE_DAYS));
}

/** Frequency: interactions in 90 days against a target of 6. */
export function frequencyScore(count: number): number {
  return clamp(Math.round((Math.max(0, count) / FREQUENCY_TARGET) * 100));
}

/** Pipeline: 50 × min(1, deals / 3) + 50 × min(1, value / reference). */
export function pipelineScore(deals: number, valueMinor: number, referenceMinor: number): number {
  const count = Math.min(1, Math.max(0, deals) / PIPELINE_DEALS_TARGET);
  const value =
    referenceMinor > 0 ? Math.min(1, Math.max(0, valueMinor) / referenceMinor) : valueMinor > 0 ? 1 : 0;
  return clamp(Math.round(50 * count + 50 * value));
}

/** Revenue trend: 50 + 50 × (recent / previous − 1), clamped; new revenue 100; none at all 25. */
export function revenueTrendScore(recentMinor: number, previousMinor: number): number {
  if (previousMinor <= 0) return recentMinor > 0 ? 100 : 25;
  return clamp(Math.round(50 + 50 * (recentMinor / previousMinor - 1)));
}

/** Open issues: 100 − 25 per issue. */
export function openIssuesScore(issues: number): number {
  return clamp(100 - ISSUE_PENALTY * Math.max(0, issues));
}

export function bandOf(score: number): HealthBand {
  if (score >= 80) return "excellent";
  if (score >= 60) return "healthy";
  if (score >= 40) return "needs_attention";
  return "at_risk";
}

export const BAND_LABELS: Record<HealthBand, string> = {
  excellent: "Excellent",
  healthy: "Healthy",
  needs_attention: "Needs attention",
  at_risk: "At risk",
};

function subScores(i: HealthInputs): Record<HealthComponent, [number, string]> {
  const issues = i.pendingRegistrations + i.overdueTasks + i.pendingEscalations;
  return {
    recency: [
      recencyScore(i.daysSinceLastInteraction),
      i.daysSinceLastInteraction === null
        ? "No interaction logged"
        : `Last interaction ${i.daysSinceLastInteraction} days ago`,
    ],
    frequency: [frequencyScore(i.interactions90d), `${i.interactions90d} interactions in 90 days`],
    pipeline: [
      pipelineScore(i.openDeals, i.openPipelineMinor, i.pipelineReferenceMinor),
      `${i.openDeals} open deals`,
    ],
    revenueTrend: [
      revenueTrendScore(i.revenueRecentMinor, i.revenuePreviousMinor),
      "Last 90 days against the 90 before",
    ],
    openIssues: [
      openIssuesScore(issues),
      `${i.pendingRegistrations} pending registrations, ${i.overdueTasks} overdue tasks, ${i.pendingEscalations} overrides awaiting approval`,
    ],
  };
}

/** The health score, its band and the per-component breakdown for one partner. */
export function healthScore(inputs: HealthInputs, weights: HealthWeights): HealthResult {
  const subs = subScores(inputs);
  const breakdown = HEALTH_COMPONENTS.map((key): HealthComponentResult => {
    const [subScore, detail] = subs[key];
    return {
      key,
      label: COMPONENT_LABELS[key],
      subScore,
      weight: weights[key],
      points: round1((subScore * weights[key]) / 100),
      detail,
    };
  });
  // Sum unrounded points so the total never drifts from the documented formula by rounding twice.
  const exact = HEALTH_COMPONENTS.reduce((sum, key) => sum + (subs[key][0] * weights[key]) / 100, 0);
  const score = clamp(Math.round(exact + 1e-9));
  return { score, band: bandOf(score), breakdown };
}
