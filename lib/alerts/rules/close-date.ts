// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Thresholds } from "../schemas";
import { DAY_MS, shiftPriority, type AlertRuleDefinition, type RuleRow } from "../types";
import { dealLink, dealName, money, onlyDeals, plural } from "./shared";

interface Row extends RuleRow {
  id: string;
  customer_name: string;
  title: string | null;
  stage_name: string;
  value_minor: string;
  currency: string;
  close_date: string;
  passed: boolean;
}

/**
 * An open deal whose expected close date is within N days, or has passed. "Approaching" and "passed"
 * are two conditions (each alerts once); a new close date starts over.
 */
export const closeDate: AlertRuleDefinition<Thresholds["close_date"], Row> = {
  key: "close_date",
  category: "pipeline",
  opportunityScoped: true,
  query: (ctx) => sql`
    select o.owner_id as user_id,
      'close_date:' || o.id || ':' || o.expected_close_date::text || ':' || (case when o.expected_close_date < ${ctx.today}::date then 'passed' else 'soon' end) as dedupe_key,
      o.expected_close_date::timestamptz as since, o.id, o.customer_name, o.title, s.name as stage_name,
      o.value_minor::text as value_minor, o.currency, o.expected_close_date::text as close_date,
      o.expected_close_date < ${ctx.today}::date as passed
    from public.opportunities o join public.stages s on s.id = o.stage_id
    where not s.is_won and not s.is_lost and o.expected_close_date is not null
      and o.expected_close_date <= ${ctx.today}::date + ${ctx.thresholds.daysBefore}::int
      ${onlyDeals(sql`o.id`, ctx)}`,
  resolves: { reason: "The deal closed, or its expected close date changed or passed." },
  build: (row, ctx) => {
    const days = Math.round(
      (Date.parse(`${row.close_date}T00:00:00Z`) - Date.parse(`${ctx.today}T00:00:00Z`)) / DAY_MS,
    );
    const when = row.passed
      ? `passed ${plural(-days, "day")} ago`
      : days === 0
        ? "is today"
        : `is in ${plural(days, "day")}`;
    return {
      ruleKey: "close_date",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      priority: row.passed ? shiftPriority(ctx.priority, 1) : ctx.priority,
      category: "pipeline",
      title: row.passed ? `${dealName(row)}: close date passed` : `${dealName(row)} is due to close soon`,
      body: `The expected close date (${row.close_date}) ${when}; the deal is still in ${row.stage_name} at ${money(row.value_minor, row.currency)}.`,
      link: dealLink(row.id),
      recommendedAction: row.passed
        ? "Confirm the decision with the customer, then close the deal or set a realistic close date."
        : "Check what the customer still needs to sign, and line up the paperwork now.",
      entityType: "opportunity",
      entityId: row.id,
      since: new Date(`${row.close_date}T00:00:00Z`),
    };
  },
};
