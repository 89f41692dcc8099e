import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { minorToAmount } from "@/lib/money";
import { toCsv } from "@/lib/csv/parse";

export interface ReportPeriod {
  /** Inclusive ISO dates. */
  from: string;
  to: string;
}

export interface ReconciliationPayout {
  payoutId: string;
  batchId: string;
  batchPeriod: string;
  batchStatus: string;
  partnerId: string;
  partnerName: string;
  currency: string;
  status: string;
  mode: string | null;
  stripeTransferId: string | null;
  externalReference: string | null;
  failureReason: string | null;
  amountMinor: number;
  /** Sum of the live (unreleased) lines the payout settles. */
  itemsMinor: number;
  /** Money that left us for this payout according to the ledger. */
  ledgerPaidMinor: number;
  /** Money in transit for this payout according to the ledger. */
  ledgerInTransitMinor: number;
  /** What the ledger should show for the payout's status minus what it shows; 0 when reconciled. */
  differenceMinor: number;
}

export interface PartnerTotals {
  partnerId: string;
  partnerName: string;
  currency: string;
  approvedMinor: number;
  paidMinor: number;
  inFlightMinor: number;
  failedMinor: number;
  reversedMinor: number;
  /** partner_payable balance at the end of the period: approved and not yet paid out. */
  owedMinor: number;
}

/**
 * What the ledger should hold for a payout in a given status: a paid payout has left as cash, a sent
 * one is in transit, anything else (pending, failed, reversed, cancelled) has neither.
 */
export function expectedLedger(status: string, amountMinor: number): { paidMinor: number; inTransitMinor: number } {
  if (status === "paid") return { paidMinor: amountMinor, inTransitMinor: 0 };
  if (status === "sent") return { paidMinor: 0, inTransitMinor: amountMinor };
  return { paidMinor: 0, inTransitMinor: 0 };
}

/** Payouts of the batches whose period ends in the report period (or of one batch), each reconciled with the ledger. */
export async function listReconciliationPayouts(tx: Tx, filter: ReportPeriod & { batchId?: string | null }): Promise<ReconciliationPayout[]> {
  const where: SQL = filter.batchId ? sql`b.id = ${filter.batchId}` : sql`b.period_end between ${filter.from}::date and ${filter.to}::date`;
  const found = await rows<Record<string, string | null>>(
    tx,
    sql`select p.id as "payoutId", b.id as "batchId", b.period_start::text || ' – ' || b.period_end::text as "batchPeriod",
        b.status::text as "batchStatus", p.partner_id as "partnerId", pa.name as "partnerName", p.currency, p.status::text as status,
        p.mode::text as mode, p.stripe_transfer_id as "stripeTransferId", p.external_reference as "externalReference",
        p.failure_reason as "failureReason", p.amount_minor::text as "amountMinor",
        (select coalesce(sum(i.amount_minor), 0) from public.payout_items i where i.payout_id = p.id and i.released_at is null)::text as "itemsMinor",
        (select coalesce(sum(e.amount_minor), 0) from public.ledger_entries e where e.payout_id = p.id and e.account = 'cash')::text as "cashMinor",
        (select coalesce(sum(e.amount_minor), 0) from public.ledger_entries e where e.payout_id = p.id and e.account = 'payouts_in_transit')::text as "transitMinor"
      from public.payouts p
        join public.payout_batches b on b.id = p.batch_id
        join public.partners pa on pa.id = p.partner_id
      where ${where}
      order by b.period_end desc, b.created_at desc, pa.name, p.currency`,
  );
  return found.map((r) => {
    const amountMinor = Number(r.amountMinor);
    // Cash is credited when money leaves us; in transit holds the transfer's amount until it settles,
    // whichever side the clearing account is posted on.
    const ledgerPaidMinor = 0 - Number(r.cashMinor) || 0;
    const ledgerInTransitMinor = Math.abs(Number(r.transitMinor));
    const expected = expectedLedger(r.status!, amountMinor);
    return {
      payoutId: r.payoutId!,
      batchId: r.batchId!,
      batchPeriod: r.batchPeriod!,
      batchStatus: r.batchStatus!,
      partnerId: r.partnerId!,
      partnerName: r.partnerName!,
      currency: r.currency!,
      status: r.status!,
      mode: r.mode ?? null,
      stripeTransferId: r.stripeTransferId ?? null,
      externalReference: r.externalReference ?? null,
      failureReason: r.failureReason ?? null,
      amountMinor,
      itemsMinor: Number(r.itemsMinor),
      ledgerPaidMinor,
      ledgerInTransitMinor,
      differenceMinor: expected.paidMinor - ledgerPaidMinor + (expected.inTransitMinor - ledgerInTransitMinor),
    };
  });
}

/** Per partner and currency: approved in the period (ledger), paid/in flight/failed/reversed (payouts), still owed at the end. */
export async function listPartnerTotals(tx: Tx, period: ReportPeriod): Promise<PartnerTotals[]> {
  const found = await rows<Record<string, string>>(
    tx,
    sql`with approved as (
        select partner_id, currency, sum(amount_minor) as minor from public.ledger_entries
        where account = 'commission_expense' and kind in ('line_approved', 'clawback_approved')
          and occurred_at >= ${period.from}::date and occurred_at < ${period.to}::date + 1
        group by partner_id, currency
      ), owed as (
        select partner_id, currency, -sum(amount_minor) as minor from public.ledger_entries
        where account = 'partner_payable' and occurred_at < ${period.to}::date + 1
        group by partner_id, currency
      ), paid as (
        select p.partner_id, p.currency,
          sum(p.amount_minor) filter (where p.status = 'paid') as paid,
          sum(p.amount_minor) filter (where p.status in ('pending', 'processing', 'sent')) as in_flight,
          sum(p.amount_minor) filter (where p.status = 'failed') as failed,
          sum(p.amount_minor) filter (where p.status = 'reversed') as reversed
        from public.payouts p join public.payout_batches b on b.id = p.batch_id
        where b.period_end between ${period.from}::date and ${period.to}::date
        group by p.partner_id, p.currency
      ), keys as (
        select partner_id, currency from approved union select partner_id, currency from paid
        union select partner_id, currency from owed where minor <> 0
      )
      select k.partner_id as "partnerId", pa.name as "partnerName", k.currency,
        coalesce(a.minor, 0)::text as "approvedMinor", coalesce(pd.paid, 0)::text as "paidMinor",
        coalesce(pd.in_flight, 0)::text as "inFlightMinor", coalesce(pd.failed, 0)::text as "failedMinor",
        coalesce(pd.reversed, 0)::text as "reversedMinor", coalesce(o.minor, 0)::text as "owedMinor"
      from keys k join public.partners pa on pa.id = k.partner_id
        left join approved a on a.partner_id = k.partner_id and a.currency = k.currency
        left join paid pd on pd.partner_id = k.partner_id and pd.currency = k.currency
        left join owed o on o.partner_id = k.partner_id and o.currency = k.currency
      order by pa.name, k.currency`,
  );
  return found.map((r) => ({
    partnerId: r.partnerId!,
    partnerName: r.partnerName!,
    currency: r.currency!,
    approvedMinor: Number(r.approvedMinor),
    paidMinor: Number(r.paidMinor),
    inFlightMinor: Number(r.inFlightMinor),
    failedMinor: Number(r.failedMinor),
    reversedMinor: Number(r.reversedMinor),
    owedMinor: Number(r.owedMinor),
  }));
}

export interface LedgerRow {
  occurredAt: string;
  journalId: string;
  kind: string;
  account: string;
  partnerName: string;
  currency: string;
  amountMinor: number;
  reference: string | null;
}

/** Ledger entries of a period in posting order, with the best reference each has (Stripe id, external reference, line). */
export async function listLedgerEntries(tx: Tx, period: ReportPeriod): Promise<LedgerRow[]> {
  const found = await rows<Record<string, string | null>>(
    tx,
    sql`select e.occurred_at::text as "occurredAt", e.journal_id as "journalId", e.kind, e.account, pa.name as "partnerName",
        e.currency, e.amount_minor::text as "amountMinor",
        coalesce(e.reference, p.stripe_transfer_id, p.external_reference, l.line_key) as reference
      from public.ledger_entries e
        join public.partners pa on pa.id = e.partner_id
        left join public.payouts p on p.id = e.payout_id
        left join public.commission_lines l on l.id = e.commission_line_id
      where e.occurred_at >= ${period.from}::date and e.occurred_at < ${period.to}::date + 1
      order by e.id
      limit 100000`,
  );
  return found.map((r) => ({
    occurredAt: r.occurredAt!,
    journalId: r.journalId!,
    kind: r.kind!,
    account: r.account!,
    partnerName: r.partnerName!,
    currency: r.currency!,
    amountMinor: Number(r.amountMinor),
    reference: r.reference ?? null,
  }));
}

export const LEDGER_CSV_COLUMNS = ["date", "journal", "kind", "account", "partner", "currency", "debit", "credit", "reference"] as const;

/** Ledger entries for accounting: debit and credit columns in major units; formula-like text is neutralised. */
export function ledgerCsv(entries: readonly LedgerRow[]): string {
  return toCsv(
    LEDGER_CSV_COLUMNS,
    entries.map((e) => [
      e.occurredAt.slice(0, 10),
      e.journalId,
      e.kind,
      e.account,
      e.partnerName,
      e.currency,
      e.amountMinor > 0 ? minorToAmount(e.amountMinor, e.currency) : "",
      e.amountMinor < 0 ? minorToAmount(-e.amountMinor, e.currency) : "",
      e.reference,
    ]),
  );
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** The report period from the URL: `from`/`to` ISO dates, else from the start of the previous quarter to today. */
export function parseReportPeriod(search: { from?: string | null; to?: string | null }, today: string): ReportPeriod | { error: string } {
  const quarterMonth = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3;
  const previous = new Date(Date.UTC(Number(today.slice(0, 4)), quarterMonth - 3, 1)).toISOString().slice(0, 10);
  const from = search.from || previous;
  const to = search.to || today;
  if (!ISO.test(from) || !ISO.test(to) || Number.isNaN(Date.parse(from)) || Number.isNaN(Date.parse(to)))
    return { error: "Dates must be YYYY-MM-DD" };
  if (to < from) return { error: "The period ends before it starts" };
  return { from, to };
}
