// No "server-only" here: the demo seed (run by tsx, outside Next) scores partners with the same code.
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { NEW_PARTNER_DAYS, type HealthInputs } from "./score";

/** Partners in these statuses have a relationship to score; prospects, applicants and churned ones do not. */
export const SCORED_STATUSES = ["onboarding", "active", "inactive"] as const;

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

interface InputRow {
  id: string;
  lastAt: number | null;
  n90: number;
  openDeals: number;
  openMinor: number;
  recentMinor: number;
  previousMinor: number;
  registrations: number;
  overdue: number;
  escalations: number;
}

/**
 * Every scored partner's health inputs as of `now`, in one query. Amounts are in the workspace
 * currency (deals in other currencies count as deals but add no value until FX conversion lands).
 * `partnerIds` narrows the set (one partner after an interaction is logged).
 */
export async function gatherHealthInputs(
  tx: Tx,
  now: Date,
  partnerIds?: readonly string[],
): Promise<Map<string, HealthInputs>> {
  const [ws] = await rows<{ currency: string; target: number }>(
    tx,
    sql`select currency, quarter_target_minor::float8 as target from public.workspace_settings limit 1`,
  );
  const currency = ws?.currency ?? "USD";
  const reference = Math.round(Number(ws?.target ?? 25_000_000) / 10);
  const today = isoDate(now);
  const only = partnerIds ? sql`and p.id = any(${`{${partnerIds.join(",")}}`}::uuid[])` : sql``;
  const result = await rows<InputRow>(
    tx,
    sql`with scope as (
          select p.id from public.partners p where p.status::text in ('onboarding', 'active', 'inactive') ${only}
            and (p.joined_at is null or p.joined_at <= ${now.toISOString()}::timestamptz - make_interval(days => ${NEW_PARTNER_DAYS}))
        ),
        touch as (
          select i.partner_id, max(i.occurred_at) as last_at,
            count(*) filter (where i.occurred_at > ${now.toISOString()}::timestamptz - interval '90 days')::int as n90
          from public.partner_interactions i join scope on scope.id = i.partner_id
          where i.occurred_at <= ${now.toISOString()}::timestamptz
          group by i.partner_id
        ),
        deal as (
          select scope.id as partner_id, o.id as opp_id, o.value_minor, o.currency, o.actual_close_date, s.is_won, s.is_lost
          from scope join public.opportunities o on o.isv_partner_id = scope.id or o.referring_partner_id = scope.id
          join public.stages s on s.id = o.stage_id
        ),
        money as (
          select partner_id,
            count(*) filter (where not is_won and not is_lost)::int as open_deals,
            coalesce(sum(value_minor) filter (where not is_won and not is_lost and currency = ${currency}), 0)::float8 as open_minor,
            coalesce(sum(value_minor) filter (where is_won and currency = ${currency}
              and actual_close_date > ${today}::date - 90 and actual_close_date <= ${today}::date), 0)::float8 as recent_minor,
            coalesce(sum(value_minor) filter (where is_won and currency = ${currency}
              and actual_close_date > ${today}::date - 180 and actual_close_date <= ${today}::date - 90), 0)::float8 as previous_minor
          from deal group by partner_id
        )
        select scope.id::text as id, (extract(epoch from touch.last_at) * 1000)::float8 as "lastAt", coalesce(touch.n90, 0) as n90,
          coalesce(money.open_deals, 0) as "openDeals", coalesce(money.open_minor, 0) as "openMinor",
          coalesce(money.recent_minor, 0) as "recentMinor", coalesce(money.previous_minor, 0) as "previousMinor",
          (select count(*)::int from public.deal_registrations r where r.partner_id = scope.id and r.status = 'pending') as registrations,
          (select count(*)::int from public.tasks t where t.partner_id = scope.id and t.completed_at is null and t.due_date < ${today}::date) as overdue,
          (select count(*)::int from public.commission_overrides co join public.agreements a on a.id = co.agreement_id
            where a.partner_id = scope.id and co.status = 'pending' and co.needs_approval) as escalations
        from scope left join touch on touch.partner_id = scope.id left join money on money.partner_id = scope.id`,
  );
  return new Map(result.map((r) => [r.id, toInputs(r, now, reference)]));
}

function toInputs(r: InputRow, now: Date, reference: number): HealthInputs {
  const last = r.lastAt == null ? null : new Date(Number(r.lastAt));
  return {
    daysSinceLastInteraction: last
      ? Math.max(0, Math.floor((now.getTime() - last.getTime()) / DAY_MS))
      : null,
    interactions90d: Number(r.n90),
    openDeals: Number(r.openDeals),
    openPipelineMinor: Number(r.openMinor),
    pipelineReferenceMinor: reference,
    revenueRecentMinor: Number(r.recentMinor),
    revenuePreviousMinor: Number(r.previousMinor),
    pendingRegistrations: Number(r.registrations),
    overdueTasks: Number(r.overdue),
    pendingEscalations: Number(r.escalations),
  };
}
