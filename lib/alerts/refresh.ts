import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { loadRuleSettings, ruleContext } from "./engine";
import { ALERT_RULES } from "./rule-list";
import { uuidArray } from "./rules/shared";
import type { AlertRuleKey, RuleRow } from "./types";

export interface RefreshScope {
  /** Only these rules (default: every enabled rule whose conditions can clear). */
  rules?: readonly AlertRuleKey[];
  /** Only alerts about these records (deals, tasks, partners…), after they changed. */
  entityIds?: readonly string[];
  /** Only this person's alerts (when they look at them). */
  userId?: string;
}

export type RefreshReport = { resolved: number; updated: number; reopened: number };

/** Alerts still waiting for someone: the ones a cleared condition resolves. */
const ACTIVE = sql`a.status in ('open', 'snoozed', 'acknowledged')`;

function scopeSql(key: AlertRuleKey, scope: RefreshScope): SQL {
  const parts: SQL[] = [sql`a.rule_key = ${key}`];
  if (scope.userId) parts.push(sql`a.user_id = ${scope.userId}`);
  if (scope.entityIds) parts.push(sql`a.entity_id = any(${uuidArray(scope.entityIds)})`);
  const only = ALERT_RULES[key].resolves?.only;
  if (only) parts.push(only);
  return sql.join(parts, sql` and `);
}

interface Current {
  id: string;
  status: string;
  title: string;
  body: string;
  priority: string;
  recommended_action: string;
}

/**
 * Re-evaluates the alerts in scope against live data: an alert whose condition no longer holds is
 * resolved (kept, with when and why), a resolved one whose condition holds again reopens, and the text
 * of the others is rewritten with today's figures (days stalled, goal progress). Caller holds a system
 * transaction; repeating it changes nothing.
 */
export async function refreshAlerts(tx: Tx, now: Date, scope: RefreshScope = {}): Promise<RefreshReport> {
  const report: RefreshReport = { resolved: 0, updated: 0, reopened: 0 };
  if (scope.entityIds && scope.entityIds.length === 0) return report;
  const settings = (await loadRuleSettings(tx)).filter(
    (s) => s.enabled && ALERT_RULES[s.key]?.resolves && (!scope.rules || scope.rules.includes(s.key)),
  );
  for (const setting of settings) {
    const rule = ALERT_RULES[setting.key];
    const where = scopeSql(setting.key, scope);
    const [any] = await rows<{ one: number }>(
      tx,
      sql`select 1 as one from public.alerts a where ${where} and (${ACTIVE} or a.status = 'resolved') limit 1`,
    );
    if (!any) continue;
    const ids = scope.entityIds && rule.opportunityScoped ? scope.entityIds : undefined;
    const ctx = ruleContext(setting, now, ids);
    if (!ctx) continue;
    const holding = await rows<RuleRow & { alert_id: string; alert_status: string }>(
      tx,
      sql`select q.*, a.id as alert_id, a.status as alert_status
          from (${rule.query(ctx)}) q join public.alerts a on a.user_id = q.user_id and a.dedupe_key = q.dedupe_key
          where ${where} and (${ACTIVE} or a.status = 'resolved')`,
    );
    const current: Current[] = holding.map((row) => {
      const c = rule.build(row, ctx);
      return {
        id: row.alert_id,
        status: row.alert_status,
        title: c.title.slice(0, 300),
        body: c.body.slice(0, 2000),
        priority: c.priority,
        recommended_action: c.recommendedAction.slice(0, 500),
      };
    });
    const changed = await rows<{ id: string }>(
      tx,
      sql`update public.alerts a set title = j.title, body = j.body, priority = j.priority, recommended_action = j.recommended_action,
            status = case when a.status = 'resolved' then 'open' else a.status end,
            resolved_at = case when a.status = 'resolved' then null else a.resolved_at end,
            resolution = case when a.status = 'resolved' then null else a.resolution end
          from jsonb_to_recordset(${JSON.stringify(current)}::jsonb) as j(id uuid, title text, body text, priority text, recommended_action text)
          where a.id = j.id and (a.status = 'resolved' or a.title is distinct from j.title or a.body is distinct from j.body
            or a.priority is distinct from j.priority or a.recommended_action is distinct from j.recommended_action)
          returning a.id`,
    );
    report.updated += changed.length;
    const resolved = await rows<{ id: string }>(
      tx,
      sql`update public.alerts a set status = 'resolved', resolved_at = ${now.toISOString()}::timestamptz,
            resolution = ${rule.resolves!.reason}, snoozed_until = null
          where ${where} and ${ACTIVE} and not (a.id = any(${uuidArray(current.map((c) => c.id))}))
          returning a.id`,
    );
    report.resolved += resolved.length;
    report.reopened += current.filter((c) => c.status === "resolved").length;
  }
  return report;
}
