import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { partners, profiles, tiers } from "@/lib/db/schema";

export function listPartners(tx: Tx) {
  return tx
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      domain: partners.domain,
      status: partners.status,
      healthScore: partners.healthScore,
      tierName: tiers.name,
      ownerName: profiles.displayName,
    })
    .from(partners)
    .leftJoin(tiers, eq(tiers.id, partners.tierId))
    .leftJoin(profiles, eq(profiles.id, partners.ownerId))
    .orderBy(asc(sql`lower(${partners.name})`));
}

export async function getPartnerOrgOrThrow(tx: Tx, partnerId: string) {
  const [row] = await tx
    .select({
      id: partners.id,
      name: partners.name,
      status: partners.status,
      tierName: tiers.name,
      tierRate: tiers.commissionRate,
      tierCadence: tiers.payoutCadence,
      tierColor: tiers.color,
    })
    .from(partners)
    .leftJoin(tiers, eq(tiers.id, partners.tierId))
    .where(eq(partners.id, partnerId));
  if (!row) throw new PartnerNotFoundError(partnerId);
  return row;
}

export class PartnerNotFoundError extends Error {
  constructor(readonly partnerId: string) {
    super(`Partner ${partnerId} not found`);
  }
}
