import "server-only";
import { count, eq, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { partnerDomain, partners, pipelineAggregates } from "@/lib/db/schema";
import type { PartnerDomain } from "@/lib/domain/enums";
import { rows } from "@/lib/db/session";
import { getQuarterTargets, getWonTotal, getWorkspaceBasics, lastFourQuarters, listForecastStages, listOpenDeals, type ForecastStage } from "@/lib/forecast/inputs";
import { weightedForecast } from "@/lib/forecast/weighted";
import { sizeBand, tally, type ClosedRow, type FunnelStage, type StageConversion, type StageMove } from "./conversion";
import { quarterOf, type Quarter } from "@/lib/domain/quarter";

export interface QuarterSnapshot {
  label: string;
  currency: string;
  targetMinor: number;
  wonMinor: number;
  wonCount: number;
  openMinor: number;
  openCount: number;
  activePartners: number;
}

/** Bookings this quarter and open pipeline, in the workspace currency (deals in other currencies are left out until FX conversion lands). */
export async function getQuarterSnapshot(tx: Tx, now = new Date()): Promise<QuarterSnapshot> {
  const q = quarterOf(now);
  const basics = await getWorkspaceBasics(tx);
  const won = await getWonTotal(tx, basics.currency, q);
  const open = await listOpenDeals(tx, basics.currency);
  const [active] = await tx.select({ n: count() }).from(partners).where(eq(partners.status, "active"));
  const openMinor = open.reduce((sum, d) => sum + d.valueMinor, 0);
  return { label: q.label, currency: basics.currency, targetMinor: basics.quarterTargetMinor, wonMinor: won.totalMinor, wonCount: won.count, openMinor, openCount: open.length, activePartners: Number(active?.n ?? 0) };
}

export type Pace = "green" | "amber" | "red";

export interface TeamMember {
  id: string;
  name: string;
  role: "sales_manager" | "partnership_manager";
  wonMinor: number;
  wonCount: number;
  openMinor: number;
  openCount: number;
  closedWon: number;
  closedLost: number;
  /** won / (won + lost) over the last four full quarters, 0..1; null with no closed deals. */
  winRate: number | null;
  /** Stage moves they made in the last 7 days. */
  recentMoves: number;
  goalMinor: number | null;
  pace: Pace | null;
}

export interface DealItem {
  id: string;
  customerName: string;
  stageId: string;
  stageName: string;
  ownerName: string;
  valueMinor: number;
  currency: string;
  expectedCloseDate: string | null;
  daysInStage: number;
  /** Matching deals in all, however many the list shows. */
  total: number;
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;
export type StagePipeline = Dashboard["stages"][number];
export type DomainGoal = Dashboard["domains"][number];
export type PartnerPoint = Dashboard["partners"][number];

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const isOpen = (s: ForecastStage) => !s.isWon && !s.isLost;
const wonIn = (q: { start: string; end: string }, currency: string) => sql`s.is_won and o.currency = ${currency} and o.actual_close_date >= ${q.start}::date and o.actual_close_date < ${q.end}::date`;

/** Share of the quarter gone by `now`, 0..1. */
export function elapsedShare(q: Quarter, now: Date): number {
  const start = Date.parse(`${q.start}T00:00:00Z`);
  const end = Date.parse(`${q.end}T00:00:00Z`);
  return Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
}

/** Green at or above straight-line pace to the goal, amber from 75% of that pace, red below. */
export function paceOf(wonMinor: number, goalMinor: number, share: number): Pace {
  const pace = goalMinor * share;
  if (wonMinor >= pace) return "green";
  return wonMinor >= 0.75 * pace ? "amber" : "red";
}

/** Count, total and weighted value of the open workspace-currency deals in each open stage. */
async function getStagePipeline(tx: Tx, stageRows: ForecastStage[], currency: string, today: string) {
  const open = await listOpenDeals(tx, currency);
  const weighted = weightedForecast(open, { asOf: today });
  const byStage = new Map(stageRows.filter(isOpen).map((s) => [s.id, { id: s.id, key: s.key, name: s.name, probability: s.probability, count: 0, totalMinor: 0, weightedMinor: 0 }]));
  open.forEach((deal, i) => {
    const row = byStage.get(deal.stageId);
    if (!row) return;
    row.count += 1;
    row.totalMinor += deal.valueMinor;
    row.weightedMinor += weighted.deals[i]!.weightedMinor;
  });
  const openMinor = open.reduce((sum, d) => sum + d.valueMinor, 0);
  return { stages: [...byStage.values()], weighted: { totalMinor: weighted.totalMinor, openMinor, openCount: open.length } };
}

/** Epoch-millisecond bounds of an ISO [start, end) date window. */
export const windowBounds = (w: { start: string; end: string }) => ({ from: Date.parse(`${w.start}T00:00:00Z`), to: Date.parse(`${w.end}T00:00:00Z`) });

/** Full history of every deal with a move in the window, so later moves (even after it) count as progress. */
export async function listStageMoves(tx: Tx, window: { start: string; end: string }): Promise<StageMove[]> {
  const moves = await rows<StageMove>(
    tx,
    sql`select h.opportunity_id::text as "opportunityId", h.from_stage_id::text as "fromStageId", h.to_stage_id::text as "toStageId",
          (extract(epoch from h.moved_at) * 1000)::float8 as "movedAt"
        from public.opportunity_stage_history h
        where h.opportunity_id in (select opportunity_id from public.opportunity_stage_history
                                   where moved_at >= ${`${window.start}T00:00:00Z`}::timestamptz and moved_at < ${`${window.end}T00:00:00Z`}::timestamptz)`,
  );
  return moves.map((m) => ({ ...m, movedAt: Number(m.movedAt) }));
}

export const conversionsKey = (window: { start: string; end: string }) => `conversions:${window.start}:${window.end}`;
const AGGREGATE_MAX_AGE_MS = 15 * 60_000;

/** Conversions from the scheduled aggregate when it is fresh, else counted now. */
export async function getStageConversions(tx: Tx, window: { start: string; end: string }, stages: readonly FunnelStage[], now: Date): Promise<StageConversion[]> {
  const [cached] = await tx
    .select({ payload: pipelineAggregates.payload, computedAt: pipelineAggregates.computedAt })
    .from(pipelineAggregates)
    .where(eq(pipelineAggregates.key, conversionsKey(window)));
  const names = new Map(stages.map((st) => [st.id, st.name]));
  const payload = cached?.payload as StageConversion[] | undefined;
  const fresh = cached && now.getTime() - cached.computedAt.getTime() < AGGREGATE_MAX_AGE_MS;
  // A stage added, renamed or removed since the refresh makes the cached funnel wrong: count again.
  const sameStages = payload?.length === stages.filter((st) => !st.isLost && !st.isWon).length && payload.every((c) => names.get(c.from.id) === c.from.name && names.get(c.to.id) === c.to.name);
  if (fresh && sameStages) return payload!;
  return countStageConversions(tx, window, stages);
}

/** Scheduled job: refreshes the conversion aggregate for the current window. */
export async function refreshPipelineAggregates(tx: Tx, now = new Date()): Promise<{ key: string }> {
  const window = lastFourQuarters(now);
  const conversions = await countStageConversions(tx, window, await listForecastStages(tx));
  const key = conversionsKey(window);
  await tx
    .insert(pipelineAggregates)
    .values({ key, payload: conversions, computedAt: now })
    .onConflictDoUpdate({ target: pipelineAggregates.key, set: { payload: conversions, computedAt: now } });
  return { key };
}

/**
 * Stage-to-stage conversion counted in SQL (the same rule as `stageConversions`: a deal that first
 * entered an open stage in the window converts when any later move reaches a higher, non-lost stage),
 * so the dashboard never loads the whole history.
 */
export async function countStageConversions(tx: Tx, window: { start: string; end: string }, stages: readonly FunnelStage[]): Promise<StageConversion[]> {
  const counts = await rows<{ stageId: string; entered: number; advanced: number }>(
    tx,
    sql`with ranked as (
          select id,
                 case when is_won then (select count(*) from public.stages where not is_won and not is_lost)
                      when is_lost then null
                      else row_number() over (partition by is_won or is_lost order by position) - 1 end as r,
                 not (is_won or is_lost) as open
          from public.stages
        ),
        moves as (
          select h.opportunity_id, h.to_stage_id, h.moved_at, s.r, s.open,
                 max(s.r) over (partition by h.opportunity_id order by h.moved_at, h.id rows between 1 following and unbounded following) as later_max
          from public.opportunity_stage_history h join ranked s on s.id = h.to_stage_id
        ),
        entries as (
          select distinct on (opportunity_id, to_stage_id) to_stage_id, r, later_max
          from moves
          where open and moved_at >= ${`${window.start}T00:00:00Z`}::timestamptz and moved_at < ${`${window.end}T00:00:00Z`}::timestamptz
          order by opportunity_id, to_stage_id, moved_at
        )
        select to_stage_id::text as "stageId", count(*)::int as entered, (count(*) filter (where later_max > r))::int as advanced
        from entries group by to_stage_id`,
  );
  const byStage = new Map(counts.map((c) => [c.stageId, c]));
  const open = stages.filter((st) => !st.isWon && !st.isLost).sort((a, b) => a.position - b.position);
  const firstWon = stages.filter((st) => st.isWon).sort((a, b) => a.position - b.position)[0];
  const pick = (st: FunnelStage) => ({ id: st.id, key: st.key, name: st.name });
  return open.flatMap((from, i): StageConversion[] => {
    const to = open[i + 1] ?? firstWon;
    if (!to) return [];
    const c = byStage.get(from.id);
    const entered = Number(c?.entered ?? 0);
    const advanced = Number(c?.advanced ?? 0);
    return [{ from: pick(from), to: pick(to), entered, advanced, rate: entered === 0 ? null : advanced / entered }];
  });
}

type TeamRow = Omit<TeamMember, "winRate" | "recentMoves" | "goalMinor" | "pace">;

/** Stage moves per person in the seven days up to `now`. */
function countRecentMoves(tx: Tx, now: Date) {
  const since = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  return rows<{ id: string; n: number }>(
    tx,
    sql`select moved_by::text as id, count(*)::int as n from public.opportunity_stage_history
        where moved_by is not null and moved_at >= ${since}::timestamptz and moved_at <= ${now.toISOString()}::timestamptz group by moved_by`,
  );
}

function listOwnerGoals(tx: Tx, currency: string, q: Quarter) {
  return rows<{ id: string; target: number }>(
    tx,
    sql`select owner_id::text as id, target_minor::float8 as target from public.quarterly_goals
        where owner_id is not null and year = ${q.year} and quarter = ${q.quarter} and currency = ${currency}`,
  );
}

/** Per sales and partnership manager: this quarter's bookings, open pipeline, win rate, recent moves and pace to goal. */
export async function listTeamPerformance(tx: Tx, currency: string, now: Date): Promise<TeamMember[]> {
  const q = quarterOf(now);
  const win = lastFourQuarters(now);
  const people = await rows<TeamRow>(
    tx,
    sql`select p.id::text, p.display_name as name, p.role::text as role,
          coalesce(sum(o.value_minor) filter (where ${wonIn(q, currency)}), 0)::float8 as "wonMinor",
          count(o.id) filter (where ${wonIn(q, currency)})::int as "wonCount",
          coalesce(sum(o.value_minor) filter (where not s.is_won and not s.is_lost and o.currency = ${currency}), 0)::float8 as "openMinor",
          count(o.id) filter (where not s.is_won and not s.is_lost and o.currency = ${currency})::int as "openCount",
          count(o.id) filter (where s.is_won and o.actual_close_date >= ${win.start}::date and o.actual_close_date < ${win.end}::date)::int as "closedWon",
          count(o.id) filter (where s.is_lost and o.actual_close_date >= ${win.start}::date and o.actual_close_date < ${win.end}::date)::int as "closedLost"
        from public.profiles p
        left join public.opportunities o on o.owner_id = p.id
          and (o.actual_close_date is null or o.actual_close_date >= least(${win.start}::date, ${q.start}::date))
        left join public.stages s on s.id = o.stage_id
        where p.role::text in ('sales_manager', 'partnership_manager') and p.deactivated_at is null
        group by p.id, p.display_name, p.role
        order by p.role, p.display_name`,
  );
  const moves = await countRecentMoves(tx, now);
  const goals = await listOwnerGoals(tx, currency, q);
  const share = elapsedShare(q, now);
  return people.map((p) => {
    const wonMinor = Number(p.wonMinor);
    const goal = goals.find((g) => g.id === p.id);
    const goalMinor = goal ? Number(goal.target) : null;
    const closed = p.closedWon + p.closedLost;
    const pace = goalMinor === null || goalMinor === 0 ? null : paceOf(wonMinor, goalMinor, share);
    return { ...p, wonMinor, openMinor: Number(p.openMinor), winRate: closed === 0 ? null : p.closedWon / closed, recentMoves: moves.find((m) => m.id === p.id)?.n ?? 0, goalMinor, pace };
  });
}

async function listDomainGoals(tx: Tx, currency: string, q: Quarter) {
  const won = await rows<{ domain: PartnerDomain; total: number }>(
    tx,
    sql`select o.domain::text as domain, sum(o.value_minor)::float8 as total
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where o.domain is not null and ${wonIn(q, currency)} group by o.domain`,
  );
  const goals = await rows<{ domain: PartnerDomain; target: number }>(
    tx,
    sql`select domain::text as domain, target_minor::float8 as target from public.quarterly_goals
        where domain is not null and year = ${q.year} and quarter = ${q.quarter} and currency = ${currency}`,
  );
  return partnerDomain.enumValues.map((domain): { domain: PartnerDomain; goalMinor: number | null; wonMinor: number } => {
    const goal = goals.find((g) => g.domain === domain);
    return { domain, goalMinor: goal ? Number(goal.target) : null, wonMinor: Number(won.find((w) => w.domain === domain)?.total ?? 0) };
  });
}

/** ISV partners with a health score, and the revenue their deals won this quarter. */
async function listPartnerMatrix(tx: Tx, currency: string, q: Quarter) {
  const result = await rows<{ id: string; name: string; healthScore: number; wonMinor: number }>(
    tx,
    sql`select p.id::text, p.name, p.health_score as "healthScore",
          coalesce(sum(o.value_minor) filter (where ${wonIn(q, currency)}), 0)::float8 as "wonMinor"
        from public.partners p
        left join public.opportunities o on o.isv_partner_id = p.id
        left join public.stages s on s.id = o.stage_id
        where p.kind <> 'program' and p.health_score is not null
        group by p.id, p.name, p.health_score
        order by p.name`,
  );
  return result.map((p) => ({ ...p, wonMinor: Number(p.wonMinor) }));
}

/** A short list of open deals (any currency: nothing is summed) matching `where`, with the full match count. */
async function listOpenDealItems(tx: Tx, where: SQL, orderBy: SQL, now: Date, limit = 5): Promise<DealItem[]> {
  const result = await rows<Omit<DealItem, "daysInStage"> & { enteredAt: number }>(
    tx,
    sql`select o.id::text, o.customer_name as "customerName", s.id::text as "stageId", s.name as "stageName", p.display_name as "ownerName",
          o.value_minor::float8 as "valueMinor", o.currency, o.expected_close_date::text as "expectedCloseDate",
          (extract(epoch from o.stage_entered_at) * 1000)::float8 as "enteredAt", count(*) over ()::int as total
        from public.opportunities o
        join public.stages s on s.id = o.stage_id
        join public.profiles p on p.id = o.owner_id
        where not s.is_won and not s.is_lost and ${where}
        order by ${orderBy}, o.id
        limit ${limit}`,
  );
  return result.map(({ enteredAt, ...d }) => ({ ...d, valueMinor: Number(d.valueMinor), daysInStage: Math.floor((now.getTime() - Number(enteredAt)) / DAY_MS) }));
}

/** Runs one read in a transaction as the caller; several may run at once on separate connections. */
export type ReadRunner = <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;

/** A runner that reuses one open transaction (tests, or a single-connection engine). */
export const inTransaction = (tx: Tx): ReadRunner => (fn) => fn(tx);

/**
 * Everything on the VP dashboard, read through the caller's RLS; money totals count workspace-currency
 * deals only. Independent reads run concurrently, each in its own RLS transaction.
 */
export async function getDashboard(run: ReadRunner, now = new Date()) {
  const quarter = quarterOf(now);
  const today = isoDate(now);
  const dueBy = isoDate(new Date(now.getTime() + 14 * DAY_MS));
  const window = lastFourQuarters(now);
  // Each section reads the (one-row) settings itself: measured faster than reading them first and
  // then fanning out, because the fan-out starts without waiting for a round trip.
  const [head, team, domains, partners, lists] = await Promise.all([
    run(async (tx) => {
      const basics = await getWorkspaceBasics(tx);
      const stageRows = await listForecastStages(tx);
      const [targetMinor] = await getQuarterTargets(tx, [quarter], basics);
      const won = await getWonTotal(tx, basics.currency, quarter);
      const pipeline = await getStagePipeline(tx, stageRows, basics.currency, today);
      const conversions = await getStageConversions(tx, window, stageRows, now);
      return { basics, stageRows, targetMinor, won, pipeline, conversions };
    }),
    run(async (tx) => listTeamPerformance(tx, (await getWorkspaceBasics(tx)).currency, now)),
    run(async (tx) => listDomainGoals(tx, (await getWorkspaceBasics(tx)).currency, quarter)),
    run(async (tx) => listPartnerMatrix(tx, (await getWorkspaceBasics(tx)).currency, quarter)),
    run(async (tx) => {
      const { stalledAfterDays } = await getWorkspaceBasics(tx);
      const stalledBefore = new Date(now.getTime() - stalledAfterDays * DAY_MS).toISOString();
      return {
        stalled: await listOpenDealItems(tx, sql`o.stage_entered_at < ${stalledBefore}::timestamptz`, sql`o.stage_entered_at asc`, now),
        closesDue: await listOpenDealItems(tx, sql`o.expected_close_date between ${today}::date and ${dueBy}::date`, sql`o.expected_close_date asc, o.value_minor desc`, now),
      };
    }),
  ]);
  const { basics, stageRows, targetMinor, won, pipeline, conversions } = head;
  return {
    currency: basics.currency,
    today,
    dueBy,
    quarter,
    elapsedShare: elapsedShare(quarter, now),
    window,
    bookings: { wonMinor: won.totalMinor, wonCount: won.count, targetMinor: targetMinor ?? basics.quarterTargetMinor },
    wonStageId: stageRows.find((st) => st.isWon)?.id ?? null,
    ...pipeline,
    conversions,
    team,
    domains,
    partners,
    stalledAfterDays: basics.stalledAfterDays,
    ...lists,
  };
}

/** Deals closed in the last four full quarters, by loss reason, referring partner (top 8), owner and size band. */
export async function getWinLoss(tx: Tx, now = new Date()) {
  const { currency } = await getWorkspaceBasics(tx);
  const window = lastFourQuarters(now);
  const closed = await rows<ClosedRow>(
    tx,
    sql`select s.is_won as won, o.loss_reason as "lossReason", rp.id::text as "partnerId", rp.name as "partnerName",
          p.id::text as "ownerId", p.display_name as "ownerName", o.value_minor::float8 as "valueMinor", o.currency
        from public.opportunities o
        join public.stages s on s.id = o.stage_id and (s.is_won or s.is_lost)
        join public.profiles p on p.id = o.owner_id
        left join public.partners rp on rp.id = o.referring_partner_id
        where o.actual_close_date >= ${window.start}::date and o.actual_close_date < ${window.end}::date`,
  );
  const sizes = tally(closed.filter((r) => r.currency === currency), (r) => sizeBand(Number(r.valueMinor), currency)).sort((a, b) => Number(a.key) - Number(b.key));
  return {
    window,
    currency,
    won: closed.filter((r) => r.won).length,
    lost: closed.filter((r) => !r.won).length,
    lossReasons: tally(closed.filter((r) => !r.won), (r) => [r.lossReason ?? "", r.lossReason ?? "No reason given"]),
    partners: tally(closed, (r) => (r.partnerId ? [r.partnerId, r.partnerName ?? "Unknown partner"] : null)).slice(0, 8),
    direct: tally(closed, (r) => (r.partnerId ? null : ["direct", "No referring partner"]))[0] ?? null,
    owners: tally(closed, (r) => [r.ownerId, r.ownerName]),
    sizes,
  };
}

export type WinLoss = Awaited<ReturnType<typeof getWinLoss>>;
