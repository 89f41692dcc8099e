import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { quarterOf, type Quarter } from "@/lib/domain/quarter";
import { learnStageProbabilities, winProbabilityFor, type ClosedDeal } from "./learned-probability";
import { simulateQuarter } from "./monte-carlo";
import { weightedForecast } from "./weighted";

export interface WorkspaceBasics {
  currency: string;
  quarterTargetMinor: number;
  stalledAfterDays: number;
}

export interface ForecastStage {
  id: string;
  key: string;
  name: string;
  position: number;
  probability: number;
  isWon: boolean;
  isLost: boolean;
}

export interface OpenDeal {
  id: string;
  customerName: string;
  stageId: string;
  stageKey: string;
  ownerId: string;
  valueMinor: number;
  /** The deal's own probability when its owner set one, else its stage's (0..100). */
  probability: number;
  expectedCloseDate: string | null;
}

export interface ForecastInputs {
  quarter: Quarter;
  currency: string;
  targetMinor: number;
  alreadyWonMinor: number;
  alreadyWonCount: number;
  /** Open deals expected to close this quarter, or already overdue. */
  deals: OpenDeal[];
  /** Deals closed in the last four full quarters and this one, for learning stage probabilities. */
  closedDeals: ClosedDeal[];
  stages: ForecastStage[];
}

/** The quarter `offset` quarters away from the one containing `now` (negative = earlier). */
export function quarterAt(now: Date, offset: number): Quarter {
  const current = quarterOf(now);
  return quarterOf(new Date(Date.UTC(current.year, (current.quarter - 1 + offset) * 3, 1)));
}

/** The last four full quarters before the one containing `now`, as [start, end) ISO dates. */
export function lastFourQuarters(now: Date): { start: string; end: string; label: string } {
  const first = quarterAt(now, -4);
  const last = quarterAt(now, -1);
  return { start: first.start, end: last.end, label: `${first.label} – ${last.label}` };
}

export async function getWorkspaceBasics(tx: Tx): Promise<WorkspaceBasics> {
  const [row] = await rows<{ currency: string; target: number; stalled: number }>(
    tx,
    sql`select currency, quarter_target_minor::float8 as target, stalled_after_days as stalled from public.workspace_settings limit 1`,
  );
  return {
    currency: row?.currency ?? "USD",
    quarterTargetMinor: row ? Number(row.target) : 0,
    stalledAfterDays: row?.stalled ?? 14,
  };
}

/** The company goal for each quarter (a goal with no domain and no owner), else the workspace's default target. */
export async function getQuarterTargets(
  tx: Tx,
  quarters: readonly Quarter[],
  basics: WorkspaceBasics,
): Promise<number[]> {
  const goals = await rows<{ year: number; quarter: number; target: number }>(
    tx,
    sql`select year, quarter, target_minor::float8 as target from public.quarterly_goals
        where domain is null and owner_id is null and currency = ${basics.currency}`,
  );
  return quarters.map((q) => {
    const goal = goals.find((g) => g.year === q.year && g.quarter === q.quarter);
    return goal ? Number(goal.target) : basics.quarterTargetMinor;
  });
}

export async function listForecastStages(tx: Tx): Promise<ForecastStage[]> {
  return rows<ForecastStage>(
    tx,
    sql`select id::text, key, name, position, probability, is_won as "isWon", is_lost as "isLost"
        from public.stages order by position, key`,
  );
}

/** Every open deal in the workspace currency; other currencies wait for FX conversion. */
export async function listOpenDeals(tx: Tx, currency: string): Promise<OpenDeal[]> {
  const result = await rows<OpenDeal>(
    tx,
    sql`select o.id::text, o.customer_name as "customerName", s.id::text as "stageId", s.key as "stageKey",
          o.owner_id::text as "ownerId", o.value_minor::float8 as "valueMinor",
          coalesce(o.probability, s.probability) as probability, o.expected_close_date::text as "expectedCloseDate"
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where not s.is_won and not s.is_lost and o.currency = ${currency}
        order by o.id`,
  );
  return result.map((d) => ({ ...d, valueMinor: Number(d.valueMinor), probability: Number(d.probability) }));
}

/** Won deals in the workspace currency whose close date falls in [start, end). */
export async function getWonTotal(tx: Tx, currency: string, range: { start: string; end: string }) {
  const [row] = await rows<{ total: number; n: number }>(
    tx,
    sql`select coalesce(sum(o.value_minor), 0)::float8 as total, count(*)::int as n
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where s.is_won and o.currency = ${currency}
          and o.actual_close_date >= ${range.start}::date and o.actual_close_date < ${range.end}::date`,
  );
  return { totalMinor: Number(row?.total ?? 0), count: Number(row?.n ?? 0) };
}

/** Closed deals (any currency: learning needs outcomes, not amounts) with every stage they passed through. */
export async function listClosedDeals(tx: Tx, since: string): Promise<ClosedDeal[]> {
  const result = await rows<{ won: boolean; stage: string; reached: string[] | string | null }>(
    tx,
    sql`select s.is_won as won, s.key as stage,
          array(select distinct st.key from public.opportunity_stage_history h
                join public.stages st on st.id = h.to_stage_id or st.id = h.from_stage_id
                where h.opportunity_id = o.id) as reached
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where (s.is_won or s.is_lost) and o.actual_close_date >= ${since}::date`,
  );
  return result.map((r) => ({
    won: r.won,
    reachedStageKeys: [...new Set([...pgTextArray(r.reached), r.stage])],
  }));
}

/** Drivers differ in whether they parse text[]; accept both shapes. */
function pgTextArray(value: string[] | string | null): string[] {
  if (Array.isArray(value)) return value;
  if (!value || value === "{}") return [];
  return value
    .slice(1, -1)
    .split(",")
    .map((v) => v.replace(/^"|"$/g, ""));
}

/** Everything the quarter forecast needs, read through the caller's RLS. */
export async function getForecastInputs(tx: Tx, now: Date): Promise<ForecastInputs> {
  const basics = await getWorkspaceBasics(tx);
  const quarter = quarterOf(now);
  const [targetMinor] = await getQuarterTargets(tx, [quarter], basics);
  const won = await getWonTotal(tx, basics.currency, quarter);
  const open = await listOpenDeals(tx, basics.currency);
  const closedDeals = await listClosedDeals(tx, quarterAt(now, -4).start);
  const stages = await listForecastStages(tx);
  return {
    quarter,
    currency: basics.currency,
    targetMinor: targetMinor ?? basics.quarterTargetMinor,
    alreadyWonMinor: won.totalMinor,
    alreadyWonCount: won.count,
    // A deal with no expected close date has no claim on this quarter.
    deals: open.filter((d) => d.expectedCloseDate !== null && d.expectedCloseDate < quarter.end),
    closedDeals,
    stages,
  };
}

/** Won revenue against the company target for each of the last four full quarters, oldest first. */
export async function listQuarterTrend(tx: Tx, now: Date) {
  const basics = await getWorkspaceBasics(tx);
  const quarters = [-4, -3, -2, -1].map((offset) => quarterAt(now, offset));
  const targets = await getQuarterTargets(tx, quarters, basics);
  const trend = [];
  for (const [i, q] of quarters.entries()) {
    const won = await getWonTotal(tx, basics.currency, q);
    trend.push({
      label: q.label,
      wonMinor: won.totalMinor,
      wonCount: won.count,
      targetMinor: targets[i] ?? basics.quarterTargetMinor,
    });
  }
  return { currency: basics.currency, quarters: trend };
}

/**
 * The quarter's forecast: weighted (value × probability × overdue decay) and a seeded 10,000-trial Monte Carlo
 * whose per-deal win probability is learned from this workspace's closed deals (stage default below 20 of them).
 */
export async function getQuarterForecast(tx: Tx, now: Date) {
  const { closedDeals, ...inputs } = await getForecastInputs(tx, now);
  const { quarter } = inputs;
  const stageDefaults = Object.fromEntries(inputs.stages.map((s) => [s.key, s.probability]));
  const learned = learnStageProbabilities({ closedDeals, stageDefaults, minSample: 20 });
  const weighted = weightedForecast(inputs.deals, { asOf: now });
  const deals = inputs.deals.map((d, i) => ({
    ...d,
    weightedMinor: weighted.deals[i]!.weightedMinor,
    decay: weighted.deals[i]!.decay,
    winProbability: winProbabilityFor(d.stageKey, learned),
  }));
  const simulation = simulateQuarter({
    deals: deals.map((d) => ({ id: d.id, valueMinor: d.valueMinor, winProbability: d.winProbability })),
    alreadyWonMinor: inputs.alreadyWonMinor,
    targetMinor: inputs.targetMinor,
    trials: 10_000,
    seed: `forecast-${quarter.year}-Q${quarter.quarter}`,
  });
  const stages = inputs.stages
    .filter((s) => !s.isWon && !s.isLost)
    .map((s) => ({ ...s, learned: learned[s.key]! }));
  return {
    ...inputs,
    stages,
    deals,
    weightedMinor: weighted.totalMinor,
    simulation,
    closedSample: closedDeals.length,
  };
}

export type QuarterForecast = Awaited<ReturnType<typeof getQuarterForecast>>;
