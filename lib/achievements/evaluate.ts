import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { monthlyLeaderboard, monthOf } from "./leaderboard";
import { evaluateRules, ruleOf, XP_PER_ACTIVITY, type PartnerFacts } from "./rules";

type Scope = readonly string[] | "all";

const inScope = (column: SQL, scope: Scope) =>
  scope === "all"
    ? sql`true`
    : sql`${column} in (${sql.join(
        scope.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;

const iso = (column: SQL) => sql`to_json(${column}) #>> '{}'`;

async function loadFacts(tx: Tx, scope: Scope): Promise<Omit<PartnerFacts, "topMonths">[]> {
  const found = await rows<{
    id: string;
    joined_at: string | null;
    first_click: string | null;
    first_referral: string | null;
    first_registration: string | null;
    first_won: string | null;
    weeks: string[] | null;
  }>(
    tx,
    sql`select p.id, ${iso(sql`p.joined_at`)} as joined_at,
          (select ${iso(sql`min(c.clicked_at)`)} from public.referral_clicks c where c.partner_id = p.id and not c.is_bot) as first_click,
          (select ${iso(sql`min(r.created_at)`)} from public.referrals r where r.partner_id = p.id) as first_referral,
          (select ${iso(sql`min(d.created_at)`)} from public.deal_registrations d where d.partner_id = p.id) as first_registration,
          (select ${iso(sql`min(o.actual_close_date)`)} from public.opportunities o join public.stages s on s.id = o.stage_id
            where s.is_won and o.referring_partner_id = p.id) as first_won,
          (select json_agg(w order by w) from (
             select distinct (date_trunc('week', t at time zone 'UTC'))::date::text as w from (
               select clicked_at as t from public.referral_clicks where partner_id = p.id and not is_bot
               union all select created_at from public.referrals where partner_id = p.id
               union all select created_at from public.deal_registrations where partner_id = p.id) a) weeks) as weeks
        from public.partners p
        where p.kind in ('program', 'isv_and_program') and ${inScope(sql`p.id`, scope)}`,
  );
  return found.map((r) => ({
    partnerId: r.id,
    joinedAt: r.joined_at,
    firstClickAt: r.first_click,
    firstReferralAt: r.first_referral,
    firstRegistrationAt: r.first_registration,
    firstWonAt: r.first_won,
    activeWeeks: r.weeks ?? [],
  }));
}

/** XP for every activity row; the unique (partner, kind, source) key makes a rerun add nothing. */
async function awardActivityXp(tx: Tx, scope: Scope): Promise<number> {
  const sources: Record<keyof typeof XP_PER_ACTIVITY, SQL> = {
    click: sql`select partner_id, id::text, clicked_at from public.referral_clicks where not is_bot and ${inScope(sql`partner_id`, scope)}`,
    referral: sql`select partner_id, id::text, created_at from public.referrals where ${inScope(sql`partner_id`, scope)}`,
    registration: sql`select partner_id, id::text, created_at from public.deal_registrations where ${inScope(sql`partner_id`, scope)}`,
    registration_approved: sql`select partner_id, id::text, coalesce(reviewed_at, updated_at) from public.deal_registrations
      where status = 'approved' and ${inScope(sql`partner_id`, scope)}`,
    won_deal: sql`select o.referring_partner_id, o.id::text, o.actual_close_date::timestamptz from public.opportunities o
      join public.stages s on s.id = o.stage_id where s.is_won and o.referring_partner_id is not null and ${inScope(sql`o.referring_partner_id`, scope)}`,
  };
  let added = 0;
  for (const [kind, source] of Object.entries(sources) as [keyof typeof XP_PER_ACTIVITY, SQL][]) {
    const inserted = await rows<{ id: number }>(
      tx,
      sql`insert into public.partner_xp_events (partner_id, kind, xp, source_id, occurred_at)
          select s.partner_id, ${kind}, ${XP_PER_ACTIVITY[kind]}, s.source_id, s.at
          from (${source}) as s(partner_id, source_id, at)
          join public.partners p on p.id = s.partner_id and p.kind in ('program', 'isv_and_program')
          on conflict (partner_id, kind, source_id) do nothing returning id`,
    );
    added += inserted.length;
  }
  return added;
}

/**
 * Awards every achievement the partners have earned and the XP of their activity. Idempotent (unique
 * keys); runs in a privileged transaction. `months` is how many past complete months the
 * top-performer rule looks at.
 */
export async function evaluateAchievements(
  tx: Tx,
  scope: Scope,
  now = new Date(),
  months = 1,
): Promise<{ achievements: number; xp: number }> {
  if (scope !== "all" && scope.length === 0) return { achievements: 0, xp: 0 };
  const facts = await loadFacts(tx, scope);
  const leaders = new Map<string, string[]>();
  for (let i = 1; i <= months; i += 1) {
    const month = monthOf(now, -i);
    const top = (await monthlyLeaderboard(tx, month)).rows[0];
    if (top && top.revenueMinor > 0)
      leaders.set(top.partnerId, [...(leaders.get(top.partnerId) ?? []), month]);
  }
  let achievements = 0;
  let xp = await awardActivityXp(tx, scope);
  for (const f of facts) {
    const earned = evaluateRules({ ...f, topMonths: leaders.get(f.partnerId) ?? [] }, now);
    if (earned.length === 0) continue;
    const values = earned.map(
      (e) =>
        sql`(${f.partnerId}::uuid, ${e.key}, ${e.earnedAt}::timestamptz, ${JSON.stringify(e.details)}::jsonb)`,
    );
    const inserted = await rows<{ key: string; earned_at: string }>(
      tx,
      sql`insert into public.partner_achievements (partner_id, key, earned_at, details) values ${sql.join(values, sql`, `)}
          on conflict (partner_id, key) do nothing returning key, ${iso(sql`earned_at`)} as earned_at`,
    );
    achievements += inserted.length;
    for (const a of inserted) {
      const points = ruleOf(a.key)?.xp ?? 0;
      if (points <= 0) continue;
      const added = await rows<{ id: number }>(
        tx,
        sql`insert into public.partner_xp_events (partner_id, kind, xp, source_id, occurred_at)
            values (${f.partnerId}, 'achievement', ${points}, ${a.key}, ${a.earned_at}::timestamptz)
            on conflict (partner_id, kind, source_id) do nothing returning id`,
      );
      xp += added.length;
    }
  }
  return { achievements, xp };
}
