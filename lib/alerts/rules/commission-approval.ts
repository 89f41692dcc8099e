// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import { READY_ON } from "@/lib/payouts/approval-queue";
import type { Thresholds } from "../schemas";
import { type AlertRuleDefinition, type RuleRow } from "../types";
import { money, plural } from "./shared";

interface Row extends RuleRow {
  partner_id: string;
  partner_name: string;
  lines: number;
  oldest: string;
  totals: Record<string, string | number>;
}

/**
 * Earned payable commission lines that have been ready to approve (past the tier's holding period, not
 * rejected; clawbacks follow their original) for more than `waitingDays`. One alert per partner to each
 * finance user (the VPs when there is no finance user), keyed by the partner's oldest waiting line: it
 * alerts again only once that line is dealt with and others still wait.
 */
export const commissionApproval: AlertRuleDefinition<Thresholds["commission_approval"], Row> = {
  key: "commission_approval",
  category: "commissions",
  opportunityScoped: false,
  query: (ctx) => sql`
    with waiting as (
      select l.id, l.partner_id, l.amount_minor, l.currency, ${READY_ON} as ready_on
      from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        left join public.tiers t on t.id = p.tier_id
        left join public.commission_schedules s on s.id = l.schedule_id
      where l.direction = 'payable' and l.status = 'earned' and l.rejected_at is null and l.kind <> 'clawback'
        and ${READY_ON} + ${ctx.thresholds.waitingDays}::int < ${ctx.today}::date
    ), per_currency as (
      select partner_id, currency, sum(amount_minor) as total from waiting group by partner_id, currency
    ), per_partner as (
      select w.partner_id, count(*)::int as lines, min(w.ready_on) as oldest, (array_agg(w.id order by w.ready_on, w.id))[1] as first_line,
        (select jsonb_object_agg(c.currency, c.total::text) from per_currency c where c.partner_id = w.partner_id) as totals
      from waiting w group by w.partner_id
    ), finance as (
      select f.id from public.profiles f where f.role = 'finance' and f.deactivated_at is null
      union all
      select v.id from public.profiles v where v.role = 'vp' and v.deactivated_at is null
        and not exists (select 1 from public.profiles f where f.role = 'finance' and f.deactivated_at is null)
    )
    select f.id as user_id, 'commission_approval:' || pp.partner_id || ':' || pp.first_line as dedupe_key, pp.oldest::timestamptz as since,
      pp.partner_id, p.name as partner_name, pp.lines, pp.oldest::text as oldest, pp.totals
    from per_partner pp join public.partners p on p.id = pp.partner_id cross join finance f`,
  resolves: { reason: "The waiting commission lines were approved or rejected." },
  build: (row, ctx) => {
    const totals = Object.entries(row.totals ?? {})
      .map(([currency, total]) => money(total, currency))
      .join(" + ");
    return {
      ruleKey: "commission_approval",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      priority: ctx.priority,
      category: "commissions",
      title: `${plural(Number(row.lines), "commission line")} for ${row.partner_name} awaiting approval`,
      body: `${totals} earned, ready to approve since ${row.oldest}.`,
      link: `/payouts?tab=queue&partner=${row.partner_id}`,
      recommendedAction: "Approve the lines, or reject them with a reason, so the partner is paid on time.",
      entityType: "commission",
      entityId: row.partner_id,
      since: new Date(`${row.oldest}T00:00:00Z`),
    };
  },
};
