import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions } from "@/lib/db/schema";

/** A partner's agreements, each with its versions newest first (two queries, whatever the count). */
export async function listPartnerAgreements(tx: Tx, partnerId: string) {
  const rows = await tx.select().from(agreements).where(eq(agreements.partnerId, partnerId)).orderBy(asc(agreements.createdAt));
  if (rows.length === 0) return [];
  const versions = await tx
    .select()
    .from(agreementVersions)
    .where(inArray(agreementVersions.agreementId, rows.map((a) => a.id)))
    .orderBy(desc(agreementVersions.version));
  return rows.map((a) => ({ ...a, versions: versions.filter((v) => v.agreementId === a.id) }));
}
