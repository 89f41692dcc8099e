import "server-only";
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Tx } from "@/lib/db/connection";
import { lossReasons, opportunities, opportunityStageHistory, partners, profiles, savedViews, stages, workspaceSettings } from "@/lib/db/schema";
import type { PartnerDomain } from "@/lib/domain/enums";
import { quarterOf } from "@/lib/domain/quarter";

export interface PipelineFilters {
  owner?: string;
  partner?: string;
  domain?: PartnerDomain;
  stage?: string;
  q?: string;
  minValue?: number;
  maxValue?: number;
  closeFrom?: string;
  closeTo?: string;
}

const isvPartner = alias(partners, "isv_partner");
const referrer = alias(partners, "referrer");

export function listStages(tx: Tx) {
  return tx
    .select({ id: stages.id, key: stages.key, name: stages.name, position: stages.position, probability: stages.probability, color: stages.color, isWon: stages.isWon, isLost: stages.isLost, requiredFields: stages.requiredFields })
    .from(stages)
    .orderBy(asc(stages.position));
}

export type StageRow = Awaited<ReturnType<typeof listStages>>[number];

function filterConditions(f: PipelineFilters): SQL[] {
  const where: SQL[] = [];
  if (f.owner) where.push(eq(opportunities.ownerId, f.owner));
  if (f.partner) where.push(or(eq(opportunities.isvPartnerId, f.partner), eq(opportunities.referringPartnerId, f.partner))!);
  if (f.domain) where.push(eq(opportunities.domain, f.domain));
  if (f.stage) where.push(eq(opportunities.stageId, f.stage));
  if (f.q) where.push(or(ilike(opportunities.customerName, `%${f.q}%`), ilike(opportunities.title, `%${f.q}%`))!);
  if (f.minValue !== undefined) where.push(gte(opportunities.valueMinor, f.minValue));
  if (f.maxValue !== undefined) where.push(lte(opportunities.valueMinor, f.maxValue));
  if (f.closeFrom) where.push(gte(opportunities.expectedCloseDate, f.closeFrom));
  if (f.closeTo) where.push(lte(opportunities.expectedCloseDate, f.closeTo));
  return where;
}

const cardColumns = {
  id: opportunities.id,
  customerName: opportunities.customerName,
  title: opportunities.title,
  valueMinor: opportunities.valueMinor,
  currency: opportunities.currency,
  stageId: opportunities.stageId,
  position: opportunities.position,
  ownerId: opportunities.ownerId,
  ownerName: profiles.displayName,
  isvPartnerId: opportunities.isvPartnerId,
  isvPartnerName: isvPartner.name,
  referringPartnerName: referrer.name,
  domain: opportunities.domain,
  expectedCloseDate: opportunities.expectedCloseDate,
  actualCloseDate: opportunities.actualCloseDate,
  stageEnteredAt: opportunities.stageEnteredAt,
  technicalContactName: opportunities.technicalContactName,
  updatedAt: opportunities.updatedAt,
};

/**
 * Cards for the board: every open deal, and deals closed this quarter (older closed deals live in the list view).
 * `ids` narrows it to those deals (a live update refetches only the cards that changed).
 */
export async function listBoardCards(tx: Tx, filters: PipelineFilters, now = new Date(), ids?: readonly string[]) {
  const quarter = quarterOf(now);
  return tx
    .select(cardColumns)
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .innerJoin(profiles, eq(profiles.id, opportunities.ownerId))
    .leftJoin(isvPartner, eq(isvPartner.id, opportunities.isvPartnerId))
    .leftJoin(referrer, eq(referrer.id, opportunities.referringPartnerId))
    .where(
      and(
        or(and(eq(stages.isWon, false), eq(stages.isLost, false)), gte(opportunities.actualCloseDate, quarter.start)),
        ...filterConditions(filters),
        ...(ids ? [inArray(opportunities.id, [...ids])] : []),
      ),
    )
    .orderBy(asc(opportunities.position), asc(opportunities.id));
}

export type BoardCard = Awaited<ReturnType<typeof listBoardCards>>[number];

export const SORTS = {
  value: opportunities.valueMinor,
  close: opportunities.expectedCloseDate,
  customer: opportunities.customerName,
  updated: opportunities.updatedAt,
} as const;
export type SortKey = keyof typeof SORTS;

export async function listOpportunities(tx: Tx, filters: PipelineFilters, sort: { key: SortKey; dir: "asc" | "desc" }, page: { limit: number; offset: number }) {
  const where = and(...filterConditions(filters));
  const order = sort.dir === "asc" ? asc(SORTS[sort.key]) : desc(SORTS[sort.key]);
  const rows = await tx
    .select({ ...cardColumns, stageName: stages.name, probability: stages.probability })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .innerJoin(profiles, eq(profiles.id, opportunities.ownerId))
    .leftJoin(isvPartner, eq(isvPartner.id, opportunities.isvPartnerId))
    .leftJoin(referrer, eq(referrer.id, opportunities.referringPartnerId))
    .where(where)
    .orderBy(order, asc(opportunities.id))
    .limit(page.limit)
    .offset(page.offset);
  const [total] = await tx.select({ n: sql<number>`count(*)::int` }).from(opportunities).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

export type OpportunityListRow = Awaited<ReturnType<typeof listOpportunities>>["rows"][number];

export async function getOpportunityOrThrow(tx: Tx, id: string) {
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id));
  if (!row) throw new OpportunityNotFoundError(id);
  const history = await tx
    .select({ id: opportunityStageHistory.id, fromStageId: opportunityStageHistory.fromStageId, toStageId: opportunityStageHistory.toStageId, movedAt: opportunityStageHistory.movedAt, justification: opportunityStageHistory.justification, movedByName: profiles.displayName })
    .from(opportunityStageHistory)
    .leftJoin(profiles, eq(profiles.id, opportunityStageHistory.movedBy))
    .where(eq(opportunityStageHistory.opportunityId, id))
    .orderBy(desc(opportunityStageHistory.movedAt));
  return { ...row, history };
}

export class OpportunityNotFoundError extends Error {
  constructor(readonly opportunityId: string) {
    super(`Opportunity ${opportunityId} not found`);
  }
}

/** Everything the forms and filters offer to choose from. */
export async function getPipelineOptions(tx: Tx) {
  const [owners, partnerRows, reasons, [settings]] = await Promise.all([
    tx.select({ id: profiles.id, name: profiles.displayName, role: profiles.role }).from(profiles).where(and(ne(profiles.role, "partner"), isNull(profiles.deactivatedAt), inArray(profiles.role, ["vp", "sales_manager", "partnership_manager"]))).orderBy(asc(profiles.displayName)),
    tx.select({ id: partners.id, name: partners.name, kind: partners.kind, domain: partners.domain }).from(partners).orderBy(asc(sql`lower(${partners.name})`)),
    tx.select({ id: lossReasons.id, label: lossReasons.label }).from(lossReasons).where(isNull(lossReasons.archivedAt)).orderBy(asc(lossReasons.position)),
    tx.select({ currency: workspaceSettings.currency, stalledAfterDays: workspaceSettings.stalledAfterDays }).from(workspaceSettings),
  ]);
  return {
    owners,
    isvPartners: partnerRows.filter((p) => p.kind !== "program"),
    programPartners: partnerRows.filter((p) => p.kind !== "isv"),
    lossReasons: reasons,
    currency: settings?.currency ?? "USD",
    stalledAfterDays: settings?.stalledAfterDays ?? 14,
  };
}

export type PipelineOptions = Awaited<ReturnType<typeof getPipelineOptions>>;

/** Every matching opportunity with the columns an export needs to be re-imported (capped at 50,000 rows). */
export function listOpportunitiesForExport(tx: Tx, filters: PipelineFilters) {
  return tx
    .select({
      ...cardColumns,
      contactName: opportunities.contactName,
      contactEmail: opportunities.contactEmail,
      technicalContactEmail: opportunities.technicalContactEmail,
      notes: opportunities.notes,
      createdAt: opportunities.createdAt,
      ownerEmail: profiles.email,
      stageKey: stages.key,
      stageName: stages.name,
      probability: stages.probability,
    })
    .from(opportunities)
    .innerJoin(stages, eq(stages.id, opportunities.stageId))
    .innerJoin(profiles, eq(profiles.id, opportunities.ownerId))
    .leftJoin(isvPartner, eq(isvPartner.id, opportunities.isvPartnerId))
    .leftJoin(referrer, eq(referrer.id, opportunities.referringPartnerId))
    .where(and(...filterConditions(filters)))
    .orderBy(asc(opportunities.createdAt), asc(opportunities.id))
    .limit(50_000);
}

/** The team's saved pipeline views, by name. */
export function listSavedViews(tx: Tx): Promise<{ id: string; name: string; query: string }[]> {
  return tx.select({ id: savedViews.id, name: savedViews.name, query: savedViews.query }).from(savedViews).orderBy(asc(savedViews.name));
}
