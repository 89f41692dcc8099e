import { minorDigits } from "@/lib/money";

/** One row of opportunity_stage_history, reduced to what conversion needs. */
export interface StageMove {
  opportunityId: string;
  fromStageId: string | null;
  toStageId: string;
  /** Epoch milliseconds. */
  movedAt: number;
}

export interface FunnelStage {
  id: string;
  key: string;
  name: string;
  position: number;
  isWon: boolean;
  isLost: boolean;
}

export interface StageConversion {
  from: Pick<FunnelStage, "id" | "key" | "name">;
  to: Pick<FunnelStage, "id" | "key" | "name">;
  /** Deals that entered `from` inside the window. */
  entered: number;
  /** Of those, deals that later entered `to` or any stage beyond it (won counts as beyond every open stage). */
  advanced: number;
  /** advanced / entered (0..1); null when no deal entered the stage. */
  rate: number | null;
}

interface Entry {
  stageId: string;
  at: number;
  /** Known only from a later move's from-stage, so its entry time is unknown. */
  inferred: boolean;
}

/**
 * Funnel ranks: open stages by position, then every won stage one step past the last open stage.
 * Lost stages get no rank, so losing a deal never counts as progress.
 */
function rankStages(stages: readonly FunnelStage[]) {
  const open = stages.filter((s) => !s.isWon && !s.isLost).sort((a, b) => a.position - b.position);
  const won = stages.filter((s) => s.isWon).sort((a, b) => a.position - b.position);
  const rank = new Map<string, number>();
  open.forEach((s, i) => rank.set(s.id, i));
  won.forEach((s) => rank.set(s.id, open.length));
  return { open, firstWon: won[0], rank };
}

/** A deal's stage entries in order; a first move from a stage with no creation row still proves the deal was in that stage. */
function entriesOf(moves: readonly StageMove[]): Entry[] {
  // A creation row (no from-stage) written in the same instant as a move still comes first.
  const sorted = [...moves].sort(
    (a, b) => a.movedAt - b.movedAt || Number(a.fromStageId !== null) - Number(b.fromStageId !== null),
  );
  const first = sorted[0];
  const entries: Entry[] = [];
  if (first?.fromStageId) entries.push({ stageId: first.fromStageId, at: first.movedAt, inferred: true });
  for (const m of sorted) entries.push({ stageId: m.toStageId, at: m.movedAt, inferred: false });
  return entries;
}

function groupByDeal(moves: readonly StageMove[]): Map<string, StageMove[]> {
  const byDeal = new Map<string, StageMove[]>();
  for (const m of moves) {
    const list = byDeal.get(m.opportunityId);
    if (list) list.push(m);
    else byDeal.set(m.opportunityId, [m]);
  }
  return byDeal;
}

/**
 * Stage-to-stage conversion: of the deals that entered open stage N within [window.from, window.to),
 * the share that later entered stage N+1 or beyond. Skipping a stage still counts as advancing past it;
 * the last open stage converts into the won stage. A deal is counted once per stage however often it re-entered it.
 */
export function stageConversions(
  moves: readonly StageMove[],
  stages: readonly FunnelStage[],
  window: { from: number; to: number },
): StageConversion[] {
  const { open, firstWon, rank } = rankStages(stages);
  const entered = new Array<number>(open.length).fill(0);
  const advanced = new Array<number>(open.length).fill(0);

  for (const dealMoves of groupByDeal(moves).values()) {
    const ranks = entriesOf(dealMoves).map((e) => ({ rank: rank.get(e.stageId), at: e.at }));
    for (let stage = 0; stage < open.length; stage++) {
      const firstIn = ranks.findIndex((e) => e.rank === stage && e.at >= window.from && e.at < window.to);
      if (firstIn < 0) continue;
      entered[stage]! += 1;
      if (ranks.slice(firstIn + 1).some((e) => e.rank !== undefined && e.rank > stage)) advanced[stage]! += 1;
    }
  }

  const pick = (s: FunnelStage) => ({ id: s.id, key: s.key, name: s.name });
  return open.flatMap((from, i): StageConversion[] => {
    const to = open[i + 1] ?? firstWon;
    if (!to) return [];
    const n = entered[i]!;
    return [
      {
        from: pick(from),
        to: pick(to),
        entered: n,
        advanced: advanced[i]!,
        rate: n === 0 ? null : advanced[i]! / n,
      },
    ];
  });
}

export interface StageDuration {
  id: string;
  key: string;
  name: string;
  /** Stage stays that ended with a move. */
  samples: number;
  averageDays: number | null;
  medianDays: number | null;
}

const DAY_MS = 86_400_000;

function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Days spent in each open stage, from entering it to the deal's next move, for stays that began inside the
 * window. A stay still running has no end yet and a stay inferred from a from-stage has no known start, so both are left out.
 */
export function stageDurations(
  moves: readonly StageMove[],
  stages: readonly FunnelStage[],
  window: { from: number; to: number },
): StageDuration[] {
  const { open } = rankStages(stages);
  const days = new Map<string, number[]>(open.map((s) => [s.id, []]));
  for (const dealMoves of groupByDeal(moves).values()) {
    const entries = entriesOf(dealMoves);
    entries.forEach((entry, i) => {
      const next = entries[i + 1];
      if (!next || entry.inferred || entry.at < window.from || entry.at >= window.to) return;
      days.get(entry.stageId)?.push((next.at - entry.at) / DAY_MS);
    });
  }
  return open.map((s) => {
    const list = days.get(s.id)!.sort((a, b) => a - b);
    const sum = list.reduce((a, b) => a + b, 0);
    return {
      id: s.id,
      key: s.key,
      name: s.name,
      samples: list.length,
      averageDays: list.length ? sum / list.length : null,
      medianDays: median(list),
    };
  });
}

export interface ClosedRow {
  won: boolean;
  lossReason: string | null;
  partnerId: string | null;
  partnerName: string | null;
  ownerId: string;
  ownerName: string;
  valueMinor: number;
  currency: string;
}

export interface WinLossRow {
  key: string;
  label: string;
  won: number;
  lost: number;
  /** won / (won + lost), 0..1. */
  winRate: number;
}

/** Won and lost counts per group, largest groups first; rows the key function skips are left out. */
export function tally(
  closed: readonly ClosedRow[],
  keyOf: (r: ClosedRow) => readonly [string, string] | null,
): WinLossRow[] {
  const groups = new Map<string, WinLossRow>();
  for (const r of closed) {
    const key = keyOf(r);
    if (!key) continue;
    const g = groups.get(key[0]) ?? { key: key[0], label: key[1], won: 0, lost: 0, winRate: 0 };
    if (r.won) g.won += 1;
    else g.lost += 1;
    g.winRate = g.won / (g.won + g.lost);
    groups.set(key[0], g);
  }
  return [...groups.values()].sort(
    (a, b) => b.won + b.lost - (a.won + a.lost) || b.won - a.won || a.label.localeCompare(b.label),
  );
}

const SIZE_BANDS = [0, 25_000, 100_000, 500_000] as const;

/** Size band of a workspace-currency deal; the edges are in major units ($25K, $100K, $500K). */
export function sizeBand(valueMinor: number, currency: string): readonly [string, string] {
  const factor = 10 ** minorDigits(currency);
  const i = SIZE_BANDS.findLastIndex((edge) => valueMinor >= edge * factor);
  // formatMoney's compact form keeps a decimal ("$25.0K"); band edges read better whole.
  const whole = new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: "compact",
    maximumFractionDigits: 0,
  });
  const money = (major: number) => whole.format(major);
  const upper = SIZE_BANDS[i + 1];
  const label =
    i === 0
      ? `< ${money(SIZE_BANDS[1])}`
      : upper === undefined
        ? `≥ ${money(SIZE_BANDS[i]!)}`
        : `${money(SIZE_BANDS[i]!)}–${money(upper)}`;
  return [String(i), label];
}
