import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions, partnerContacts, partners, profiles, tiers } from "@/lib/db/schema";

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
  const contacts = await tx
    .select()
    .from(partnerContacts)
    .where(eq(partnerContacts.partnerId, partnerId))
    .orderBy(asc(partnerContacts.name));
  const agreementRows = await tx
    .select()
    .from(agreements)
    .where(eq(agreements.partnerId, partnerId))
    .orderBy(asc(agreements.createdAt));
  const versions: (typeof agreementVersions.$inferSelect)[][] = [];
  for (const a of agreementRows) {
    versions.push(
      await tx
        .select()
        .from(agreementVersions)
        .where(eq(agreementVersions.agreementId, a.id))
        .orderBy(desc(agreementVersions.version)),
    );
  }
  return {
    partner,
    contacts,
    agreements: agreementRows.map((a, i) => ({ ...a, versions: versions[i] ?? [] })),
  };
}

export type PartnerDetail = NonNullable<Awaited<ReturnType<typeof getPartnerDetailOrNull>>>;
