// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import { quarterOf } from "@/lib/domain/quarter";
import type { Thresholds } from "../schemas";
import {
  DAY_MS,
  shiftPriority,
  toDate,
  type AlertRuleDefinition,
  type RuleContext,
  type RuleRow,
} from "../types";
import { ACTIVE_VPS, money } from "./shared";

type Condition = "reached" | "milestone" | "behind";

interface Row extends RuleRow {
  id: string;
  condition: Condition;
  owner_name: string | null;
  domain: string | null;
  target_minor: string;
  won_minor: string;
  currency: string;
}

/** Where the current quarter stands at `now`: elapsed share, whether the grace period is over, and its month (1–3). */
export function quarterClock(now: Date, graceDays: number) {
  const q = quarterOf(now);
  const start = Date.parse(`${q.start}T00:00:00Z`);
  const end = Date.parse(`${q.end}T00:00:00Z`);
  const share = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const month = now.getUTCMonth() - (q.quarter - 1) * 3 + 1;
  return { q, share, afterGrace: now.getTime() - start >= graceDays * DAY_MS, month };
}

/**
 * Which condition a goal is in: reached (≥ 100 %), milestone (≥ milestonePercent), or behind pace (won
 * below behindPacePercent of the straight-line pace for the elapsed quarter, after the grace days).
 */
export function goalCondition(
  wonMinor: number,
  targetMinor: number,
  t: Thresholds["goal_milestone"],
  clock: { share: number; afterGrace: boolean },
): Condition | null {
  if (targetMinor <= 0) return null;
  if (wonMinor >= targetMinor) return "reached";
  if (wonMinor * 100 >= targetMinor * t.milestonePercent) return "milestone";
  if (clock.afterGrace && wonMinor * 100 < targetMinor * clock.share * t.behindPacePercent) return "behind";
  return null;
}

/** `goalCondition` in SQL, so conditions already alerted are filtered before they leave the database. */
function conditionSql(ctx: RuleContext<Thresholds["goal_milestone"]>) {
  const clock = quarterClock(ctx.now, ctx.thresholds.graceDays);
  return sql`case when g.won_minor >= g.target_minor then 'reached'
    when g.won_minor * 100 >= g.target_minor * ${ctx.thresholds.milestonePercent}::int then 'milestone'
    when ${clock.afterGrace} and g.won_minor * 100 < g.target_minor * ${clock.share}::float8 * ${ctx.thresholds.behindPacePercent}::int then 'behind' end`;
}

/**
 * This quarter's goals against the deals won so far (in the goal's currency): a person's goal alerts its
 * owner, a domain or company goal the VPs. Reached and the milestone alert once per goal; behind pace at
 * most once a month, and only while still behind.
 */
export const goalMilestone: AlertRuleDefinition<Thresholds["goal_milestone"], Row> = {
  key: "goal_milestone",
  category: "goals",
  opportunityScoped: false,
  query: (ctx) => {
    const clock = quarterClock(ctx.now, ctx.thresholds.graceDays);
    return sql`
      with won as materialized (
        select o.owner_id, o.domain, o.currency, sum(o.value_minor) as total from public.opportunities o join public.stages s on s.id = o.stage_id
        where s.is_won and o.actual_close_date >= ${clock.q.start}::date and o.actual_close_date < ${clock.q.end}::date
          and o.actual_close_date <= ${ctx.today}::date
        group by o.owner_id, o.domain, o.currency
      ), g as (
        select g.id, g.owner_id, g.domain, g.target_minor, g.currency,
          (select coalesce(sum(w.total), 0) from won w where w.currency = g.currency
            and (g.owner_id is null or w.owner_id = g.owner_id) and (g.domain is null or w.domain = g.domain)) as won_minor
        from public.quarterly_goals g
        where g.year = ${clock.q.year} and g.quarter = ${clock.q.quarter} and g.target_minor > 0
      ), c as (select g.*, ${conditionSql(ctx)} as condition from g)
      select r.user_id, 'goal:' || c.id || ':' || c.condition || (case when c.condition = 'behind' then ':m' || ${clock.month}::int else '' end) as dedupe_key,
        ${ctx.now.toISOString()}::timestamptz as since, c.id, c.condition, pr.display_name as owner_name, c.domain::text as domain,
        c.target_minor::text as target_minor, c.won_minor::text as won_minor, c.currency
      from c
        left join public.profiles pr on pr.id = c.owner_id
        cross join lateral (select c.owner_id where c.owner_id is not null union all ${ACTIVE_VPS} and c.owner_id is null) r(user_id)
      where c.condition is not null`;
  },
  resolves: { reason: "The goal is back on pace (or this month's pace check replaced it).", only: sql`a.dedupe_key like '%:behind:%'` },
  build: (row, ctx) => {
    const won = Number(row.won_minor);
    const target = Number(row.target_minor);
    const percent = Math.floor((won * 100) / target);
    // A person's goal only ever alerts its owner.
    const scope = row.owner_name
      ? "Your"
      : row.domain
        ? `The ${row.domain.replace("_", " ")} domain's`
        : "The company's";
    const label = `${scope} ${quarterOf(ctx.now).label} goal`;
    const progress = `${money(won, row.currency)} of ${money(target, row.currency)} (${percent} %)`;
    const text = {
      reached: {
        title: `${label} is reached`,
        action: "Celebrate the win with the team and look at next quarter's pipeline.",
        shift: 0,
      },
      milestone: {
        title: `${label} is at ${percent} %`,
        action: "Keep the late-stage deals moving to close the remaining gap.",
        shift: -1,
      },
      behind: {
        title: `${label} is behind pace`,
        action: "Review the late-stage deals and agree what closes this quarter.",
        shift: 1,
      },
    }[row.condition];
    return {
      ruleKey: "goal_milestone",
      userId: row.user_id,
      dedupeKey: row.dedupe_key,
      priority: shiftPriority(ctx.priority, text.shift),
      category: "goals",
      title: text.title,
      body: `Won so far: ${progress}.`,
      link: "/dashboard",
      recommendedAction: text.action,
      entityType: "goal",
      entityId: row.id,
      since: toDate(row.since),
    };
  },
};
