import { percent } from "./format";
import type { SourceValues } from "./sources-types";

/** The figures a business-review scorecard judges; ratios are plain numbers (0.25 = 25 %). */
export interface ScorecardFigures {
  quarterRevenueMinor: number;
  previousQuarterRevenueMinor: number;
  /** 0 when the partner has no target (no program tier with a revenue threshold). */
  quarterTargetMinor: number;
  pipelineMinor: number;
  wonYtd: number;
  lostYtd: number;
  health: number | null;
  /** The whole program's win rate this year, null when nothing has closed. */
  programWinRate: number | null;
}

const GROWTH_GOAL = 0.1;
const HEALTH_GOAL = 70;
const times = (x: number) => `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(x)}x`;

/**
 * Status of each scorecard row, decided from the numbers against the benchmark the template prints beside
 * them. A row without the data to judge gets no value, so the template says what is missing instead.
 */
export function scorecardStatuses(f: ScorecardFigures): SourceValues {
  const out: SourceValues = {};
  if (f.quarterTargetMinor > 0) {
    const attainment = f.quarterRevenueMinor / f.quarterTargetMinor;
    const word = attainment >= 1 ? "Met" : attainment >= 0.8 ? "Close" : "Behind";
    out["metrics.revenue_status"] = `${word}: ${percent(attainment)} of target`;
    const coverage = f.pipelineMinor / f.quarterTargetMinor;
    const health = coverage >= 3 ? "Healthy" : coverage >= 2 ? "Thin" : "Warning";
    out["metrics.pipeline_status"] = `${health}: ${times(coverage)} the target`;
  }
  if (f.previousQuarterRevenueMinor > 0) {
    const growth = (f.quarterRevenueMinor - f.previousQuarterRevenueMinor) / f.previousQuarterRevenueMinor;
    out["metrics.growth_status"] = growth >= GROWTH_GOAL ? "Met" : growth >= 0 ? "Below 10%" : "Declining";
  }
  const closed = f.wonYtd + f.lostYtd;
  if (closed > 0 && f.programWinRate !== null) {
    out["metrics.win_rate_status"] = f.wonYtd / closed >= f.programWinRate ? "At or above average" : "Below average";
  }
  if (f.health !== null) out["metrics.health_status"] = f.health >= HEALTH_GOAL ? "Met" : `Below ${HEALTH_GOAL}`;
  if (f.programWinRate !== null) out["metrics.program_win_rate"] = percent(f.programWinRate);
  return out;
}
