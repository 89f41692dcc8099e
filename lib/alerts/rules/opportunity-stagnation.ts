// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Thresholds } from "../schemas";
import { daysBetween, shiftPriority, toDate, type AlertRuleDefinition, type RuleRow } from "../types";
import { dealLink, dealName, epochKey, money, onlyDeals } from "./shared";

interface Row extends RuleRow {
  id: string;
  customer_name: string;
  title: string | null;
  stage_name: string;
  value_minor: string;
  currency: string;
}

/** An open deal that has sat in its stage for N days or more; its owner hears of it once per stay in a stage. */
export const opportunityStagnation: AlertRuleDefinition<Thresholds["opportunity_stagnation"], Row> = {
  key: "opportunity_stagnation",
  category: "pipeline",
  opportunityScoped: true,
  query: (ctx) => sql`
    select o.owner_id as user_id, 'stagnation:' || o.id || ':' || ${epochKey(sql`o.stage_entered_at`)} as dedupe_key,
      o.stage_entered_at as since, o.id, o.customer_name, o.title, s.name as stage_name, o.value_minor::text as value_minor, o.currency
    from public.opportunities o join public.stages s on s.id = o.stage_id
    where not s.is_won and not s.is_lost
      and o.stage_entered_at <= ${ctx.now.toISOString()}::timestamptz - make_interval(days => ${ctx.thresholds.days}::int)
      ${onlyDeals(sql`o.id`, ctx)}`,
  resolves: { reason: "The deal moved to another stage, closed or changed owner." },
  build: (row, ctx) => {
    const days = daysBetween(toDate(row.since), ctx.now);
    return {
      ruleKey: "opportunity_stagnation",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      // Twice the threshold: the deal is going cold, one step more urgent.
      priority: days >= ctx.thresholds.days * 2 ? shiftPriority(ctx.priority, 1) : ctx.priority,
      category: "pipeline",
      title: `${dealName(row)} has not moved in ${days} days`,
      body: `Still in ${row.stage_name} (${money(row.value_minor, row.currency)}) since ${toDate(row.since).toISOString().slice(0, 10)}.`,
      link: dealLink(row.id),
      recommendedAction: `Book the next step with the customer, or move the deal to the stage it is really in.`,
      entityType: "opportunity",
      entityId: row.id,
      since: toDate(row.since),
    };
  },
};
