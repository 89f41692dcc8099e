import { and, eq, inArray, sql } from "drizzle-orm";
import type { Tx } from "../db/connection";
import { agreements, agreementVersions, commissionLines, fxRates, opportunities, stages } from "../db/schema";
import { calculateSchedule, CommissionRuleError, isExcluded } from "./engine";
import type { AgreementVersion, CommissionTerms, FxRate } from "./types";

export interface RecalculationResult {
  opportunityId: string;
  written: number;
  frozen: number;
  issues: { agreementId: string; reason: string }[];
}

const FROZEN = new Set(["approved", "paid", "clawed_back"]);

async function loadDeal(tx: Tx, opportunityId: string) {
  const [deal] = await tx
    .select({
      id: opportunities.id,
      valueMinor: opportunities.valueMinor,
      currency: opportunities.currency,
      customerName: opportunities.customerName,
      contactEmail: opportunities.contactEmail,
      ownerId: opportunities.ownerId,
      isvPartnerId: opportunities.isvPartnerId,
      referringPartnerId: opportunities.referringPartnerId,
      expectedCloseDate: opportunities.expectedCloseDate,
      actualCloseDate: opportunities.actualCloseDate,
      isWon: stages.isWon,
      isLost: stages.isLost,
    })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .where(eq(opportunities.id, opportunityId));
  return deal;
}

/** A stored agreement and one of its versions, as the engine reads them. */
export function toEngineVersion(
  agreement: Pick<typeof agreements.$inferSelect, "id" | "model" | "direction">,
  version: typeof agreementVersions.$inferSelect,
): AgreementVersion {
  return {
    id: version.id,
    agreementId: agreement.id,
    version: version.version,
    effectiveFrom: version.effectiveFrom,
    effectiveTo: version.effectiveTo,
    model: agreement.model,
    direction: agreement.direction,
    rate: version.rate,
    basis: version.basis,
    paymentModel: version.paymentModel,
    currency: version.currency,
    terms: version.terms as CommissionTerms,
  };
}

async function loadVersions(tx: Tx, partnerIds: { partnerId: string; direction: "receivable" | "payable" }[]) {
  if (partnerIds.length === 0) return new Map<string, { agreementId: string; partnerId: string; versions: AgreementVersion[] }>();
  const rowsFound = await tx
    .select({ agreement: agreements, version: agreementVersions })
    .from(agreements)
    .innerJoin(agreementVersions, eq(agreementVersions.agreementId, agreements.id))
    .where(and(eq(agreements.status, "active"), inArray(agreements.partnerId, partnerIds.map((p) => p.partnerId))));
  const byAgreement = new Map<string, { agreementId: string; partnerId: string; versions: AgreementVersion[] }>();
  for (const { agreement, version } of rowsFound) {
    if (!partnerIds.some((p) => p.partnerId === agreement.partnerId && p.direction === agreement.direction)) continue;
    const entry = byAgreement.get(agreement.id) ?? { agreementId: agreement.id, partnerId: agreement.partnerId, versions: [] };
    entry.versions.push(toEngineVersion(agreement, version));
    byAgreement.set(agreement.id, entry);
  }
  return byAgreement;
}

export async function loadFx(tx: Tx): Promise<FxRate[]> {
  const all = await tx.select().from(fxRates);
  return all.map((r) => ({ date: r.rateDate, from: r.base, to: r.quote, rate: r.rate }));
}

/**
 * Recomputes an opportunity's commission lines in the caller's transaction: forecast while open,
 * earned once won, removed when lost. Lines of an agreement with any approved line stay as they are
 * (frozen); configuration problems are returned as issues instead of failing the change.
 */
export async function recalculateOpportunity(tx: Tx, opportunityId: string, fx?: FxRate[]): Promise<RecalculationResult> {
  const result: RecalculationResult = { opportunityId, written: 0, frozen: 0, issues: [] };
  const deal = await loadDeal(tx, opportunityId);
  if (!deal) return result;
  const existing = await tx.select({ agreementId: commissionLines.agreementId, status: commissionLines.status }).from(commissionLines).where(eq(commissionLines.opportunityId, opportunityId));
  const frozenAgreements = new Set(existing.filter((l) => FROZEN.has(l.status)).map((l) => l.agreementId));
  result.frozen = frozenAgreements.size;
  await tx.execute(sql`delete from public.commission_lines where opportunity_id = ${opportunityId} and status in ('forecast', 'earned')
    and agreement_id <> all(${`{${[...frozenAgreements].join(",")}}`}::uuid[])`);
  if (deal.isLost) return result;

  const parties = [
    ...(deal.isvPartnerId ? [{ partnerId: deal.isvPartnerId, direction: "receivable" as const }] : []),
    ...(deal.referringPartnerId ? [{ partnerId: deal.referringPartnerId, direction: "payable" as const }] : []),
  ];
  const agreementsFound = await loadVersions(tx, parties);
  const rates = fx ?? (await loadFx(tx));
  const closeDate = deal.actualCloseDate ?? deal.expectedCloseDate ?? new Date().toISOString().slice(0, 10);
  const domain = deal.contactEmail?.split("@")[1];
  for (const agreement of agreementsFound.values()) {
    if (frozenAgreements.has(agreement.agreementId)) continue;
    try {
      const schedule = calculateSchedule({
        deal: { id: deal.id, valueMinor: deal.valueMinor, currency: deal.currency, closeDate, customerName: deal.customerName, customerDomain: domain },
        versions: agreement.versions,
        fx: rates,
        period: { volumeBeforeMinor: 0, commissionBeforeMinor: 0 },
      });
      if (isExcluded(schedule)) {
        result.issues.push({ agreementId: agreement.agreementId, reason: schedule.reason });
        continue;
      }
      if (schedule.lines.length === 0) continue;
      await tx.insert(commissionLines).values(
        schedule.lines.map((line) => ({
          lineKey: line.key,
          opportunityId: deal.id,
          agreementId: agreement.agreementId,
          agreementVersionId: line.agreementVersionId,
          partnerId: agreement.partnerId,
          ownerId: deal.ownerId,
          direction: line.direction,
          kind: line.kind,
          label: line.label,
          amountMinor: line.amountMinor,
          currency: line.currency,
          dueDate: line.dueDate,
          status: deal.isWon ? ("earned" as const) : ("forecast" as const),
          effectiveRate: schedule.effectiveRate,
          trace: schedule.trace,
        })),
      );
      result.written += schedule.lines.length;
    } catch (error) {
      if (!(error instanceof CommissionRuleError)) throw error;
      result.issues.push({ agreementId: agreement.agreementId, reason: error.code });
    }
  }
  return result;
}
