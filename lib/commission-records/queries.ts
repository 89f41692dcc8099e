import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions, commissionLines, commissionOverrides, commissionSchedules, partners } from "@/lib/db/schema";
import type { TraceStep } from "@/lib/commissions/types";

/**
 * A deal's commission schedules the caller may see (RLS: by direction and role), each with its lines,
 * its trace and the live rate override (pending or approved) if any.
 */
export async function listOpportunityCommissions(tx: Tx, opportunityId: string) {
  const schedules = await tx
    .select({
      id: commissionSchedules.id,
      agreementId: commissionSchedules.agreementId,
      agreementName: agreements.name,
      model: agreements.model,
      direction: commissionSchedules.direction,
      partnerName: partners.name,
      totalMinor: commissionSchedules.totalMinor,
      currency: commissionSchedules.currency,
      effectiveRate: commissionSchedules.effectiveRate,
      rateSource: commissionSchedules.rateSource,
      trace: commissionSchedules.trace,
    })
    .from(commissionSchedules)
    .innerJoin(partners, eq(partners.id, commissionSchedules.partnerId))
    .innerJoin(agreements, eq(agreements.id, commissionSchedules.agreementId))
    .where(eq(commissionSchedules.opportunityId, opportunityId))
    .orderBy(asc(commissionSchedules.direction), asc(partners.name));
  if (schedules.length === 0) return [];
  const [lines, overrides] = await Promise.all([
    tx
      .select({
        id: commissionLines.id,
        scheduleId: commissionLines.scheduleId,
        kind: commissionLines.kind,
        label: commissionLines.label,
        amountMinor: commissionLines.amountMinor,
        currency: commissionLines.currency,
        dueDate: commissionLines.dueDate,
        status: commissionLines.status,
      })
      .from(commissionLines)
      .where(eq(commissionLines.opportunityId, opportunityId))
      .orderBy(asc(commissionLines.dueDate), asc(commissionLines.lineKey)),
    tx
      .select({
        id: commissionOverrides.id,
        agreementId: commissionOverrides.agreementId,
        rate: commissionOverrides.rate,
        reason: commissionOverrides.reason,
        status: commissionOverrides.status,
        needsApproval: commissionOverrides.needsApproval,
      })
      .from(commissionOverrides)
      .where(and(eq(commissionOverrides.opportunityId, opportunityId), inArray(commissionOverrides.status, ["pending", "approved"]))),
  ]);
  return schedules.map((s) => ({
    ...s,
    trace: s.trace as TraceStep[],
    lines: lines.filter((l) => l.scheduleId === s.id),
    override: overrides.find((o) => o.agreementId === s.agreementId) ?? null,
  }));
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
