// Also run by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { ALERT_RULES } from "./rule-list";
import { THRESHOLD_SCHEMAS } from "./schemas";
import {
  ALERT_RULE_KEYS,
  DAY_MS,
  priorityRank,
  type AlertCandidate,
  type AlertPriority,
  type AlertRuleKey,
  type RuleContext,
  type RuleRow,
} from "./types";

const DEFAULT_MAX_PER_DAY = 20;

export interface EvaluateOptions {
  /** Evaluate only the deal rules, for these deals (after they changed). */
  opportunityIds?: readonly string[];
  /** Evaluate only these rules. */
  rules?: readonly AlertRuleKey[];
}

export type RuleReport = {
  candidates: number;
  created: number;
  ms: number;
};

export type EvaluationReport = {
  created: number;
  /** New conditions not alerted yet because of a person's daily cap: they come on a later day. */
  deferred: number;
  woken: number;
  rules: Partial<Record<AlertRuleKey, RuleReport>>;
};

export interface RuleSetting {
  key: AlertRuleKey;
  enabled: boolean;
  priority: AlertPriority;
  thresholds: unknown;
}

export async function loadRuleSettings(tx: Tx): Promise<RuleSetting[]> {
  return rows<RuleSetting>(tx, sql`select key, enabled, priority, thresholds from public.alert_rules`);
}

/** A rule's context at `now`, its thresholds read through the rule's schema; null (logged) when they are invalid. */
export function ruleContext(
  setting: RuleSetting,
  now: Date,
  opportunityIds?: readonly string[],
): RuleContext<never> | null {
  const parsed = THRESHOLD_SCHEMAS[setting.key].safeParse(setting.thresholds);
  if (!parsed.success) {
    console.error(`[alerts] rule ${setting.key} has invalid thresholds; skipped`, parsed.error.issues);
    return null;
  }
  return {
    now,
    today: now.toISOString().slice(0, 10),
    thresholds: parsed.data as never,
    priority: setting.priority,
    opportunityIds,
  };
}

interface Found {
  candidates: AlertCandidate[];
  /** How many more alerts each person may get today. */
  left: Map<string, number>;
  /** Every new condition per person, including those the daily cap keeps in the database. */
  totals: Map<string, number>;
}

/**
 * Runs a rule's query, keeping only conditions not yet alerted to that person (any status: a dismissed or
 * acknowledged alert is never re-created), for active staff who have not muted the rule; no more rows per
 * person leave the database than that person may still receive today (UTC day of `now`), but at least
 * one, which carries the count of what waits.
 */
async function findCandidates(
  tx: Tx,
  setting: RuleSetting,
  now: Date,
  opportunityIds: readonly string[] | undefined,
): Promise<Found> {
  const rule = ALERT_RULES[setting.key];
  const found: Found = { candidates: [], left: new Map(), totals: new Map() };
  const ctx = ruleContext(setting, now, opportunityIds);
  if (!ctx) return found;
  const dayStart = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS).toISOString();
  const rowsFound = await rows<RuleRow & { left: number; total: number }>(
    tx,
    sql`with quota as materialized (
          select p.id as user_id, coalesce(ap.muted_rules, '{}') as muted,
            greatest(0, coalesce(ap.max_per_day, ${DEFAULT_MAX_PER_DAY}) - (select count(*) from public.alerts a
              where a.user_id = p.id and a.created_at >= ${dayStart}::timestamptz and a.created_at < ${dayStart}::timestamptz + interval '1 day'))::int as left
          from public.profiles p left join public.alert_preferences ap on ap.user_id = p.id
          where p.deactivated_at is null and p.role <> 'partner'
        )
        select * from (
          select q.*, qu.left, row_number() over (partition by q.user_id order by q.since, q.dedupe_key) as rn,
            (count(*) over (partition by q.user_id))::int as total
          from (${rule.query(ctx)}) q join quota qu on qu.user_id = q.user_id
          where not (${setting.key} = any(qu.muted))
            and not exists (select 1 from public.alerts a where a.user_id = q.user_id and a.dedupe_key = q.dedupe_key)
        ) x where x.rn <= greatest(x.left, 1)`,
  );
  for (const row of rowsFound) {
    found.candidates.push(rule.build(row, ctx));
    found.left.set(row.user_id, Number(row.left));
    found.totals.set(row.user_id, Number(row.total));
  }
  return found;
}

/** Most urgent first, then the oldest condition: what a person sees when the cap cuts the list short. */
export function pickWithinCap(
  candidates: AlertCandidate[],
  remaining: ReadonlyMap<string, number>,
): AlertCandidate[] {
  const byUser = new Map<string, AlertCandidate[]>();
  for (const c of candidates) byUser.set(c.userId, [...(byUser.get(c.userId) ?? []), c]);
  const chosen: AlertCandidate[] = [];
  for (const [userId, list] of byUser) {
    const unique = [...new Map(list.map((c) => [c.dedupeKey, c])).values()];
    unique.sort(
      (a, b) => priorityRank(b.priority) - priorityRank(a.priority) || a.since.getTime() - b.since.getTime(),
    );
    const cap = remaining.get(userId) ?? 0;
    chosen.push(...unique.slice(0, cap));
  }
  return chosen;
}

async function insertAlerts(tx: Tx, chosen: AlertCandidate[], now: Date): Promise<AlertCandidate[]> {
  if (chosen.length === 0) return [];
  const payload = JSON.stringify(
    chosen.map((c) => ({
      rule_key: c.ruleKey,
      user_id: c.userId,
      dedupe_key: c.dedupeKey,
      priority: c.priority,
      category: c.category,
      title: c.title.slice(0, 300),
      body: c.body.slice(0, 2000),
      link: c.link,
      recommended_action: c.recommendedAction.slice(0, 500),
      entity_type: c.entityType,
      entity_id: c.entityId,
    })),
  );
  const inserted = await rows<{ user_id: string; dedupe_key: string }>(
    tx,
    sql`insert into public.alerts (rule_key, user_id, dedupe_key, priority, category, title, body, link, recommended_action, entity_type, entity_id, created_at, updated_at)
        select j.rule_key, j.user_id, j.dedupe_key, j.priority, j.category, j.title, j.body, j.link, j.recommended_action, j.entity_type, j.entity_id,
          ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        from jsonb_to_recordset(${payload}::jsonb) as j(rule_key text, user_id uuid, dedupe_key text, priority text, category text, title text,
          body text, link text, recommended_action text, entity_type text, entity_id uuid)
        on conflict (user_id, dedupe_key) do nothing
        returning user_id::text as user_id, dedupe_key`,
  );
  const keys = new Set(inserted.map((r) => `${r.user_id}|${r.dedupe_key}`));
  return chosen.filter((c) => keys.has(`${c.userId}|${c.dedupeKey}`));
}

/** Snoozes that have run out come back as open alerts (and the change reaches open alert lists live). */
async function wakeSnoozed(tx: Tx, now: Date): Promise<number> {
  const woken = await rows<{ id: string }>(
    tx,
    sql`update public.alerts set status = 'open', snoozed_until = null
        where status = 'snoozed' and snoozed_until <= ${now.toISOString()}::timestamptz returning id`,
  );
  return woken.length;
}

/**
 * Evaluates the enabled rules at `now` and stores new alerts (caller holds a system transaction). Each
 * person gets each condition once; at most their max_per_day new alerts a day, most urgent first, the rest
 * on a later day; muted rules are skipped. With `opportunityIds`, only the deal rules run, for those deals.
 */
export async function evaluateAlerts(
  tx: Tx,
  now: Date,
  options: EvaluateOptions = {},
): Promise<EvaluationReport> {
  const scoped = options.opportunityIds;
  if (scoped && scoped.length === 0) return { created: 0, deferred: 0, woken: 0, rules: {} };
  const settings = (await loadRuleSettings(tx)).filter(
    (s) =>
      s.enabled &&
      (ALERT_RULE_KEYS as readonly string[]).includes(s.key) &&
      (!options.rules || options.rules.includes(s.key)) &&
      (!scoped || ALERT_RULES[s.key].opportunityScoped),
  );
  const report: EvaluationReport = {
    created: 0,
    deferred: 0,
    woken: scoped ? 0 : await wakeSnoozed(tx, now),
    rules: {},
  };
  const candidates: AlertCandidate[] = [];
  const left = new Map<string, number>();
  let total = 0;
  for (const setting of settings) {
    const started = performance.now();
    const found = await findCandidates(tx, setting, now, scoped);
    candidates.push(...found.candidates);
    for (const [userId, n] of found.left) left.set(userId, n);
    for (const n of found.totals.values()) total += n;
    report.rules[setting.key] = {
      candidates: [...found.totals.values()].reduce((a, b) => a + b, 0),
      created: 0,
      ms: performance.now() - started,
    };
  }
  const created = await insertAlerts(tx, pickWithinCap(candidates, left), now);
  for (const c of created) report.rules[c.ruleKey]!.created += 1;
  report.created = created.length;
  report.deferred = total - created.length;
  return report;
}
