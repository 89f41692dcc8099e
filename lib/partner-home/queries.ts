import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { monthBounds, monthOf, rankLeaderboard } from "@/lib/achievements/leaderboard";
import type { TraceStep } from "@/lib/commissions/types";
import type { Tx } from "@/lib/db/connection";
import {
  commissionLines,
  commissionSchedules,
  partnerAchievements,
  tierHistory,
  tiers,
} from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import type { FxRate } from "@/lib/commissions/types";
import { windowStartOf, type TierMetrics } from "@/lib/tiers/evaluate";
import { addWonDeal } from "@/lib/tiers/metrics";

/** The partner's payable lines with the deal name and the rule trace (RLS: its own payable lines only). */
export function listPayableLines(tx: Tx, partnerId: string, limit = 500) {
  return tx
    .select({
      id: commissionLines.id,
      label: commissionLines.label,
      amountMinor: commissionLines.amountMinor,
      currency: commissionLines.currency,
      dueDate: commissionLines.dueDate,
      status: commissionLines.status,
      kind: commissionLines.kind,
      opportunityId: commissionLines.opportunityId,
      effectiveRate: commissionSchedules.effectiveRate,
      trace: sql<TraceStep[]>`${commissionSchedules.trace}`,
      // Paid by a simulated payout (no Stripe keys): the portal marks it so, since no money moved.
      simulated: sql<boolean>`exists (select 1 from public.payout_items i join public.payouts p on p.id = i.payout_id
        where i.commission_line_id = ${commissionLines.id} and i.released_at is null and p.mode = 'simulated')`,
    })
    .from(commissionLines)
    .innerJoin(commissionSchedules, eq(commissionSchedules.id, commissionLines.scheduleId))
    .where(and(eq(commissionLines.partnerId, partnerId), eq(commissionLines.direction, "payable")))
    .orderBy(desc(commissionLines.dueDate))
    .limit(limit);
}

interface WonDeal {
  value_minor: string;
  currency: string;
  close_date: string;
}

interface StandingInputs {
  currency: string;
  rates: FxRate[];
  own: WonDeal[];
  month: (WonDeal & { partner_id: string; name: string; deals: number })[];
}

/**
 * Deal-side facts a partner may know about its own referrals but cannot read row by row (deals are
 * staff-only): names and stages of its referred deals, trailing tier metrics and the month's board.
 * Security definer functions answer for the signed-in partner itself (never for a partner id argument).
 */
export async function getReferredDealFacts(tx: Tx, today: string) {
  const deals = await rows<{ id: string; customer_name: string; stage: string; is_won: boolean; is_lost: boolean }>(
    tx,
    sql`select id, customer_name, stage, is_won, is_lost from private.partner_referred_deals()`,
  );
  const month = monthOf(new Date(`${today}T00:00:00Z`));
  const { start, end } = monthBounds(month);
  const windowStart = windowStartOf(today);
  const [row] = await rows<{ inputs: StandingInputs | string | null }>(
    tx,
    sql`select private.partner_standing_inputs(${windowStart}::date, ${today}::date, ${start}::date, ${end}::date) as inputs`,
  );
  const raw = row?.inputs ?? null;
  const inputs: StandingInputs =
    (typeof raw === "string" ? (JSON.parse(raw) as StandingInputs) : raw) ?? { currency: "USD", rates: [], own: [], month: [] };
  const metrics: TierMetrics = { revenueMinor: 0, currency: inputs.currency, wonDeals: 0, windowStart, windowEnd: today, unconverted: 0 };
  for (const deal of inputs.own) addWonDeal(metrics, deal, inputs.rates);
  const board = { currency: inputs.currency, rows: rankLeaderboard(inputs.month, inputs.currency, inputs.rates) };
  return { deals, metrics, board, month };
}

export async function getFunnelCounts(tx: Tx, partnerId: string) {
  const [row] = await rows<{ clicks: number; referrals: number; registrations: number }>(
    tx,
    sql`select (select count(*)::int from public.referral_clicks where partner_id = ${partnerId} and not is_bot) as clicks,
               (select count(*)::int from public.referrals where partner_id = ${partnerId}) as referrals,
               (select count(*)::int from public.deal_registrations where partner_id = ${partnerId}) as registrations`,
  );
  return row ?? { clicks: 0, referrals: 0, registrations: 0 };
}

export function listAchievements(tx: Tx, partnerId: string) {
  return tx
    .select({
      key: partnerAchievements.key,
      earnedAt: partnerAchievements.earnedAt,
      details: partnerAchievements.details,
    })
    .from(partnerAchievements)
    .where(eq(partnerAchievements.partnerId, partnerId))
    .orderBy(desc(partnerAchievements.earnedAt));
}

export async function getXp(tx: Tx, partnerId: string): Promise<{ total: number; month: number }> {
  const [row] = await rows<{ total: number; month: number }>(
    tx,
    sql`select coalesce(sum(xp), 0)::int as total,
               coalesce(sum(xp) filter (where occurred_at >= date_trunc('month', now())), 0)::int as month
        from public.partner_xp_events where partner_id = ${partnerId}`,
  );
  return row ?? { total: 0, month: 0 };
}

export function listTierHistory(tx: Tx, partnerId: string, limit = 10) {
  return tx
    .select({
      id: tierHistory.id,
      toName: tiers.name,
      toColor: tiers.color,
      reason: tierHistory.reason,
      changedAt: tierHistory.changedAt,
      metrics: tierHistory.metrics,
    })
    .from(tierHistory)
    .innerJoin(tiers, eq(tiers.id, tierHistory.toTierId))
    .where(eq(tierHistory.partnerId, partnerId))
    .orderBy(desc(tierHistory.changedAt))
    .limit(limit);
}

export async function getPartnerTierKey(
  tx: Tx,
  partnerId: string,
): Promise<{ tierId: string | null; tierKey: string | null }> {
  const [row] = await rows<{ tier_id: string | null; key: string | null }>(
    tx,
    sql`select p.tier_id, t.key from public.partners p left join public.tiers t on t.id = p.tier_id where p.id = ${partnerId}`,
  );
  return { tierId: row?.tier_id ?? null, tierKey: row?.key ?? null };
}
