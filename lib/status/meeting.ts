import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { quarterOf } from "@/lib/domain/quarter";
import { listTeamBlockers, type BlockerRow } from "./queries";

export interface AgendaAlert {
  id: string;
  title: string;
  priority: string;
  category: string;
  person: string;
  link: string | null;
  recommendedAction: string | null;
}

export interface StalledDeal {
  id: string;
  customer: string;
  stage: string;
  owner: string;
  valueMinor: number;
  currency: string;
  days: number;
}

export interface GoalGap {
  scope: string;
  targetMinor: number;
  wonMinor: number;
  expectedMinor: number;
  currency: string;
}

export interface Agenda {
  blockers: BlockerRow[];
  alerts: AgendaAlert[];
  stalled: StalledDeal[];
  goals: GoalGap[];
  quarterLabel: string;
  stalledAfterDays: number;
}

/** The weekly meeting's agenda: open blockers (escalated first), urgent alerts, stalled deals, goal gaps. */
export async function getMeetingAgenda(tx: Tx, now: Date): Promise<Agenda> {
  const blockers = (await listTeamBlockers(tx, { resolvedDays: 0 })).filter((b) => !b.resolvedAt);
  const alerts = await rows<AgendaAlert>(
    tx,
    sql`select a.id, a.title, a.priority, a.category, p.display_name as person, a.link, a.recommended_action as "recommendedAction"
        from public.alerts a join public.profiles p on p.id = a.user_id
        where a.status = 'open' and a.priority in ('high', 'critical')
        order by a.priority = 'critical' desc, a.created_at desc limit 25`,
  );
  const [settings] = await rows<{ days: number }>(
    tx,
    sql`select stalled_after_days as days from public.workspace_settings limit 1`,
  );
  const stalledAfterDays = settings?.days ?? 14;
  const stalled = await rows<StalledDeal>(
    tx,
    sql`select o.id, o.customer_name as customer, s.name as stage, p.display_name as owner, o.value_minor::float8 as "valueMinor",
          o.currency, floor(extract(epoch from (${now.toISOString()}::timestamptz - o.stage_entered_at)) / 86400)::int as days
        from public.opportunities o join public.stages s on s.id = o.stage_id join public.profiles p on p.id = o.owner_id
        where not s.is_won and not s.is_lost
          and o.stage_entered_at < ${now.toISOString()}::timestamptz - make_interval(days => ${stalledAfterDays})
        order by o.value_minor desc limit 15`,
  );
  const goals = await goalGaps(tx, now);
  return { blockers, alerts, stalled, goals, quarterLabel: quarterOf(now).label, stalledAfterDays };
}

/** Quarterly goals behind pace: won this quarter against the share of the target the elapsed days call for. */
async function goalGaps(tx: Tx, now: Date): Promise<GoalGap[]> {
  const q = quarterOf(now);
  const start = new Date(`${q.start}T00:00:00Z`).getTime();
  const end = new Date(`${q.end}T00:00:00Z`).getTime();
  const elapsed = Math.min(1, Math.max(0, (now.getTime() - start) / (end - start)));
  const list = await rows<Omit<GoalGap, "expectedMinor">>(
    tx,
    sql`select coalesce(p.display_name, initcap(replace(g.domain::text, '_', ' ')), 'Company') as scope,
          g.target_minor::float8 as "targetMinor", g.currency,
          coalesce((select sum(o.value_minor) from public.opportunities o join public.stages s on s.id = o.stage_id
            where s.is_won and o.currency = g.currency and o.actual_close_date >= ${q.start}::date and o.actual_close_date < ${q.end}::date
              and (g.domain is null or o.domain = g.domain) and (g.owner_id is null or o.owner_id = g.owner_id)), 0)::float8 as "wonMinor"
        from public.quarterly_goals g left join public.profiles p on p.id = g.owner_id
        where g.year = ${q.year} and g.quarter = ${q.quarter}
        order by g.domain is not null, g.owner_id is not null, scope`,
  );
  return list
    .map((g) => ({ ...g, expectedMinor: Math.round(g.targetMinor * elapsed) }))
    .filter((g) => g.wonMinor < g.expectedMinor);
}
