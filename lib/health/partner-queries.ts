import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { quarterAt } from "@/lib/forecast/inputs";
import type { HealthBreakdown } from "./job";
import { firstScoredOn } from "./score";

export interface InteractionRow {
  id: string;
  kind: string;
  occurredAt: string;
  summary: string;
  nextSteps: string | null;
  authorName: string | null;
}

export async function listInteractions(tx: Tx, partnerId: string, limit = 30): Promise<InteractionRow[]> {
  return rows<InteractionRow>(
    tx,
    sql`select i.id::text, i.kind::text as kind, to_char(i.occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "occurredAt",
          i.summary, i.next_steps as "nextSteps", pr.display_name as "authorName"
        from public.partner_interactions i left join public.profiles pr on pr.id = i.author_id
        where i.partner_id = ${partnerId}::uuid
        order by i.occurred_at desc, i.id limit ${limit}`,
  );
}

export interface PartnerOpportunityRow {
  id: string;
  customerName: string;
  stageName: string;
  isWon: boolean;
  isLost: boolean;
  valueMinor: number;
  currency: string;
  ownerName: string | null;
  closeDate: string | null;
  role: "vendor" | "referrer" | "both";
}

/** Deals where the partner is the vendor or the referrer, open ones first, then the latest closed. */
export async function listPartnerOpportunities(
  tx: Tx,
  partnerId: string,
  limit = 20,
): Promise<PartnerOpportunityRow[]> {
  const result = await rows<PartnerOpportunityRow>(
    tx,
    sql`select o.id::text, o.customer_name as "customerName", s.name as "stageName", s.is_won as "isWon", s.is_lost as "isLost",
          o.value_minor::float8 as "valueMinor", o.currency, pr.display_name as "ownerName",
          coalesce(o.actual_close_date, o.expected_close_date)::text as "closeDate",
          case when o.isv_partner_id = o.referring_partner_id then 'both' when o.isv_partner_id = ${partnerId}::uuid then 'vendor' else 'referrer' end as role
        from public.opportunities o join public.stages s on s.id = o.stage_id
        left join public.profiles pr on pr.id = o.owner_id
        where o.isv_partner_id = ${partnerId}::uuid or o.referring_partner_id = ${partnerId}::uuid
        order by (s.is_won or s.is_lost), coalesce(o.actual_close_date, o.expected_close_date) desc nulls last, o.id
        limit ${limit}`,
  );
  return result.map((r) => ({ ...r, valueMinor: Number(r.valueMinor) }));
}

/** Won revenue for this quarter and the three before it, oldest first, in the workspace currency. */
export async function listRevenueByQuarter(tx: Tx, partnerId: string, now: Date, currency: string) {
  const quarters = [-3, -2, -1, 0].map((offset) => quarterAt(now, offset));
  const won = await rows<{ start: string; total: number; n: number }>(
    tx,
    sql`select date_trunc('quarter', o.actual_close_date)::date::text as start, sum(o.value_minor)::float8 as total, count(*)::int as n
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where (o.isv_partner_id = ${partnerId}::uuid or o.referring_partner_id = ${partnerId}::uuid) and s.is_won
          and o.currency = ${currency} and o.actual_close_date >= ${quarters[0]!.start}::date and o.actual_close_date < ${quarters[3]!.end}::date
        group by 1`,
  );
  return quarters.map((q) => {
    const hit = won.find((w) => w.start === q.start);
    return { label: q.label, wonMinor: Number(hit?.total ?? 0), deals: Number(hit?.n ?? 0) };
  });
}

export interface CommissionSummaryRow {
  currency: string;
  earnedMinor: number;
  approvedMinor: number;
  paidMinor: number;
}

/** What we owe or paid this partner (payable lines) by status; RLS shows it to the VP and finance. */
export async function getCommissionSummary(tx: Tx, partnerId: string): Promise<CommissionSummaryRow[]> {
  const result = await rows<CommissionSummaryRow>(
    tx,
    sql`select currency::text as currency,
          coalesce(sum(amount_minor) filter (where status = 'earned'), 0)::float8 as "earnedMinor",
          coalesce(sum(amount_minor) filter (where status = 'approved'), 0)::float8 as "approvedMinor",
          coalesce(sum(amount_minor) filter (where status = 'paid'), 0)::float8 as "paidMinor"
        from public.commission_lines
        where partner_id = ${partnerId}::uuid and direction = 'payable' and status in ('earned', 'approved', 'paid')
        group by currency order by currency`,
  );
  return result.map((r) => ({
    currency: r.currency,
    earnedMinor: Number(r.earnedMinor),
    approvedMinor: Number(r.approvedMinor),
    paidMinor: Number(r.paidMinor),
  }));
}

export interface HealthHistory {
  latest: { takenOn: string; score: number; breakdown: HealthBreakdown } | null;
  trend: { takenOn: string; score: number }[];
  /** For a partner in its first days: the day its first score is due (no score is shown before). */
  firstScoredOn: string | null;
}

/** The latest breakdown and up to `days` of daily scores for the trend chart. */
export async function getHealthHistory(tx: Tx, partnerId: string, days = 182, now = new Date()): Promise<HealthHistory> {
  const [partner] = await rows<{ joinedAt: Date | string | null }>(tx, sql`select joined_at as "joinedAt" from public.partners where id = ${partnerId}::uuid`);
  const due = firstScoredOn(partner?.joinedAt ? new Date(partner.joinedAt) : null);
  const firstScored = due && due > now.toISOString().slice(0, 10) ? due : null;
  if (firstScored) return { latest: null, trend: [], firstScoredOn: firstScored };
  const trend = await rows<{ takenOn: string; score: number }>(
    tx,
    sql`select taken_on::text as "takenOn", score from public.partner_health_snapshots
        where partner_id = ${partnerId}::uuid and taken_on > (select max(taken_on) from public.partner_health_snapshots where partner_id = ${partnerId}::uuid) - ${days}::int
        order by taken_on`,
  );
  if (trend.length === 0) return { latest: null, trend: [], firstScoredOn: null };
  const last = trend.at(-1)!;
  const [snap] = await rows<{ breakdown: HealthBreakdown }>(
    tx,
    sql`select breakdown from public.partner_health_snapshots where partner_id = ${partnerId}::uuid and taken_on = ${last.takenOn}::date`,
  );
  return {
    latest: snap ? { takenOn: last.takenOn, score: last.score, breakdown: snap.breakdown } : null,
    trend,
    firstScoredOn: null,
  };
}

export async function getPrimaryContactId(tx: Tx, partnerId: string): Promise<string | null> {
  const [row] = await rows<{ id: string | null }>(
    tx,
    sql`select primary_contact_id::text as id from public.partners where id = ${partnerId}::uuid`,
  );
  return row?.id ?? null;
}
