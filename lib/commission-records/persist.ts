/**
 * Commission recalculation through the database: the deals in scope, their agreements, FX rates, approved
 * overrides and the period context → schedules and lines, written in the caller's transaction.
 *
 * Period context: volume tiers and per-period caps accumulate over the deals of one agreement in one
 * calendar period (the version's `terms.period`, a quarter by default), in close-date order (ties by deal
 * id). Open deals count at their expected close date, so a forecast shows the tier the deal would reach.
 * Changing one deal can move every later deal of that period, so a recalculation of a deal under such an
 * agreement takes in the whole period.
 *
 * Frozen schedules (any line approved, paid or clawed back) are never rewritten; they still count towards
 * their period. A schedule whose inputs and result are unchanged (same signature) is left as it is.
 */
import { createHash, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import type { agreements, agreementVersions } from "@/lib/db/schema";
import { clawback } from "@/lib/commissions/clawback";
import { periodStart } from "@/lib/commissions/dates";
import { calculateSchedule, CommissionRuleError, isExcluded, versionInForce } from "@/lib/commissions/engine";
import type { AgreementVersion, CommissionLine, CommissionPeriod, CommissionTerms, FxRate, Schedule } from "@/lib/commissions/types";

export type RecalculationScope = { opportunityIds: readonly string[] } | "all";

export interface RecalculationReport {
  deals: number;
  written: number;
  /** Of those written, schedules rewritten in place (same lines, new numbers). */
  inPlace: number;
  removed: number;
  unchanged: number;
  frozen: number;
  lines: number;
  clawbacks: number;
  issues: { opportunityId: string; agreementId: string; reason: string }[];
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

export async function loadFx(tx: Tx): Promise<FxRate[]> {
  const found = await rows<{ date: string; from: string; to: string; rate: string }>(
    tx,
    sql`select rate_date::text as date, base as "from", quote as "to", rate::text as rate from public.fx_rates`,
  );
  return found;
}

interface DealRow {
  id: string;
  value_minor: string | number;
  currency: string;
  customer_name: string;
  contact_email: string | null;
  owner_id: string;
  isv_partner_id: string | null;
  referring_partner_id: string | null;
  close_date: string;
  is_won: boolean;
  is_lost: boolean;
}

interface AgreementSet {
  agreementId: string;
  partnerId: string;
  direction: "receivable" | "payable";
  versions: AgreementVersion[];
  periodic: boolean;
}

interface StoredSchedule {
  id: string;
  opportunity_id: string;
  agreement_id: string;
  period_start: string;
  basis_minor: string | number;
  total_minor: string | number;
  signature: string;
  frozen: boolean;
}

interface OverrideRow {
  id: string;
  opportunity_id: string;
  agreement_id: string;
  rate: string;
  reason: string;
}

const DEAL_COLUMNS = sql`o.id, o.value_minor, o.currency, o.customer_name, o.contact_email, o.owner_id, o.isv_partner_id,
  o.referring_partner_id, coalesce(o.actual_close_date, o.expected_close_date, current_date)::text as close_date,
  s.is_won, s.is_lost`;

function uuidArray(ids: Iterable<string>) {
  return `{${[...ids].join(",")}}`;
}

async function loadDeals(tx: Tx, scope: RecalculationScope): Promise<DealRow[]> {
  if (scope === "all") {
    return rows<DealRow>(tx, sql`select ${DEAL_COLUMNS} from public.opportunities o join public.stages s on s.id = o.stage_id`);
  }
  if (scope.opportunityIds.length === 0) return [];
  return rows<DealRow>(
    tx,
    sql`select ${DEAL_COLUMNS} from public.opportunities o join public.stages s on s.id = o.stage_id
      where o.id = any(${uuidArray(scope.opportunityIds)}::uuid[])`,
  );
}

function isPeriodic(terms: CommissionTerms): boolean {
  return (terms.volumeTiers?.tiers.length ?? 0) > 0 || terms.capPerPeriodMinor !== undefined;
}

async function loadAgreements(tx: Tx, partnerIds: Set<string> | "all"): Promise<Map<string, AgreementSet[]>> {
  if (partnerIds !== "all" && partnerIds.size === 0) return new Map();
  const filter =
    partnerIds === "all" ? sql`` : sql`and a.partner_id = any(${uuidArray(partnerIds)}::uuid[])`;
  const found = await rows<{
    agreement_id: string;
    partner_id: string;
    direction: "receivable" | "payable";
    model: AgreementVersion["model"];
    id: string;
    version: number;
    effective_from: string;
    effective_to: string | null;
    rate: string;
    basis: AgreementVersion["basis"];
    payment_model: AgreementVersion["paymentModel"];
    currency: string;
    terms: CommissionTerms;
  }>(
    tx,
    sql`select a.id as agreement_id, a.partner_id, a.direction, a.model, v.id, v.version, v.effective_from::text,
        v.effective_to::text, v.rate::text, v.basis, v.payment_model, v.currency, v.terms
      from public.agreements a join public.agreement_versions v on v.agreement_id = a.id
      where a.status = 'active' ${filter}`,
  );
  const byAgreement = new Map<string, AgreementSet>();
  for (const r of found) {
    const set = byAgreement.get(r.agreement_id) ?? {
      agreementId: r.agreement_id,
      partnerId: r.partner_id,
      direction: r.direction,
      versions: [],
      periodic: false,
    };
    set.versions.push({
      id: r.id,
      agreementId: r.agreement_id,
      version: r.version,
      effectiveFrom: r.effective_from,
      effectiveTo: r.effective_to,
      model: r.model,
      direction: r.direction,
      rate: r.rate,
      basis: r.basis,
      paymentModel: r.payment_model,
      currency: r.currency,
      terms: r.terms,
    });
    set.periodic ||= isPeriodic(r.terms);
    byAgreement.set(r.agreement_id, set);
  }
  const byPartner = new Map<string, AgreementSet[]>();
  for (const set of byAgreement.values()) {
    const list = byPartner.get(set.partnerId) ?? [];
    list.push(set);
    byPartner.set(set.partnerId, list);
  }
  return byPartner;
}

/** The agreements a deal earns under: the ISV's receivable ones and the referring partner's payable ones. */
function agreementsOf(deal: DealRow, byPartner: Map<string, AgreementSet[]>): AgreementSet[] {
  const receivable = deal.isv_partner_id
    ? (byPartner.get(deal.isv_partner_id) ?? []).filter((a) => a.direction === "receivable")
    : [];
  const payable = deal.referring_partner_id
    ? (byPartner.get(deal.referring_partner_id) ?? []).filter((a) => a.direction === "payable")
    : [];
  return [...receivable, ...payable];
}

function periodOf(set: AgreementSet, closeDate: string): string {
  const version = versionInForce(set.versions, closeDate) ?? set.versions[0]!;
  const period: CommissionPeriod = version.terms.period ?? "quarter";
  return periodStart(closeDate, period);
}

function periodEnd(start: string, set: AgreementSet): string {
  const version = versionInForce(set.versions, start) ?? set.versions[0]!;
  const period = version.terms.period ?? "quarter";
  const [y, m] = start.split("-").map(Number) as [number, number];
  const months = period === "month" ? 1 : period === "quarter" ? 3 : 12;
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** Adds every deal sharing a period with a deal in scope under an agreement with volume tiers or a period cap. */
async function expandPeriods(
  tx: Tx,
  deals: DealRow[],
  stored: StoredSchedule[],
  byPartner: Map<string, AgreementSet[]>,
): Promise<DealRow[]> {
  const chains = new Map<string, { set: AgreementSet; start: string }>();
  const setsById = new Map<string, AgreementSet>();
  for (const list of byPartner.values()) for (const set of list) setsById.set(set.agreementId, set);
  for (const deal of deals) {
    for (const set of agreementsOf(deal, byPartner)) {
      if (!set.periodic) continue;
      const start = periodOf(set, deal.close_date);
      chains.set(`${set.agreementId}|${start}`, { set, start });
    }
  }
  for (const s of stored) {
    const set = setsById.get(s.agreement_id);
    if (set?.periodic) chains.set(`${set.agreementId}|${s.period_start}`, { set, start: s.period_start });
  }
  if (chains.size === 0) return deals;
  const seen = new Set(deals.map((d) => d.id));
  const extra: DealRow[] = [];
  for (const { set, start } of chains.values()) {
    const column = set.direction === "receivable" ? sql`o.isv_partner_id` : sql`o.referring_partner_id`;
    const found = await rows<DealRow>(
      tx,
      sql`select ${DEAL_COLUMNS} from public.opportunities o join public.stages s on s.id = o.stage_id
        where ${column} = ${set.partnerId} and not s.is_lost
          and coalesce(o.actual_close_date, o.expected_close_date, current_date) >= ${start}::date
          and coalesce(o.actual_close_date, o.expected_close_date, current_date) < ${periodEnd(start, set)}::date`,
    );
    for (const deal of found) {
      if (seen.has(deal.id)) continue;
      seen.add(deal.id);
      extra.push(deal);
    }
  }
  return [...deals, ...extra];
}

async function loadStored(tx: Tx, dealIds: string[] | "all"): Promise<StoredSchedule[]> {
  if (dealIds !== "all" && dealIds.length === 0) return [];
  const filter = dealIds === "all" ? sql`` : sql`where s.opportunity_id = any(${uuidArray(dealIds)}::uuid[])`;
  return rows<StoredSchedule>(
    tx,
    sql`select s.id, s.opportunity_id, s.agreement_id, s.period_start::text, s.basis_minor, s.total_minor, s.signature,
        exists (select 1 from public.commission_lines l where l.schedule_id = s.id
          and (l.status in ('approved', 'paid', 'clawed_back') or l.kind = 'clawback')) as frozen
      from public.commission_schedules s ${filter}`,
  );
}

async function loadOverrides(tx: Tx, dealIds: string[] | "all"): Promise<Map<string, OverrideRow>> {
  const filter = dealIds === "all" ? sql`` : sql`and opportunity_id = any(${uuidArray(dealIds)}::uuid[])`;
  const found = await rows<OverrideRow>(
    tx,
    sql`select id, opportunity_id, agreement_id, rate::text, reason from public.commission_overrides
      where status = 'approved' ${filter}`,
  );
  return new Map(found.map((o) => [`${o.opportunity_id}|${o.agreement_id}`, o]));
}

interface Planned {
  id: string;
  deal: DealRow;
  set: AgreementSet;
  periodStart: string;
  schedule: Schedule;
  status: "forecast" | "earned";
  overrideId: string | null;
  signature: string;
}

const digest = (payload: string) => createHash("sha1").update(payload).digest("base64url");

/**
 * `shape.content`: the shape names the lines (their keys carry the deal, version, kind and number), the
 * content everything else. Same signature: nothing to write; same shape: the rows are updated in place.
 */
function signatureOf(p: Omit<Planned, "signature" | "id">): string {
  const shape = digest(p.schedule.lines.map((l) => l.key).join("|"));
  const content = JSON.stringify([
    p.deal.owner_id,
    p.set.partnerId,
    p.status,
    p.periodStart,
    p.deal.close_date,
    p.overrideId,
    p.schedule.rateSource,
    p.schedule.lines.map((l) => [l.key, l.kind, l.label, l.amountMinor, l.currency, l.dueDate]),
    p.schedule.trace,
  ]);
  return `${shape}.${digest(content)}`;
}

const shapeOf = (signature: string) => signature.slice(0, signature.indexOf("."));

const CHUNK = 2_000;

function schedulePayload(chunk: Planned[]) {
  return JSON.stringify(
    chunk.map((p) => ({
      id: p.id,
      opportunity_id: p.deal.id,
      agreement_id: p.set.agreementId,
      agreement_version_id: p.schedule.agreementVersionId,
      partner_id: p.set.partnerId,
      owner_id: p.deal.owner_id,
      direction: p.set.direction,
      period_start: p.periodStart,
      close_date: p.deal.close_date,
      basis_minor: p.schedule.basisMinor,
      total_minor: p.schedule.totalMinor,
      currency: p.schedule.currency,
      effective_rate: p.schedule.effectiveRate,
      rate_source: p.schedule.rateSource,
      override_id: p.overrideId,
      trace: p.schedule.trace,
      signature: p.signature,
    })),
  );
}

const SCHEDULE_RECORD = sql`x(id uuid, opportunity_id uuid, agreement_id uuid, agreement_version_id uuid, partner_id uuid,
  owner_id uuid, direction public.agreement_direction, period_start date, close_date date, basis_minor bigint,
  total_minor bigint, currency char(3), effective_rate numeric, rate_source text, override_id uuid, trace jsonb, signature text)`;

async function insertSchedules(tx: Tx, planned: Planned[]): Promise<number> {
  let lines = 0;
  for (let i = 0; i < planned.length; i += CHUNK) {
    const chunk = planned.slice(i, i + CHUNK);
    await tx.execute(sql`insert into public.commission_schedules (id, opportunity_id, agreement_id, agreement_version_id,
        partner_id, owner_id, direction, period_start, close_date, basis_minor, total_minor, currency, effective_rate,
        rate_source, override_id, trace, signature)
      select id, opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction, period_start,
        close_date, basis_minor, total_minor, currency, effective_rate, rate_source, override_id, trace, signature
      from jsonb_to_recordset(${schedulePayload(chunk)}::jsonb) as ${SCHEDULE_RECORD}`);
    const lineRows = chunk.flatMap((p) =>
      p.schedule.lines.map((l) => [
        l.key,
        p.id,
        p.deal.id,
        p.set.agreementId,
        l.agreementVersionId,
        p.set.partnerId,
        p.deal.owner_id,
        l.direction,
        l.kind,
        l.label,
        l.amountMinor,
        l.currency,
        l.dueDate,
        p.status,
      ]),
    );
    lines += lineRows.length;
    if (lineRows.length === 0) continue;
    // Positional arrays keep the payload small for schedules with many recurring lines.
    await tx.execute(sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id,
        agreement_version_id, partner_id, owner_id, direction, kind, label, amount_minor, currency, due_date, status)
      select r->>0, (r->>1)::uuid, (r->>2)::uuid, (r->>3)::uuid, (r->>4)::uuid, (r->>5)::uuid, (r->>6)::uuid,
        (r->>7)::public.agreement_direction, (r->>8)::public.commission_kind, r->>9, (r->>10)::bigint, r->>11,
        (r->>12)::date, (r->>13)::public.commission_status
      from jsonb_array_elements(${JSON.stringify(lineRows)}::jsonb) r`);
  }
  return lines;
}

/**
 * Schedules whose lines keep their keys are rewritten in place: the same rows get the new numbers,
 * statuses and trace (no delete, no insert, and with room on the page no index change either).
 */
async function updateSchedules(tx: Tx, planned: Planned[]): Promise<void> {
  for (let i = 0; i < planned.length; i += CHUNK) {
    const chunk = planned.slice(i, i + CHUNK);
    await tx.execute(sql`update public.commission_schedules s set owner_id = x.owner_id, period_start = x.period_start,
        close_date = x.close_date, basis_minor = x.basis_minor, total_minor = x.total_minor, effective_rate = x.effective_rate,
        rate_source = x.rate_source, override_id = x.override_id, trace = x.trace, signature = x.signature
      from jsonb_to_recordset(${schedulePayload(chunk)}::jsonb) as ${SCHEDULE_RECORD}
      where s.id = x.id`);
    const lineRows = chunk.flatMap((p) =>
      p.schedule.lines.map((l) => [l.key, p.deal.owner_id, l.label, l.amountMinor, l.dueDate, p.status]),
    );
    if (lineRows.length === 0) continue;
    await tx.execute(sql`update public.commission_lines l set owner_id = (r->>1)::uuid, label = r->>2,
        amount_minor = (r->>3)::bigint, due_date = (r->>4)::date, status = (r->>5)::public.commission_status
      from jsonb_array_elements(${JSON.stringify(lineRows)}::jsonb) r
      where l.line_key = r->>0 and (l.owner_id, l.label, l.amount_minor, l.due_date, l.status)
        is distinct from ((r->>1)::uuid, r->>2, (r->>3)::bigint, (r->>4)::date, (r->>5)::public.commission_status)`);
  }
}

export type StoredLine = CommissionLine & { id: string; scheduleId: string };

/** Lines past forecast, as the clawback rule reads them, of one schedule or of a whole deal. */
export function linesToClaw(tx: Tx, where: { scheduleId: string } | { opportunityId: string }): Promise<StoredLine[]> {
  const filter = "scheduleId" in where ? sql`l.schedule_id = ${where.scheduleId}` : sql`l.opportunity_id = ${where.opportunityId}`;
  return rows<StoredLine>(
    tx,
    sql`select l.id, l.schedule_id as "scheduleId", l.line_key as key, l.opportunity_id as "dealId",
        l.agreement_version_id as "agreementVersionId", l.direction, l.kind, l.label, l.amount_minor::float8 as "amountMinor",
        l.currency, l.due_date::text as "dueDate", c.line_key as "clawbackOf"
      from public.commission_lines l left join public.commission_lines c on c.id = l.clawback_of
      where ${filter} and l.status <> 'forecast'`,
  );
}

/** Full clawback of a frozen schedule whose deal was lost after approval; returns the lines added. */
async function clawBackSchedule(tx: Tx, scheduleId: string, date: string): Promise<number> {
  return appendClawbacks(tx, scheduleId, await linesToClaw(tx, { scheduleId }), "1", date);
}

/** Appends negative lines reversing `share` of each line, linked to the originals; nothing is edited. */
export async function appendClawbacks(
  tx: Tx,
  scheduleId: string,
  stored: (CommissionLine & { id: string })[],
  share: string,
  date: string,
): Promise<number> {
  const added = clawback(stored, { refundedShare: share, date });
  const idByKey = new Map(stored.map((l) => [l.key, l.id]));
  for (const line of added) {
    await tx.execute(sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id,
        agreement_version_id, partner_id, owner_id, direction, kind, label, amount_minor, currency, due_date, status, clawback_of)
      select ${line.key}, o.schedule_id, o.opportunity_id, o.agreement_id, o.agreement_version_id, o.partner_id, o.owner_id,
        o.direction, 'clawback', ${line.label}, ${line.amountMinor}, o.currency, ${line.dueDate}::date, 'earned', o.id
      from public.commission_lines o where o.id = ${idByKey.get(line.clawbackOf!)!} and o.schedule_id = ${scheduleId}`);
  }
  return added.length;
}

/**
 * Recomputes the commission schedules of the deals in scope (and of the deals sharing a period with them
 * under period-dependent agreements) in the caller's transaction, which must be allowed to write
 * schedules and lines (a system step). Configuration problems are reported, not thrown.
 */
export async function recalculateCommissions(
  tx: Tx,
  scope: RecalculationScope,
  options: { fx?: FxRate[]; today?: string; onPhase?: (phase: string, ms: number) => void } = {},
): Promise<RecalculationReport> {
  const report: RecalculationReport = { deals: 0, written: 0, inPlace: 0, removed: 0, unchanged: 0, frozen: 0, lines: 0, clawbacks: 0, issues: [] };
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    options.onPhase?.(name, now - mark);
    mark = now;
  };
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  let deals = await loadDeals(tx, scope);
  if (deals.length === 0) return report;
  const partnerIds =
    scope === "all"
      ? ("all" as const)
      : new Set(deals.flatMap((d) => [d.isv_partner_id, d.referring_partner_id].filter((x): x is string => x !== null)));
  const byPartner = await loadAgreements(tx, partnerIds);
  let stored = await loadStored(tx, scope === "all" ? "all" : deals.map((d) => d.id));
  if (scope !== "all") {
    const before = deals.length;
    deals = await expandPeriods(tx, deals, stored, byPartner);
    if (deals.length > before) stored = await loadStored(tx, deals.map((d) => d.id));
  }
  report.deals = deals.length;
  const overrides = await loadOverrides(tx, scope === "all" ? "all" : deals.map((d) => d.id));
  const fx = options.fx ?? (await loadFx(tx));
  phase("load");

  const storedByKey = new Map(stored.map((s) => [`${s.opportunity_id}|${s.agreement_id}`, s]));
  const keep = new Set<string>();
  const planned: Planned[] = [];
  const updated: Planned[] = [];
  const volume = new Map<string, { basis: number; commission: number }>();
  const sorted = [...deals].sort((a, b) => (a.close_date < b.close_date ? -1 : a.close_date > b.close_date ? 1 : a.id < b.id ? -1 : 1));

  for (const deal of sorted) {
    for (const set of agreementsOf(deal, byPartner)) {
      const key = `${deal.id}|${set.agreementId}`;
      const existing = storedByKey.get(key);
      const start = periodOf(set, deal.close_date);
      const accumulated = volume.get(`${set.agreementId}|${start}`) ?? { basis: 0, commission: 0 };
      if (existing?.frozen) {
        keep.add(existing.id);
        report.frozen += 1;
        if (deal.is_lost) report.clawbacks += await clawBackSchedule(tx, existing.id, today);
        else if (set.periodic) {
          volume.set(`${set.agreementId}|${existing.period_start}`, {
            basis: accumulated.basis + Number(existing.basis_minor),
            commission: accumulated.commission + Number(existing.total_minor),
          });
        }
        continue;
      }
      if (deal.is_lost) continue;
      const override = overrides.get(key);
      try {
        const result = calculateSchedule({
          deal: {
            id: deal.id,
            valueMinor: Number(deal.value_minor),
            currency: deal.currency,
            closeDate: deal.close_date,
            customerName: deal.customer_name,
            customerDomain: deal.contact_email?.split("@")[1],
          },
          versions: set.versions,
          fx,
          period: { volumeBeforeMinor: accumulated.basis, commissionBeforeMinor: accumulated.commission },
          override: override ? { rate: override.rate, reason: override.reason, approved: true } : undefined,
        });
        if (isExcluded(result)) {
          report.issues.push({ opportunityId: deal.id, agreementId: set.agreementId, reason: result.reason });
          continue;
        }
        if (set.periodic) {
          volume.set(`${set.agreementId}|${start}`, {
            basis: accumulated.basis + result.basisMinor,
            commission: accumulated.commission + result.totalMinor,
          });
        }
        const base = {
          deal,
          set,
          periodStart: start,
          schedule: result,
          status: deal.is_won ? ("earned" as const) : ("forecast" as const),
          overrideId: override?.id ?? null,
        };
        const signature = signatureOf(base);
        if (existing && existing.signature === signature) {
          keep.add(existing.id);
          report.unchanged += 1;
          continue;
        }
        if (existing && shapeOf(existing.signature) === shapeOf(signature)) {
          keep.add(existing.id);
          updated.push({ ...base, id: existing.id, signature });
        } else planned.push({ ...base, id: randomUUID(), signature });
      } catch (error) {
        if (!(error instanceof CommissionRuleError)) throw error;
        report.issues.push({ opportunityId: deal.id, agreementId: set.agreementId, reason: error.code });
      }
    }
  }

  phase("compute");
  const stale = stored.filter((s) => !keep.has(s.id)).map((s) => s.id);
  for (let i = 0; i < stale.length; i += 10_000) {
    await tx.execute(sql`delete from public.commission_schedules where id = any(${uuidArray(stale.slice(i, i + 10_000))}::uuid[])`);
  }
  report.removed = stale.length;
  phase("delete");
  await updateSchedules(tx, updated);
  phase("update");
  report.lines = await insertSchedules(tx, planned);
  report.written = planned.length + updated.length;
  report.inPlace = updated.length;
  phase("insert");
  return report;
}
