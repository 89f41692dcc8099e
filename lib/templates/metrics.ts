// Also used by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { quarterOf, type Quarter } from "@/lib/domain/quarter";
import { BAND_LABELS, bandOf, type HealthBand } from "@/lib/health/score";

/** Figures for one partner (deals it brought or built on) or for the whole program; workspace currency only. */
export interface Metrics {
  currency: string;
  quarter: Quarter;
  quarterRevenueMinor: number;
  previousQuarterRevenueMinor: number;
  ytdRevenueMinor: number;
  quarterTargetMinor: number;
  pipelineMinor: number;
  weightedPipelineMinor: number;
  openOpportunities: number;
  dealsWonQuarter: number;
  wonYtd: number;
  lostYtd: number;
  commissionEarnedQuarterMinor: number;
  commissionPaidYtdMinor: number;
  activePartners: number;
  newPartnersQuarter: number;
  registrationsQuarter: number;
  revenueByQuarter: { label: string; revenueMinor: number; deals: number }[];
  pipelineByStage: { stage: string; deals: number; valueMinor: number }[];
  topOpportunities: { customer: string; stage: string; valueMinor: number; closeDate: string | null; owner: string }[];
  partnerRanking: { partner: string; tier: string | null; revenueMinor: number; deals: number; health: number | null }[];
  interactions90d: number;
  daysSinceInteraction: number | null;
  healthBands: { band: string; partners: number }[];
}

const n = (v: unknown) => Number(v ?? 0);

function previousQuarters(now: Date, count: number): Quarter[] {
  const out: Quarter[] = [];
  let q = quarterOf(now);
  for (let i = 0; i < count; i += 1) {
    out.unshift(q);
    q = quarterOf(new Date(Date.parse(`${q.start}T00:00:00Z`) - 86_400_000));
  }
  return out;
}

async function dealFigures(tx: Tx, scope: SQL, currency: string, quarters: Quarter[], yearStart: string) {
  const q = quarters.at(-1)!;
  const buckets = quarters.map(
    (x, i) => sql`sum(o.value_minor) filter (where s.is_won and o.actual_close_date >= ${x.start}::date and o.actual_close_date < ${x.end}::date) as ${sql.raw(`r${i}`)},
      count(*) filter (where s.is_won and o.actual_close_date >= ${x.start}::date and o.actual_close_date < ${x.end}::date) as ${sql.raw(`c${i}`)}`,
  );
  const [row] = await rows<Record<string, unknown>>(
    tx,
    sql`select ${sql.join(buckets, sql`, `)},
          sum(o.value_minor) filter (where s.is_won and o.actual_close_date >= ${yearStart}::date) as ytd,
          count(*) filter (where s.is_won and o.actual_close_date >= ${yearStart}::date) as won_ytd,
          count(*) filter (where s.is_lost and coalesce(o.actual_close_date, o.updated_at::date) >= ${yearStart}::date) as lost_ytd,
          sum(o.value_minor) filter (where not s.is_won and not s.is_lost) as pipeline,
          sum(o.value_minor * coalesce(o.probability, s.probability) / 100.0) filter (where not s.is_won and not s.is_lost) as weighted,
          count(*) filter (where not s.is_won and not s.is_lost) as open
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where o.currency = ${currency} and ${scope}`,
  );
  const r = row ?? {};
  return {
    revenueByQuarter: quarters.map((x, i) => ({ label: x.label, revenueMinor: n(r[`r${i}`]), deals: n(r[`c${i}`]) })),
    quarterRevenueMinor: n(r[`r${quarters.length - 1}`]),
    previousQuarterRevenueMinor: n(r[`r${quarters.length - 2}`]),
    dealsWonQuarter: n(r[`c${quarters.length - 1}`]),
    ytdRevenueMinor: n(r.ytd),
    wonYtd: n(r.won_ytd),
    lostYtd: n(r.lost_ytd),
    pipelineMinor: n(r.pipeline),
    weightedPipelineMinor: Math.round(n(r.weighted)),
    openOpportunities: n(r.open),
    quarter: q,
  };
}

async function pipelineLists(tx: Tx, scope: SQL, currency: string) {
  const byStage = await rows<{ stage: string; deals: number; value: string }>(
    tx,
    sql`select s.name as stage, count(o.id)::int as deals, coalesce(sum(o.value_minor), 0) as value
        from public.stages s left join public.opportunities o on o.stage_id = s.id and o.currency = ${currency} and ${scope}
        where not s.is_won and not s.is_lost group by s.name, s.position order by s.position`,
  );
  const top = await rows<{ customer: string; stage: string; value: string; close: string | null; owner: string }>(
    tx,
    sql`select o.customer_name as customer, s.name as stage, o.value_minor as value, o.expected_close_date::text as close,
          coalesce(p.display_name, '') as owner
        from public.opportunities o join public.stages s on s.id = o.stage_id left join public.profiles p on p.id = o.owner_id
        where not s.is_won and not s.is_lost and o.currency = ${currency} and ${scope}
        order by o.value_minor desc, o.customer_name limit 5`,
  );
  return {
    pipelineByStage: byStage.map((s) => ({ stage: s.stage, deals: n(s.deals), valueMinor: n(s.value) })),
    topOpportunities: top.map((t) => ({ customer: t.customer, stage: t.stage, valueMinor: n(t.value), closeDate: t.close, owner: t.owner })),
  };
}

async function commissionFigures(tx: Tx, partnerId: string | null, q: Quarter, yearStart: string) {
  const scope = partnerId ? sql`l.partner_id = ${partnerId}` : sql`true`;
  const [row] = await rows<{ earned: string | null; paid: string | null }>(
    tx,
    sql`select sum(l.amount_minor) filter (where l.status in ('earned', 'approved', 'paid') and l.due_date >= ${q.start}::date and l.due_date < ${q.end}::date) as earned,
          sum(l.amount_minor) filter (where l.status = 'paid' and l.due_date >= ${yearStart}::date) as paid
        from public.commission_lines l where l.direction = 'payable' and ${scope}`,
  );
  return { commissionEarnedQuarterMinor: n(row?.earned), commissionPaidYtdMinor: n(row?.paid) };
}

async function partnerFigures(tx: Tx, partnerId: string | null, currency: string, q: Quarter) {
  const [counts] = await rows<Record<string, unknown>>(
    tx,
    sql`select (select count(*) from public.partners where status = 'active') as active,
          (select count(*) from public.partners where joined_at >= ${q.start}::date and joined_at < ${q.end}::date) as joined,
          (select count(*) from public.deal_registrations r where r.created_at >= ${q.start}::date and r.created_at < ${q.end}::date
             and (${partnerId}::uuid is null or r.partner_id = ${partnerId}::uuid)) as registrations,
          (select count(*) from public.partner_interactions i where i.occurred_at > now() - interval '90 days'
             and (${partnerId}::uuid is null or i.partner_id = ${partnerId}::uuid)) as interactions,
          (select extract(day from now() - max(i.occurred_at))::int from public.partner_interactions i
             where ${partnerId}::uuid is not null and i.partner_id = ${partnerId}::uuid) as since`,
  );
  const ranking = await rows<{ partner: string; tier: string | null; revenue: string; deals: number; health: number | null }>(
    tx,
    sql`select p.name as partner, t.name as tier, coalesce(sum(o.value_minor), 0) as revenue, count(o.id)::int as deals, p.health_score as health
        from public.partners p left join public.tiers t on t.id = p.tier_id
        left join public.opportunities o on (o.isv_partner_id = p.id or o.referring_partner_id = p.id) and o.currency = ${currency}
          and o.actual_close_date >= ${q.start}::date and o.actual_close_date < ${q.end}::date
          and o.stage_id in (select id from public.stages where is_won)
        where p.status = 'active' group by p.id, p.name, t.name order by revenue desc, p.name limit 10`,
  );
  const scores = await rows<{ score: number | null; partners: number }>(
    tx,
    sql`select health_score as score, count(*)::int as partners from public.partners where status = 'active' group by 1`,
  );
  return {
    activePartners: n(counts?.active),
    newPartnersQuarter: n(counts?.joined),
    registrationsQuarter: n(counts?.registrations),
    interactions90d: n(counts?.interactions),
    daysSinceInteraction: counts?.since == null ? null : n(counts.since),
    partnerRanking: ranking.map((r) => ({ partner: r.partner, tier: r.tier, revenueMinor: n(r.revenue), deals: n(r.deals), health: r.health })),
    healthBands: healthBands(scores),
  };
}

/**
 * A partner has no quarterly target of its own: its benchmark is the trailing revenue that qualifies for
 * the next tier (or holds the top tier).
 */
async function partnerTargetMinor(tx: Tx, partnerId: string): Promise<number> {
  const [row] = await rows<{ target: string | null }>(
    tx,
    sql`select coalesce(
          (select min(t2.min_trailing_revenue_minor) from public.tiers t2 where t2.rank > t.rank),
          t.min_trailing_revenue_minor) as target
        from public.partners p join public.tiers t on t.id = p.tier_id where p.id = ${partnerId}`,
  );
  return n(row?.target);
}

const BAND_RANGES: Record<HealthBand, string> = { excellent: "80–100", healthy: "60–79", needs_attention: "40–59", at_risk: "0–39" };

/** Active partners per health band (the health score's own bands), best first, then those not scored. */
function healthBands(scores: { score: number | null; partners: number }[]): { band: string; partners: number }[] {
  const counts = new Map<string, number>();
  for (const band of Object.keys(BAND_RANGES) as HealthBand[]) counts.set(`${BAND_LABELS[band]} (${BAND_RANGES[band]})`, 0);
  let unscored = 0;
  for (const s of scores) {
    if (s.score == null) unscored += n(s.partners);
    else {
      const key = `${BAND_LABELS[bandOf(s.score)]} (${BAND_RANGES[bandOf(s.score)]})`;
      counts.set(key, counts.get(key)! + n(s.partners));
    }
  }
  const out = [...counts].filter(([, partners]) => partners > 0).map(([band, partners]) => ({ band, partners }));
  return unscored ? [...out, { band: "Not scored", partners: unscored }] : out;
}

/** Reads under the caller's session, so the figures are what that person may see. */
export async function getMetrics(tx: Tx, options: { partnerId: string | null; now: Date }): Promise<Metrics> {
  const [settings] = await rows<{ currency: string; target: string }>(
    tx,
    sql`select currency, quarter_target_minor as target from public.workspace_settings limit 1`,
  );
  const currency = settings?.currency ?? "USD";
  const quarters = previousQuarters(options.now, 4);
  const yearStart = `${options.now.getUTCFullYear()}-01-01`;
  const scope = options.partnerId
    ? sql`(o.isv_partner_id = ${options.partnerId} or o.referring_partner_id = ${options.partnerId})`
    : sql`true`;
  const deals = await dealFigures(tx, scope, currency, quarters, yearStart);
  return {
    currency,
    quarterTargetMinor: options.partnerId ? await partnerTargetMinor(tx, options.partnerId) : n(settings?.target),
    ...deals,
    ...(await pipelineLists(tx, scope, currency)),
    ...(await commissionFigures(tx, options.partnerId, deals.quarter, yearStart)),
    ...(await partnerFigures(tx, options.partnerId, currency, deals.quarter)),
  };
}
