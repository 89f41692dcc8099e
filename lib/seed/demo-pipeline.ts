import type * as schema from "../db/schema";
import type { PartnerDomain } from "../db/schema";
import { TIER_DEFS, type StageKey, type TierKey } from "./demo-data";
import { personName } from "./demo-partners";
import {
  BACKWARD_JUSTIFICATIONS,
  CUSTOMERS,
  CUSTOMERS_EU,
  CUSTOMERS_UK,
  DEAL_NOTES,
  ENTERPRISE_CUSTOMERS,
  SMALL_CUSTOMERS,
  DEAL_TITLES,
  LOSS_REASONS,
} from "./demo-words";
import type { Rng } from "./random";
import { emailLocal, slugify } from "./text";
import { DAY, HOUR, isoDate, quarterStart } from "./time";

type OpportunityRow = typeof schema.opportunities.$inferInsert & {
  id: string;
  valueMinor: number;
  stageEnteredAt: Date;
};
type HistoryRow = typeof schema.opportunityStageHistory.$inferInsert;

export interface PipelineInput {
  now: Date;
  targetMinor: number;
  stageIds: Record<StageKey, string>;
  stageProbability: Record<StageKey, number>;
  isvs: { id: string; name: string; domain: PartnerDomain }[];
  /** Program partners that may refer deals; weight grows with tier. `tier` is where the story places them. */
  referrers: { id: string; joinedAt: Date; weight: number; tier: TierKey }[];
  sellerFor: (domain: PartnerDomain) => string;
  partnershipManagers: string[];
  demoPartnerId: string;
}

export interface Pipeline {
  opportunities: OpportunityRow[];
  history: HistoryRow[];
  wonThisQuarterMinor: number;
}

type Outcome = "won" | "lost" | "open";
interface Slot {
  quarter: number;
  outcome: Outcome;
  openStage?: StageKey;
  stalled?: boolean;
  overdue?: boolean;
  valueUsd?: number;
}

const OPEN: StageKey[] = ["lead", "demo", "poc", "proposal"];

function roundValue(usd: number): number {
  const step = usd >= 500_000 ? 5_000 : usd >= 100_000 ? 1_000 : 500;
  return Math.max(10_000, Math.round(usd / step) * step);
}

function dealValue(rng: Rng): number {
  const [lo, hi] = rng.weighted<[number, number]>([
    [[10_000, 20_000], 10],
    [[20_000, 60_000], 45],
    [[60_000, 150_000], 30],
    [[150_000, 500_000], 11],
    [[500_000, 1_200_000], 1.5],
  ]);
  return roundValue(rng.float(lo, hi));
}

/** Splits a quarter's won revenue over its won deals so the quarter lands where the story needs it. */
function partition(rng: Rng, totalUsd: number, count: number): number[] {
  const weights = Array.from({ length: count }, () => Math.exp(rng.float(-0.9, 1.1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => roundValue((totalUsd * w) / sum));
}

function planSlots(rng: Rng, targetUsd: number): Slot[] {
  const slots: Slot[] = [];
  for (const quarter of [-4, -3, -2, -1]) {
    // Last quarter closed more, smaller deals: the partner program's referral deals landed in it.
    const closed = quarter === -1 ? 28 : 25;
    const won = Math.round(closed * (quarter === -1 ? rng.float(0.5, 0.6) : rng.float(0.35, 0.45)));
    const values = partition(rng, targetUsd * rng.float(0.85, 1.35), won);
    values.forEach((valueUsd) => slots.push({ quarter, outcome: "won", valueUsd }));
    for (let i = won; i < closed; i++) slots.push({ quarter, outcome: "lost" });
  }
  // Deals that slipped out of last quarter and have not moved since.
  for (const openStage of ["demo", "poc", "proposal"] as StageKey[]) {
    slots.push({ quarter: -1, outcome: "open", openStage, stalled: true, overdue: true });
  }
  partition(rng, targetUsd * rng.float(0.55, 0.68), 14).forEach((valueUsd) =>
    slots.push({ quarter: 0, outcome: "won", valueUsd }),
  );
  for (let i = 0; i < 5; i++) slots.push({ quarter: 0, outcome: "lost" });
  const open = OPEN.flatMap((stage, i) => Array.from({ length: i < 2 ? 10 : 9 }, () => stage));
  rng.shuffle(open.map((_, i) => i)).forEach((index, rank) => {
    slots.push({
      quarter: 0,
      outcome: "open",
      openStage: open[index],
      stalled: rank < 4,
      overdue: rank >= 4 && rank < 7 && open[index] !== "lead",
    });
  });
  // A handful of very large deals, none of them already won, so they read as the pipeline's big bets.
  const bigBets = [
    ...rng.sample(
      slots.filter(
        (s) => s.quarter === 0 && !s.stalled && (s.openStage === "poc" || s.openStage === "proposal"),
      ),
      2,
    ),
    ...rng.sample(
      slots.filter((s) => s.outcome === "lost"),
      2,
    ),
  ];
  bigBets.forEach((slot) => (slot.valueUsd = roundValue(rng.float(520_000, 1_200_000))));
  return slots;
}

/** A deal this size goes to a customer that could plausibly buy it: no six-figure platform deal for a corner shop. */
function fittingCustomer(customer: string, valueUsd: number): string {
  const pool = valueUsd >= 400_000 ? ENTERPRISE_CUSTOMERS : valueUsd >= 120_000 ? CUSTOMERS.filter((c) => !SMALL_CUSTOMERS.has(c)) : null;
  if (!pool || pool.includes(customer)) return customer;
  // Deterministic (no draw), so every later value of the stream stays where it was.
  return pool[hashText(`${customer}:${valueUsd}`) % pool.length]!;
}

function hashText(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) >>> 0;
  return h;
}

const RECENT_DAYS = 90;
const TIER_MIN_USD = Object.fromEntries(TIER_DEFS.map((t) => [t.key, t.minRevenueMinor / 100])) as Record<TierKey, number>;
/** How many partners of each planned tier the recent wins carry up to their tier; the rest stay where the deals leave them. */
const RECENT_QUOTA: Record<TierKey, number> = { elite: 2, performer: 4, active: 10, starter: 0 };

/**
 * Tiers follow referred won revenue over the trailing 90 days, so the story's tier spread needs the recent
 * wins spread over the partners meant for each tier: the largest go to the partners planned as Elite until
 * they reach its threshold, then Performer, then Growth. One in six recent wins stays a direct deal.
 */
function spreadRecentWins(opportunities: OpportunityRow[], input: PipelineInput): void {
  const since = isoDate(new Date(input.now.getTime() - RECENT_DAYS * DAY));
  const recent = opportunities
    .filter((o) => o.stageId === input.stageIds.closed_won && o.actualCloseDate! >= since && o.currency === "USD")
    .filter((o) => o.referringPartnerId !== input.demoPartnerId)
    .sort((a, b) => b.valueMinor - a.valueMinor);
  const ladder = (["elite", "performer", "active"] as const).flatMap((tier) =>
    input.referrers
      .filter((r) => r.tier === tier && r.id !== input.demoPartnerId)
      .slice(0, RECENT_QUOTA[tier])
      .map((r) => ({ ...r, unmetUsd: TIER_MIN_USD[tier] })),
  );
  recent.forEach((deal, i) => {
    if (i % 6 === 5) {
      deal.referringPartnerId = null;
      return;
    }
    const partner = ladder.find((r) => r.unmetUsd > 0 && r.joinedAt < (deal.createdAt as Date));
    if (!partner) return;
    deal.referringPartnerId = partner.id;
    partner.unmetUsd -= deal.valueMinor / 100;
  });
}

interface Step {
  to: StageKey;
  justification?: string;
}

function buildPath(rng: Rng, outcome: Outcome, lastOpen: number): Step[] {
  const steps: Step[] = OPEN.slice(0, lastOpen + 1).map((to) => ({ to }));
  if (lastOpen >= 2 && rng.chance(0.1)) {
    const at = rng.int(2, lastOpen);
    steps.splice(
      at + 1,
      0,
      { to: OPEN[at - 1]!, justification: rng.pick(BACKWARD_JUSTIFICATIONS) },
      { to: OPEN[at]! },
    );
  }
  if (outcome === "won") steps.push({ to: "closed_won" });
  if (outcome === "lost") steps.push({ to: "closed_lost" });
  return steps;
}

/** Timestamps from `start` to `end`, strictly increasing, first and last pinned. */
function moveTimes(rng: Rng, start: Date, end: Date, count: number): Date[] {
  if (count === 1) return [end];
  const span = end.getTime() - start.getTime();
  const cuts = Array.from({ length: count - 2 }, () => rng.float(0.05, 0.95)).sort((a, b) => a - b);
  return [0, ...cuts, 1].map(
    (f, i) => new Date(start.getTime() + Math.floor(f * span) + (i > 0 && i < count - 1 ? i * 60_000 : 0)),
  );
}

export function buildPipeline(rng: Rng, input: PipelineInput): Pipeline {
  const { now, stageIds, stageProbability } = input;
  const slots = planSlots(rng, input.targetMinor / 100);
  const opportunities: OpportunityRow[] = [];
  const history: HistoryRow[] = [];
  let wonThisQuarterMinor = 0;
  const demoShowcase = new Set<string>();

  for (const slot of slots) {
    const qStart = quarterStart(now, slot.quarter);
    const qEnd = new Date(Math.min(quarterStart(now, slot.quarter + 1).getTime(), now.getTime()) - HOUR);
    const valueUsd = slot.valueUsd ?? dealValue(rng);
    const lastOpen =
      slot.outcome === "won"
        ? 3
        : slot.outcome === "lost"
          ? rng.weighted([
              [0, 2],
              [1, 3],
              [2, 3],
              [3, 2],
            ])
          : OPEN.indexOf(slot.openStage!);
    const steps = buildPath(rng, slot.outcome, lastOpen);

    let created: Date;
    let lastMove: Date;
    if (slot.outcome !== "open") {
      // Wins cluster towards the end of their quarter, as bookings do; losses spread evenly.
      const at = rng.next();
      const share = slot.outcome === "won" && slot.quarter < 0 ? Math.sqrt(at) : at;
      lastMove = new Date(qStart.getTime() + Math.floor(share * Math.max(0, qEnd.getTime() - qStart.getTime())));
      const cycle =
        lastOpen === 0 ? rng.int(5, 25) : rng.int(18, 60) + (valueUsd > 150_000 ? rng.int(20, 60) : 0);
      created = new Date(lastMove.getTime() - cycle * DAY - rng.int(0, 8) * HOUR);
    } else {
      lastMove = slot.stalled
        ? new Date(
            now.getTime() -
              rng.int(slot.quarter < 0 ? 25 : 22, slot.quarter < 0 ? 60 : 45) * DAY -
              rng.int(1, 9) * HOUR,
          )
        : new Date(now.getTime() - rng.float(2 * HOUR, 12 * DAY));
      created =
        steps.length === 1
          ? lastMove
          : new Date(lastMove.getTime() - (steps.length - 1) * rng.int(4, 14) * DAY - rng.int(1, 9) * HOUR);
    }
    const times = moveTimes(rng, created, lastMove, steps.length);

    const isv = rng.pick(input.isvs);
    const ownerId = rng.chance(0.85) ? input.sellerFor(isv.domain) : rng.pick(input.partnershipManagers);
    const eligible = input.referrers.filter((r) => r.joinedAt < created);
    let referrer =
      eligible.length > 0 && rng.chance(0.4)
        ? rng.weighted(eligible.map((r) => [r.id, r.weight] as const))
        : null;
    // The demo partner's portal should show a win this quarter and a live deal past the POC gate.
    const showcase =
      slot.quarter !== 0
        ? null
        : slot.outcome === "won"
          ? "won"
          : slot.openStage === "poc" || slot.openStage === "proposal"
            ? "open"
            : null;
    if (showcase && !demoShowcase.has(showcase) && eligible.some((r) => r.id === input.demoPartnerId)) {
      referrer = input.demoPartnerId;
      demoShowcase.add(showcase);
    }
    const foreign =
      slot.outcome === "won" && slot.quarter === 0
        ? null
        : rng.weighted([
            [null, 94],
            ["EUR", 4],
            ["GBP", 2],
          ] as const);
    const customer =
      foreign === "EUR"
        ? rng.pick(CUSTOMERS_EU)
        : foreign === "GBP"
          ? rng.pick(CUSTOMERS_UK)
          : fittingCustomer(rng.pick(CUSTOMERS), valueUsd);
    const customerHost = `${slugify(customer)}.example`;
    const contact = personName(rng);
    const reachedPoc = steps.some((s) => s.to === "poc");
    const technical = reachedPoc || rng.chance(0.35) ? personName(rng) : null;
    const finalStage = steps[steps.length - 1]!.to;

    let expected: Date;
    if (slot.outcome !== "open") expected = new Date(lastMove.getTime() + rng.int(-21, 10) * DAY);
    else if (slot.overdue)
      expected =
        slot.quarter < 0
          ? rng.dateBetween(new Date(qEnd.getTime() - 21 * DAY), qEnd)
          : new Date(now.getTime() - rng.int(2, 18) * DAY);
    else
      expected = new Date(now.getTime() + (finalStage === "lead" ? rng.int(30, 120) : rng.int(5, 75)) * DAY);
    if (expected <= created) expected = new Date(created.getTime() + 7 * DAY);

    const id = rng.uuid();
    const valueMinor = valueUsd * 100;
    if (slot.quarter === 0 && slot.outcome === "won") wonThisQuarterMinor += valueMinor;
    opportunities.push({
      id,
      customerName: customer,
      title: `${isv.name} – ${rng.pick(DEAL_TITLES[isv.domain])}`,
      contactName: contact,
      contactEmail: `${emailLocal(contact)}@${customerHost}`,
      technicalContactName: technical,
      technicalContactEmail: technical && `${emailLocal(technical)}@${customerHost}`,
      valueMinor,
      currency: foreign ?? "USD",
      stageId: stageIds[finalStage],
      ownerId,
      isvPartnerId: isv.id,
      referringPartnerId: referrer,
      domain: isv.domain,
      probability: stageProbability[finalStage],
      expectedCloseDate: isoDate(expected),
      actualCloseDate: slot.outcome === "open" ? null : isoDate(lastMove),
      lossReason: slot.outcome === "lost" ? rng.pick(LOSS_REASONS) : null,
      notes: rng.chance(0.25) ? rng.pick(DEAL_NOTES) : null,
      stageEnteredAt: lastMove,
      createdBy: ownerId,
      createdAt: created,
      updatedAt: lastMove,
    });
    steps.forEach((step, i) => {
      history.push({
        id: rng.uuid(),
        opportunityId: id,
        fromStageId: i === 0 ? null : stageIds[steps[i - 1]!.to],
        toStageId: stageIds[step.to],
        movedBy: ownerId,
        movedAt: times[i]!,
        justification: step.justification ?? null,
      });
    });
  }

  spreadRecentWins(opportunities, input);

  // Board order: newest activity first within each column, spaced so drags can insert between cards.
  const byStage = new Map<string, OpportunityRow[]>();
  for (const o of opportunities) byStage.set(o.stageId, [...(byStage.get(o.stageId) ?? []), o]);
  for (const column of byStage.values()) {
    column.sort((a, b) => b.stageEnteredAt.getTime() - a.stageEnteredAt.getTime());
    column.forEach((o, i) => (o.position = String((i + 1) * 1000)));
  }
  return { opportunities, history, wonThisQuarterMinor };
}
