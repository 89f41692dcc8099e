import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { recomputePartnerHealth } from "@/lib/health/job";

const WEEK_MS = 7 * 86_400_000;
export const HEALTH_HISTORY_WEEKS = 12;

/**
 * Twelve weeks of weekly health snapshots per scored partner, each computed by the real score function
 * from the seeded data as it stood that day, then today's score (which also sets partners.health_score).
 * Deals keep their current stage in the past, so history reflects interactions and revenue timing.
 */
export async function seedHealthHistory(tx: Tx, now: Date): Promise<{ partners: number; snapshots: number }> {
  let partners = 0;
  for (let week = HEALTH_HISTORY_WEEKS; week >= 0; week--) {
    const result = await recomputePartnerHealth(tx, new Date(now.getTime() - week * WEEK_MS));
    partners = result.partners;
  }
  const [count] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from public.partner_health_snapshots`,
  );
  return { partners, snapshots: Number(count?.n ?? 0) };
}
