import { createRng } from "./rng";
import {
  addRatio,
  assertMinor,
  assertProbability,
  decimalRatio,
  roundHalfAwayFromZero,
  type Ratio,
} from "./weighted";

export interface SimulatedDeal {
  id: string;
  valueMinor: number;
  /** 0..100 */
  winProbability: number;
}

export interface SimulateOptions {
  deals: readonly SimulatedDeal[];
  alreadyWonMinor: number;
  targetMinor: number;
  /** At least 1,000; the product default is 10,000. */
  trials?: number;
  seed: number | string;
}

export interface QuarterSimulation {
  trials: number;
  meanMinor: number;
  p10Minor: number;
  p50Minor: number;
  p90Minor: number;
  /** Share of trials whose total reached targetMinor, 0..1. */
  probabilityOfTarget: number;
  /** Exact alreadyWon + Σ value × p/100, rounded once (half away from zero). */
  expectedMinor: number;
}

export const MIN_TRIALS = 1000;

/** Nearest-rank percentile: the value at rank ceil(p/100 × n) of the ascending totals, so it is always an observed total. */
export function nearestRank(sortedAscending: Float64Array, percent: number): number {
  const rank = Math.max(1, Math.ceil((percent * sortedAscending.length) / 100));
  return sortedAscending[rank - 1] as number;
}

/** Quarter outcome distribution: each trial wins every deal independently with its probability. */
export function simulateQuarter(options: SimulateOptions): QuarterSimulation {
  const { deals, alreadyWonMinor, targetMinor, trials = 10_000, seed } = options;
  if (!Number.isInteger(trials) || trials < MIN_TRIALS)
    throw new RangeError(`trials must be an integer ≥ ${MIN_TRIALS}, got ${trials}`);
  assertMinor(alreadyWonMinor, "alreadyWonMinor");
  if (!Number.isSafeInteger(targetMinor))
    throw new RangeError(`targetMinor must be an integer, got ${targetMinor}`);

  const count = deals.length;
  const values = new Float64Array(count);
  // Comparing a raw uint32 draw with p × 2^32 is the same test as next() < p/100 without a division per draw.
  const thresholds = new Float64Array(count);
  let expected: Ratio = { num: BigInt(alreadyWonMinor), den: 1n };
  let maximum = alreadyWonMinor;
  deals.forEach((deal, i) => {
    assertMinor(deal.valueMinor, deal.id);
    assertProbability(deal.winProbability, deal.id);
    values[i] = deal.valueMinor;
    thresholds[i] = (deal.winProbability / 100) * 4294967296;
    const p = decimalRatio(deal.winProbability);
    expected = addRatio(expected, { num: BigInt(deal.valueMinor) * p.num, den: 100n * p.den });
    maximum += deal.valueMinor;
  });
  // Every partial sum stays below this bound, so float addition of integer amounts is exact.
  if (!Number.isSafeInteger(maximum)) throw new RangeError("pipeline total exceeds the safe integer range");

  const rng = createRng(seed);
  const totals = new Float64Array(trials);
  let hits = 0;
  let sum = 0n;
  for (let t = 0; t < trials; t++) {
    let total = alreadyWonMinor;
    for (let i = 0; i < count; i++) {
      if (rng.nextUint32() < (thresholds[i] as number)) total += values[i] as number;
    }
    totals[t] = total;
    if (total >= targetMinor) hits++;
    sum += BigInt(total);
  }
  totals.sort();

  return {
    trials,
    meanMinor: roundHalfAwayFromZero({ num: sum, den: BigInt(trials) }),
    p10Minor: nearestRank(totals, 10),
    p50Minor: nearestRank(totals, 50),
    p90Minor: nearestRank(totals, 90),
    probabilityOfTarget: hits / trials,
    expectedMinor: roundHalfAwayFromZero(expected),
  };
}
