import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { UNLOCK_CATEGORIES, type LadderTier, type TierFeature, type UnlockCategory } from "./unlocks";

/** Every feature with the tier it unlocks at, in category and position order. */
export async function listTierFeatures(tx: Tx): Promise<TierFeature[]> {
  const found = await rows<{
    id: string;
    feature_key: string;
    category: string;
    label: string;
    position: number;
    tier_id: string;
    tier_name: string;
    tier_rank: number;
  }>(
    tx,
    sql`select f.id, f.feature_key, f.category, f.label, f.position, t.id as tier_id, t.name as tier_name, t.rank as tier_rank
      from public.tier_features f join public.tiers t on t.id = f.unlock_tier_id
      order by f.category, f.position, f.feature_key`,
  );
  return found
    .filter((f): f is typeof f & { category: UnlockCategory } =>
      (UNLOCK_CATEGORIES as readonly string[]).includes(f.category),
    )
    .map((f) => ({
      id: f.id,
      key: f.feature_key,
      category: f.category,
      label: f.label,
      position: f.position,
      tierId: f.tier_id,
      tierName: f.tier_name,
      tierRank: f.tier_rank,
    }));
}

/** The ladder as the matrix columns show it. */
export async function listLadder(tx: Tx): Promise<LadderTier[]> {
  return rows<LadderTier>(tx, sql`select id, name, rank from public.tiers order by rank`);
}

/** The signed-in partner's tier rank (null without a tier); staff get null too. */
export async function getOwnTierRank(tx: Tx): Promise<number | null> {
  const [row] = await rows<{ rank: number | null }>(
    tx,
    sql`select t.rank from public.partners p join public.tiers t on t.id = p.tier_id
      where p.id = (select private.current_partner_id())`,
  );
  return row?.rank ?? null;
}

/** Everything a portal page needs to decide and explain what the partner holds. */
export async function getEntitlements(tx: Tx): Promise<{ features: TierFeature[]; ladder: LadderTier[]; rank: number | null }> {
  return { features: await listTierFeatures(tx), ladder: await listLadder(tx), rank: await getOwnTierRank(tx) };
}
