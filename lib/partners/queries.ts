import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { partnerContacts, partners, profiles, tiers } from "@/lib/db/schema";

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

/** The partner page's header and contacts; null when the partner does not exist or is not visible. */
export async function getPartnerDetailOrNull(tx: Tx, partnerId: string) {
  const [partner] = await tx
    .select({
      id: partners.id,
      name: partners.name,
      kind: partners.kind,
      domain: partners.domain,
      status: partners.status,
      healthScore: partners.healthScore,
      website: partners.website,
      tierName: tiers.name,
      ownerName: profiles.displayName,
    })
    .from(partners)
    .leftJoin(tiers, eq(tiers.id, partners.tierId))
    .leftJoin(profiles, eq(profiles.id, partners.ownerId))
    .where(eq(partners.id, partnerId));
  if (!partner) return null;
  const contacts = await tx.select().from(partnerContacts).where(eq(partnerContacts.partnerId, partnerId)).orderBy(asc(partnerContacts.name));
  return { partner, contacts };
}
