// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Thresholds } from "../schemas";
import {
  daysBetween,
  shiftPriority,
  toDate,
  type AlertPriority,
  type AlertRuleDefinition,
  type RuleRow,
} from "../types";
import { ACTIVE_VPS, epochKey } from "./shared";

type PartnerPriority = "high" | "medium" | "low";

interface Row extends RuleRow {
  id: string;
  name: string;
  partner_priority: PartnerPriority;
  contacted: boolean;
}

/**
 * How often a partner needs contact. High: ISV partners (the vendors whose products we sell) and partners
 * on the two highest tiers. Medium: partners on the other tiers and partners still onboarding. Low: the
 * other active partners (no tier yet). Prospects, applicants and inactive or churned partners are not
 * maintained relationships and never alert.
 */
export const PARTNER_PRIORITY_SQL = sql`case
    when p.kind <> 'program' or tr.top_two then 'high'
    when p.tier_id is not null or p.status = 'onboarding' then 'medium'
    else 'low' end`;

const PRIORITY_SHIFT: Record<PartnerPriority, number> = { high: 1, medium: 0, low: -1 };

/**
 * No interaction logged with a partner for the days its priority allows (measured from the latest
 * interaction, or from when the partner joined). The partner's owner hears of it, or the VPs when it
 * has no active owner; the condition is keyed by the latest interaction, so a new contact starts over.
 */
export const relationshipMaintenance: AlertRuleDefinition<Thresholds["relationship_maintenance"], Row> = {
  key: "relationship_maintenance",
  category: "relationship",
  opportunityScoped: false,
  query: (ctx) => {
    const now = sql`${ctx.now.toISOString()}::timestamptz`;
    const d = ctx.thresholds.daysByPriority;
    return sql`
      with tiers_ranked as (select id, dense_rank() over (order by rank desc) <= 2 as top_two from public.tiers),
      partners_due as (
        select p.id, p.name, p.owner_id, ${PARTNER_PRIORITY_SQL} as partner_priority, last.occurred_at as last_contact,
          coalesce(last.occurred_at, p.joined_at, p.created_at) as since
        from public.partners p
          left join tiers_ranked tr on tr.id = p.tier_id
          left join lateral (select i.occurred_at from public.partner_interactions i
            where i.partner_id = p.id and i.occurred_at <= ${now} order by i.occurred_at desc limit 1) last on true
        where p.status in ('active', 'onboarding')
      )
      select r.user_id, 'relationship:' || pd.id || ':' || coalesce(${epochKey(sql`pd.last_contact`)}, 'never') as dedupe_key,
        pd.since, pd.id, pd.name, pd.partner_priority, pd.last_contact is not null as contacted
      from partners_due pd
        left join public.profiles owner on owner.id = pd.owner_id and owner.deactivated_at is null and owner.role <> 'partner'
        cross join lateral (select owner.id where owner.id is not null union all ${ACTIVE_VPS} and owner.id is null) r(user_id)
      where pd.since <= ${now} - make_interval(days => (case pd.partner_priority when 'high' then ${d.high}::int
        when 'medium' then ${d.medium}::int else ${d.low}::int end))`;
  },
  resolves: { reason: "An interaction with the partner was logged, or the partner no longer needs one." },
  build: (row, ctx) => {
    const days = daysBetween(toDate(row.since), ctx.now);
    const priority: AlertPriority = shiftPriority(ctx.priority, PRIORITY_SHIFT[row.partner_priority]);
    return {
      ruleKey: "relationship_maintenance",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      priority,
      category: "relationship",
      title: row.contacted
        ? `No contact with ${row.name} in ${days} days`
        : `${row.name} has not been contacted yet`,
      body: row.contacted
        ? `The last interaction with this ${row.partner_priority}-priority partner was ${days} days ago (the limit is ${ctx.thresholds.daysByPriority[row.partner_priority]}).`
        : `No interaction has been logged with this ${row.partner_priority}-priority partner in the ${days} days since it joined.`,
      link: `/partners/${row.id}`,
      recommendedAction: "Schedule a call or check-in, then log it on the partner's page.",
      entityType: "partner",
      entityId: row.id,
      since: toDate(row.since),
    };
  },
};
