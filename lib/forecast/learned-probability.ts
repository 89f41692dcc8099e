import { assertProbability } from "./weighted";

export interface ClosedDeal {
  /** Every stage the deal passed through before closing; repeats are counted once. */
  reachedStageKeys: readonly string[];
  won: boolean;
}

export interface StageProbability {
  /** 0..100 */
  probability: number;
  source: "learned" | "default";
  /** Closed deals that reached the stage, reported even when too few to learn from. */
  sample: number;
}

export type LearnedProbabilities = Record<string, StageProbability>;

export interface LearnOptions {
  closedDeals: readonly ClosedDeal[];
  /** The workspace's stages and their configured probabilities (0..100); only these stages are reported. */
  stageDefaults: Readonly<Record<string, number>>;
  minSample?: number;
}

/** Per-stage win rate among closed deals that reached the stage; falls back to the stage default below `minSample`. */
export function learnStageProbabilities({
  closedDeals,
  stageDefaults,
  minSample = 20,
}: LearnOptions): LearnedProbabilities {
  if (!Number.isInteger(minSample) || minSample < 1)
    throw new RangeError(`minSample must be an integer ≥ 1, got ${minSample}`);
  const counts = new Map<string, { reached: number; won: number }>();
  for (const key of Object.keys(stageDefaults)) counts.set(key, { reached: 0, won: 0 });

  for (const deal of closedDeals) {
    for (const key of new Set(deal.reachedStageKeys)) {
      const count = counts.get(key);
      if (!count) continue;
      count.reached += 1;
      if (deal.won) count.won += 1;
    }
  }

  return Object.fromEntries(
    [...counts].map(([key, { reached, won }]): [string, StageProbability] => {
      const fallback = stageDefaults[key] ?? 0;
      assertProbability(fallback, `stage ${key}`);
      return [
        key,
        reached >= minSample
          ? { probability: (100 * won) / reached, source: "learned", sample: reached }
          : { probability: fallback, source: "default", sample: reached },
      ];
    }),
  );
}

/** Throws for an unknown stage rather than guessing a probability for it. */
export function winProbabilityFor(stageKey: string, learned: LearnedProbabilities): number {
  const stage = Object.hasOwn(learned, stageKey) ? learned[stageKey] : undefined;
  if (!stage) throw new RangeError(`no probability for stage "${stageKey}"`);
  return stage.probability;
}
