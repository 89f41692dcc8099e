// No "server-only" here: the demo seed (run by tsx, outside Next) records history with the same function.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { healthWeights } from "@/lib/db/schema";
import { gatherHealthInputs } from "./inputs";
import {
  DEFAULT_WEIGHTS,
  NEW_PARTNER_DAYS,
  healthScore,
  type HealthInputs,
  type HealthResult,
  type HealthWeights,
} from "./score";

/** What a snapshot stores: the result with the inputs and weights that produced it. */
export type HealthBreakdown = HealthResult & { inputs: HealthInputs; weights: HealthWeights };

export async function getHealthWeights(tx: Tx): Promise<HealthWeights> {
  const [row] = await tx
    .select({
      recency: healthWeights.recency,
      frequency: healthWeights.frequency,
      pipeline: healthWeights.pipeline,
      revenueTrend: healthWeights.revenueTrend,
      openIssues: healthWeights.openIssues,
    })
    .from(healthWeights)
    .where(eq(healthWeights.id, true));
  return row ?? DEFAULT_WEIGHTS;
}

/**
 * Scores every scored partner as of `now`: sets partners.health_score (only where it changed, so the
 * audit log records real changes) and upserts one snapshot per partner for `now`'s UTC day. Running it
 * again the same day replaces that day's snapshot; it never adds a second one.
 */
export async function recomputePartnerHealth(tx: Tx, now: Date, partnerIds?: readonly string[]) {
  const weights = await getHealthWeights(tx);
  const inputs = await gatherHealthInputs(tx, now, partnerIds);
  // Partners still in their first days are not scored: a score they had (before this rule) is taken away.
  const only = partnerIds ? sql`and id = any(${`{${partnerIds.join(",")}}`}::uuid[])` : sql``;
  await tx.execute(sql`update public.partners set health_score = null
    where health_score is not null and joined_at > ${now.toISOString()}::timestamptz - make_interval(days => ${NEW_PARTNER_DAYS}) ${only}`);
  const scored = [...inputs].map(([id, i]) => ({
    id,
    breakdown: { ...healthScore(i, weights), inputs: i, weights } satisfies HealthBreakdown,
  }));
  if (scored.length === 0) return { partners: 0, changed: 0, takenOn: now.toISOString().slice(0, 10) };
  const takenOn = now.toISOString().slice(0, 10);
  const payload = JSON.stringify(
    scored.map((s) => ({ id: s.id, score: s.breakdown.score, breakdown: s.breakdown })),
  );
  const changed = await tx.execute(sql`update public.partners p set health_score = v.score
    from jsonb_to_recordset(${payload}::jsonb) as v(id uuid, score int)
    where p.id = v.id and p.health_score is distinct from v.score returning p.id`);
  await tx.execute(sql`insert into public.partner_health_snapshots (partner_id, taken_on, score, breakdown)
    select v.id, ${takenOn}::date, v.score, v.breakdown from jsonb_to_recordset(${payload}::jsonb) as v(id uuid, score int, breakdown jsonb)
    on conflict (partner_id, taken_on) do update set score = excluded.score, breakdown = excluded.breakdown`);
  const count = Array.isArray(changed)
    ? changed.length
    : ((changed as { rows?: unknown[] }).rows?.length ?? 0);
  return { partners: scored.length, changed: count, takenOn };
}

/** The scheduled job: idempotent, so hourly or daily scheduling both keep one snapshot per partner per day. */
export async function runPartnerHealth(now: Date = new Date()) {
  // Loaded on use: the session module is server-only and the seed imports this file outside Next.
  const { withSystem } = await import("@/lib/db/session");
  return withSystem("cron.partner-health", (tx) => recomputePartnerHealth(tx, now));
}
