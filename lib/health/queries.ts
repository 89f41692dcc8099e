import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { quarterOf } from "@/lib/domain/quarter";
import { quarterAt } from "@/lib/forecast/inputs";
import { gatherHealthInputs } from "./inputs";
import type { HealthBreakdown } from "./job";
import { healthScore, type HealthWeights } from "./score";
import type { DirectoryParams } from "./schemas";

export interface DirectoryRow {
  id: string;
  name: string;
  kind: "isv" | "program" | "isv_and_program";
  domain: string | null;
  status: string;
  healthScore: number | null;
  tierName: string | null;
  ownerName: string | null;
  /** Won in the current and the three previous quarters, workspace currency. */
  revenueMinor: number;
}

/** The window "the last four quarters" means everywhere in the directory: this quarter and the three before. */
export function revenueWindow(now: Date) {
  return {
    start: quarterAt(now, -3).start,
    end: quarterOf(now).end,
    label: `${quarterAt(now, -3).label} – ${quarterOf(now).label}`,
  };
}

export async function getWorkspaceCurrency(tx: Tx): Promise<string> {
  const [row] = await rows<{ currency: string }>(
    tx,
    sql`select currency from public.workspace_settings limit 1`,
  );
  return row?.currency ?? "USD";
}

const BAND_SQL: Record<string, SQL> = {
  excellent: sql`p.health_score >= 80`,
  healthy: sql`p.health_score between 60 and 79`,
  needs_attention: sql`p.health_score between 40 and 59`,
  at_risk: sql`p.health_score < 40`,
  unscored: sql`p.health_score is null`,
};

function directoryWhere(f: Partial<DirectoryParams>): SQL {
  const parts: SQL[] = [sql`true`];
  if (f.q) parts.push(sql`p.name ilike ${`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (f.domain) parts.push(sql`p.domain = ${f.domain}`);
  if (f.kind) parts.push(sql`p.kind = ${f.kind}`);
  if (f.status) parts.push(sql`p.status = ${f.status}`);
  if (f.tier) parts.push(sql`p.tier_id = ${f.tier}::uuid`);
  if (f.owner) parts.push(sql`p.owner_id = ${f.owner}::uuid`);
  if (f.band) parts.push(BAND_SQL[f.band]!);
  return sql.join(parts, sql` and `);
}

const ORDER: Record<DirectoryParams["sort"], SQL> = {
  name: sql`lower(p.name), p.id`,
  health: sql`p.health_score desc nulls last, lower(p.name), p.id`,
  revenue: sql`revenue desc, lower(p.name), p.id`,
};

/** Partners matching the directory filters, with their tier, owner, health and four-quarter won revenue. */
export async function listDirectory(
  tx: Tx,
  params: Partial<DirectoryParams>,
  now: Date,
  currency: string,
): Promise<DirectoryRow[]> {
  const w = revenueWindow(now);
  const result = await rows<DirectoryRow>(
    tx,
    sql`select p.id::text, p.name, p.kind::text as kind, p.domain::text as domain, p.status::text as status,
          p.health_score as "healthScore", t.name as "tierName", pr.display_name as "ownerName",
          coalesce((select sum(o.value_minor) from public.opportunities o join public.stages s on s.id = o.stage_id
            where (o.isv_partner_id = p.id or o.referring_partner_id = p.id) and s.is_won and o.currency = ${currency}
              and o.actual_close_date >= ${w.start}::date and o.actual_close_date < ${w.end}::date), 0)::float8 as revenue
        from public.partners p
        left join public.tiers t on t.id = p.tier_id
        left join public.profiles pr on pr.id = p.owner_id
        where ${directoryWhere(params)}
        order by ${ORDER[params.sort ?? "name"]}`,
  );
  return result.map((r) => ({ ...r, revenueMinor: Number((r as unknown as { revenue: number }).revenue) }));
}

export async function listDirectoryOptions(tx: Tx) {
  const [tiers, owners] = await Promise.all([
    rows<{ id: string; name: string }>(tx, sql`select id::text, name from public.tiers order by rank`),
    rows<{ id: string; name: string }>(
      tx,
      sql`select distinct pr.id::text, pr.display_name as name from public.partners p join public.profiles pr on pr.id = p.owner_id order by 2`,
    ),
  ]);
  return { tiers, owners };
}

export interface CompareRow extends DirectoryRow {
  breakdown: HealthBreakdown | null;
  takenOn: string | null;
}

/** The chosen partners side by side: directory figures and their latest health breakdown. */
export async function listCompared(
  tx: Tx,
  ids: readonly string[],
  now: Date,
  currency: string,
): Promise<CompareRow[]> {
  if (ids.length === 0) return [];
  const all = await listDirectory(tx, {}, now, currency);
  const latest = await rows<{ partnerId: string; takenOn: string; breakdown: HealthBreakdown }>(
    tx,
    sql`select distinct on (partner_id) partner_id::text as "partnerId", taken_on::text as "takenOn", breakdown
        from public.partner_health_snapshots where partner_id = any(${`{${ids.join(",")}}`}::uuid[])
        order by partner_id, taken_on desc`,
  );
  return ids.flatMap((id) => {
    const row = all.find((p) => p.id === id);
    if (!row) return [];
    const snap = latest.find((s) => s.partnerId === id);
    return [{ ...row, breakdown: snap?.breakdown ?? null, takenOn: snap?.takenOn ?? null }];
  });
}

/** A handful of partners spread across the score range, with their current inputs, for the weights preview. */
export async function listPreviewPartners(tx: Tx, now: Date, weights: HealthWeights, size = 6) {
  const inputs = await gatherHealthInputs(tx, now);
  const names = await rows<{ id: string; name: string }>(tx, sql`select id::text, name from public.partners`);
  const scored = names
    .filter((p) => inputs.has(p.id))
    .map((p) => ({
      id: p.id,
      name: p.name,
      inputs: inputs.get(p.id)!,
      score: healthScore(inputs.get(p.id)!, weights).score,
    }))
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  if (scored.length <= size) return scored.map(({ score: _score, ...p }) => p);
  // Evenly spaced picks from best to worst show how every band would move.
  const step = (scored.length - 1) / (size - 1);
  return Array.from({ length: size }, (_, i) => scored[Math.round(i * step)]!).map(
    ({ score: _score, ...p }) => p,
  );
}
