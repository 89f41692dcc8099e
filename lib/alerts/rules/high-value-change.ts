// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Thresholds } from "../schemas";
import { shiftPriority, toDate, type AlertRuleDefinition, type RuleRow } from "../types";
import { ACTIVE_VPS, dealLink, dealName, money, onlyDeals } from "./shared";

interface Row extends RuleRow {
  kind: "move" | "value";
  id: string;
  customer_name: string;
  title: string | null;
  value_minor: string;
  currency: string;
  from_label: string | null;
  to_label: string | null;
  to_lost: boolean;
  to_won: boolean;
  before_minor: string | null;
  after_minor: string | null;
}

/**
 * A change to a high-value deal within the last `withinDays`: a stage move of a deal worth at least the
 * threshold (its creation, a win and a loss included) from the stage history, or a change of value of an
 * open deal that was or became worth at least the threshold, from the audit log. Amounts compare in the
 * deal's own currency. The VPs and the deal's owner hear of it, except whoever made the change; each
 * change (history row or audit row) alerts once. A value set by the stage move itself rides on the move.
 */
export const highValueChange: AlertRuleDefinition<Thresholds["high_value_change"], Row> = {
  key: "high_value_change",
  category: "pipeline",
  opportunityScoped: true,
  query: (ctx) => {
    const now = ctx.now.toISOString();
    const from = sql`${now}::timestamptz - make_interval(days => ${ctx.thresholds.withinDays}::int)`;
    const amount = sql`${ctx.thresholds.amountMinor}::bigint`;
    const recipients = (actor: ReturnType<typeof sql>) =>
      sql`cross join lateral (${ACTIVE_VPS} union select o.owner_id) r(user_id) where r.user_id is distinct from ${actor}`;
    return sql`
      select r.user_id, 'high_value:move:' || h.id as dedupe_key, h.moved_at as since, 'move' as kind, o.id, o.customer_name, o.title,
        o.value_minor::text as value_minor, o.currency, fs.name as from_label, ts.name as to_label, ts.is_lost as to_lost, ts.is_won as to_won,
        null::text as before_minor, null::text as after_minor
      from public.opportunity_stage_history h
        join public.opportunities o on o.id = h.opportunity_id
        join public.stages ts on ts.id = h.to_stage_id
        left join public.stages fs on fs.id = h.from_stage_id
        ${recipients(sql`h.moved_by`)}
        and h.moved_at > ${from} and h.moved_at <= ${now}::timestamptz and o.value_minor >= ${amount} ${onlyDeals(sql`h.opportunity_id`, ctx)}
      union all
      select r.user_id, 'high_value:value:' || a.id as dedupe_key, a.occurred_at as since, 'value' as kind, o.id, o.customer_name, o.title,
        o.value_minor::text, o.currency, null, null, false, false, a.before ->> 'value_minor', a.after ->> 'value_minor'
      from public.audit_log a
        join public.opportunities o on o.id::text = a.entity_id
        join public.stages s on s.id = o.stage_id
        ${recipients(sql`a.actor_id`)}
        and a.entity = 'opportunities' and a.action = 'update' and a.occurred_at > ${from} and a.occurred_at <= ${now}::timestamptz
        and not s.is_won and not s.is_lost
        and (a.before ->> 'value_minor') is distinct from (a.after ->> 'value_minor')
        and greatest((a.before ->> 'value_minor')::bigint, (a.after ->> 'value_minor')::bigint) >= ${amount}
        and not exists (select 1 from public.opportunity_stage_history h where h.opportunity_id = o.id and h.moved_at = a.occurred_at)
        ${ctx.opportunityIds ? sql` and a.entity_id = any(string_to_array(${ctx.opportunityIds.join(",")}, ','))` : sql``}`;
  },
  build: (row, ctx) => {
    const value = money(row.value_minor, row.currency);
    const base = {
      ruleKey: "high_value_change" as const,
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      category: "pipeline" as const,
      link: dealLink(row.id),
      entityType: "opportunity" as const,
      entityId: row.id,
      since: toDate(row.since),
    };
    if (row.kind === "value") {
      const before = money(row.before_minor ?? 0, row.currency);
      const after = money(row.after_minor ?? 0, row.currency);
      const down = Number(row.after_minor) < Number(row.before_minor);
      return {
        ...base,
        priority: down ? shiftPriority(ctx.priority, 1) : ctx.priority,
        title: `${dealName(row)}: value ${down ? "down" : "up"} to ${after}`,
        body: `The deal's value changed from ${before} to ${after}.`,
        recommendedAction: down
          ? "Ask the owner what changed in scope, and update the forecast."
          : "Check the forecast and the resources the bigger deal needs.",
      };
    }
    const title = !row.from_label
      ? `New high-value deal: ${dealName(row)}`
      : row.to_won
        ? `High-value deal won: ${dealName(row)}`
        : row.to_lost
          ? `High-value deal lost: ${dealName(row)}`
          : `${dealName(row)} moved to ${row.to_label}`;
    return {
      ...base,
      priority: row.to_lost ? shiftPriority(ctx.priority, 1) : ctx.priority,
      title,
      body: row.from_label
        ? `${value} deal moved from ${row.from_label} to ${row.to_label}.`
        : `${value} deal created in ${row.to_label}.`,
      recommendedAction: row.to_lost
        ? "Review the loss reason with the owner and decide whether to re-engage."
        : row.to_won
          ? "Congratulate the team and check the commission and onboarding steps."
          : "Review the deal's next steps with its owner.",
    };
  },
};
