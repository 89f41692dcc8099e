import "server-only";
import { asc, desc, eq, ne } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions, commissionLines, partners } from "@/lib/db/schema";

/** Commission lines of one deal the caller may see (RLS: by direction and role), with their traces. */
export function listOpportunityCommissions(tx: Tx, opportunityId: string) {
  return tx
    .select({
      id: commissionLines.id,
      direction: commissionLines.direction,
      kind: commissionLines.kind,
      label: commissionLines.label,
      amountMinor: commissionLines.amountMinor,
      currency: commissionLines.currency,
      dueDate: commissionLines.dueDate,
      status: commissionLines.status,
      effectiveRate: commissionLines.effectiveRate,
      trace: commissionLines.trace,
      partnerName: partners.name,
    })
    .from(commissionLines)
    .innerJoin(partners, eq(partners.id, commissionLines.partnerId))
    .where(eq(commissionLines.opportunityId, opportunityId))
    .orderBy(asc(commissionLines.direction), asc(commissionLines.dueDate), asc(commissionLines.lineKey));
}

export type OpportunityCommission = Awaited<ReturnType<typeof listOpportunityCommissions>>[number];

/** Agreements to calculate with: partner, direction, model and the newest version's terms. */
export async function listCalculatorAgreements(tx: Tx) {
  const found = await tx
    .select({
      id: agreements.id,
      name: agreements.name,
      direction: agreements.direction,
      model: agreements.model,
      partnerName: partners.name,
      version: agreementVersions.version,
      rate: agreementVersions.rate,
      paymentModel: agreementVersions.paymentModel,
      currency: agreementVersions.currency,
    })
    .from(agreements)
    .innerJoin(partners, eq(partners.id, agreements.partnerId))
    .innerJoin(agreementVersions, eq(agreementVersions.agreementId, agreements.id))
    .where(ne(agreements.status, "ended"))
    .orderBy(asc(partners.name), asc(agreements.name), desc(agreementVersions.version));
  const seen = new Set<string>();
  return found.filter((a) => (seen.has(a.id) ? false : (seen.add(a.id), true)));
}

export type CalculatorAgreement = Awaited<ReturnType<typeof listCalculatorAgreements>>[number];
