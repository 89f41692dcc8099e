import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { THRESHOLD_SCHEMAS, type Thresholds } from "./schemas";
import {
  ALERT_RULE_KEYS,
  type AlertCategory,
  type AlertPriority,
  type AlertRuleKey,
  type AlertStatus,
} from "./types";

export const ALERT_TABS = ["open", "snoozed", "resolved", "history"] as const;
export type AlertTab = (typeof ALERT_TABS)[number];

export interface AlertFilters {
  tab: AlertTab;
  priority?: AlertPriority | null;
  category?: AlertCategory | null;
  /** The VP can look at everyone's alerts; everyone else (and the VP by default) sees their own. */
  everyone?: boolean;
}

export interface AlertRow {
  id: string;
  ruleKey: AlertRuleKey;
  userId: string;
  recipientName: string;
  priority: AlertPriority;
  category: AlertCategory;
  title: string;
  body: string | null;
  link: string | null;
  recommendedAction: string | null;
  status: AlertStatus;
  snoozedUntil: string | null;
  createdAt: string;
  handledAt: string | null;
  /** Why a resolved alert's condition cleared. */
  resolution: string | null;
}

/** Which rows a tab shows at `now`: a snooze that has run out counts as open again even before the job wakes it. */
function tabCondition(tab: AlertTab, now: string): SQL {
  if (tab === "open")
    return sql`(a.status = 'open' or (a.status = 'snoozed' and a.snoozed_until <= ${now}::timestamptz))`;
  if (tab === "snoozed") return sql`(a.status = 'snoozed' and a.snoozed_until > ${now}::timestamptz)`;
  if (tab === "resolved") return sql`a.status = 'resolved'`;
  // History: everything dealt with, by a person or because its condition cleared.
  return sql`a.status in ('acknowledged', 'dismissed', 'resolved')`;
}

const PRIORITY_ORDER = sql`case a.priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end`;

/** One tab of alerts (RLS decides whose rows are readable), newest first within priority; at most 300. */
export async function listAlerts(
  tx: Tx,
  userId: string,
  filters: AlertFilters,
  now: Date,
): Promise<AlertRow[]> {
  const where: SQL[] = [tabCondition(filters.tab, now.toISOString())];
  if (!filters.everyone) where.push(sql`a.user_id = ${userId}`);
  if (filters.priority) where.push(sql`a.priority = ${filters.priority}`);
  if (filters.category) where.push(sql`a.category = ${filters.category}`);
  const order =
    filters.tab === "history" || filters.tab === "resolved"
      ? sql`coalesce(a.resolved_at, a.acknowledged_at, a.dismissed_at, a.updated_at) desc`
      : sql`${PRIORITY_ORDER}, a.created_at desc`;
  return rows<AlertRow>(
    tx,
    sql`select a.id, a.rule_key as "ruleKey", a.user_id as "userId", coalesce(p.display_name, 'Someone') as "recipientName", a.priority, a.category,
          a.title, a.body, a.link, a.recommended_action as "recommendedAction", a.status, a.snoozed_until::text as "snoozedUntil",
          a.created_at::text as "createdAt", coalesce(a.resolved_at, a.acknowledged_at, a.dismissed_at)::text as "handledAt", a.resolution
        from public.alerts a left join public.profiles p on p.id = a.user_id
        where ${sql.join(where, sql` and `)}
        order by ${order}, a.id
        limit 300`,
  );
}

/** Counts per tab for the tab labels. */
export async function countAlertsByTab(
  tx: Tx,
  userId: string,
  everyone: boolean,
  now: Date,
): Promise<Record<AlertTab, number>> {
  const iso = now.toISOString();
  const [row] = await rows<Record<AlertTab, number>>(
    tx,
    sql`select count(*) filter (where ${tabCondition("open", iso)})::int as open,
          count(*) filter (where ${tabCondition("snoozed", iso)})::int as snoozed,
          count(*) filter (where ${tabCondition("resolved", iso)})::int as resolved,
          count(*) filter (where ${tabCondition("history", iso)})::int as history
        from public.alerts a where ${everyone ? sql`true` : sql`a.user_id = ${userId}`}`,
  );
  return {
    open: Number(row?.open ?? 0),
    snoozed: Number(row?.snoozed ?? 0),
    resolved: Number(row?.resolved ?? 0),
    history: Number(row?.history ?? 0),
  };
}

/** A person's open alerts, for a badge in the navigation. */
export async function countOpenAlerts(tx: Tx, userId: string, now: Date = new Date()): Promise<number> {
  const [row] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from public.alerts a where a.user_id = ${userId} and ${tabCondition("open", now.toISOString())}`,
  );
  return Number(row?.n ?? 0);
}

export interface RuleSettingRow<K extends AlertRuleKey = AlertRuleKey> {
  key: K;
  enabled: boolean;
  priority: AlertPriority;
  thresholds: Thresholds[K];
  updatedAt: string;
}

/** Every rule's settings, thresholds read through the rule's schema (defaults filled in). */
export async function listRuleSettings(tx: Tx): Promise<RuleSettingRow[]> {
  const found = await rows<{
    key: AlertRuleKey;
    enabled: boolean;
    priority: AlertPriority;
    thresholds: unknown;
    updatedAt: string;
  }>(
    tx,
    sql`select key, enabled, priority, thresholds, updated_at::text as "updatedAt" from public.alert_rules`,
  );
  return ALERT_RULE_KEYS.flatMap((key) => {
    const row = found.find((r) => r.key === key);
    if (!row) return [];
    const parsed = THRESHOLD_SCHEMAS[key].safeParse(row.thresholds);
    return parsed.success ? [{ ...row, thresholds: parsed.data as Thresholds[typeof key] }] : [];
  });
}

export interface AlertPreferences {
  digestEnabled: boolean;
  maxPerDay: number;
  mutedRules: AlertRuleKey[];
  lastDigestAt: string | null;
}

/** A person's frequency controls, or the defaults when never saved. */
export async function getAlertPreferences(tx: Tx, userId: string): Promise<AlertPreferences> {
  const [row] = await rows<AlertPreferences>(
    tx,
    sql`select digest_enabled as "digestEnabled", max_per_day as "maxPerDay", muted_rules as "mutedRules", last_digest_at::text as "lastDigestAt"
        from public.alert_preferences where user_id = ${userId}`,
  );
  return row ?? { digestEnabled: false, maxPerDay: 20, mutedRules: [], lastDigestAt: null };
}

/** The workspace currency: the high-value threshold is typed and shown in it. */
export async function getWorkspaceCurrency(tx: Tx): Promise<string> {
  const [row] = await rows<{ currency: string }>(
    tx,
    sql`select currency from public.workspace_settings limit 1`,
  );
  return row?.currency ?? "USD";
}
