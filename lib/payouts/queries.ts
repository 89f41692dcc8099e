import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

export interface BatchSummary {
  id: string;
  periodStart: string;
  periodEnd: string;
  status: string;
  note: string | null;
  createdAt: string;
  triggeredAt: string | null;
  payoutCount: number;
  totals: { currency: string; amountMinor: number }[];
  /** Some payout of the batch was recorded without Stripe (no money moved). */
  simulated: boolean;
}

export interface PayoutLine {
  commissionLineId: string;
  opportunityId: string;
  dealName: string;
  label: string;
  kind: string;
  amountMinor: number;
  released: boolean;
}

export interface PayoutDetail {
  id: string;
  partnerId: string;
  partnerName: string;
  currency: string;
  amountMinor: number;
  status: string;
  mode: string | null;
  stripeAccountId: string | null;
  stripeTransferId: string | null;
  externalReference: string | null;
  failureReason: string | null;
  attempts: number;
  sentAt: string | null;
  paidAt: string | null;
  reversedAt: string | null;
  lines: PayoutLine[];
}

export interface BatchDetail extends Omit<BatchSummary, "payoutCount" | "totals" | "simulated"> {
  payouts: PayoutDetail[];
}

export class PayoutBatchNotFoundError extends Error {
  constructor(readonly batchId: string) {
    super("Payout batch not found");
  }
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

/** Newest first; RLS limits them to finance and the VP. */
export async function listBatches(tx: Tx): Promise<BatchSummary[]> {
  const list = await rows<Record<string, unknown>>(
    tx,
    sql`select b.id, b.period_start::text as period_start, b.period_end::text as period_end, b.status::text as status, b.note,
          b.created_at, b.triggered_at,
          (select count(*)::int from public.payouts p where p.batch_id = b.id) as payout_count,
          exists (select 1 from public.payouts p where p.batch_id = b.id and p.mode = 'simulated') as simulated,
          coalesce((select json_agg(json_build_object('currency', t.currency, 'amountMinor', t.amount) order by t.currency)
            from (select currency, sum(amount_minor)::bigint as amount from public.payouts p where p.batch_id = b.id group by currency) t),
            '[]'::json) as totals
        from public.payout_batches b order by b.created_at desc limit 200`,
  );
  return list.map((r) => ({
    id: r.id as string,
    periodStart: r.period_start as string,
    periodEnd: r.period_end as string,
    status: r.status as string,
    note: (r.note as string | null) ?? null,
    createdAt: iso(r.created_at)!,
    triggeredAt: iso(r.triggered_at),
    payoutCount: Number(r.payout_count),
    simulated: Boolean(r.simulated),
    totals: (typeof r.totals === "string"
      ? JSON.parse(r.totals)
      : (r.totals as { currency: string; amountMinor: number }[])
    ).map((t: { currency: string; amountMinor: number }) => ({
      currency: t.currency,
      amountMinor: Number(t.amountMinor),
    })),
  }));
}

async function listPayouts(tx: Tx, where: ReturnType<typeof sql>): Promise<PayoutDetail[]> {
  const payouts = await rows<Record<string, unknown>>(
    tx,
    sql`select p.id, p.partner_id, pa.name as partner_name, p.currency, p.amount_minor, p.status::text as status, p.mode::text as mode,
          p.stripe_account_id, p.stripe_transfer_id, p.external_reference, p.failure_reason, p.attempts, p.sent_at, p.paid_at, p.reversed_at
        from public.payouts p join public.partners pa on pa.id = p.partner_id
        where ${where} order by p.created_at desc, pa.name, p.currency`,
  );
  if (!payouts.length) return [];
  const ids = payouts.map((p) => sql`${p.id as string}::uuid`);
  const items = await rows<Record<string, unknown>>(
    tx,
    sql`select i.payout_id, i.commission_line_id, l.opportunity_id, coalesce(o.customer_name, l.label) as deal_name, l.label,
          l.kind::text as kind, i.amount_minor, i.released_at is not null as released
        from public.payout_items i
        join public.commission_lines l on l.id = i.commission_line_id
        left join public.opportunities o on o.id = l.opportunity_id
        where i.payout_id in (${sql.join(ids, sql`, `)}) order by i.created_at, l.label`,
  );
  return payouts.map((p) => ({
    id: p.id as string,
    partnerId: p.partner_id as string,
    partnerName: p.partner_name as string,
    currency: p.currency as string,
    amountMinor: Number(p.amount_minor),
    status: p.status as string,
    mode: (p.mode as string | null) ?? null,
    stripeAccountId: (p.stripe_account_id as string | null) ?? null,
    stripeTransferId: (p.stripe_transfer_id as string | null) ?? null,
    externalReference: (p.external_reference as string | null) ?? null,
    failureReason: (p.failure_reason as string | null) ?? null,
    attempts: Number(p.attempts),
    sentAt: iso(p.sent_at),
    paidAt: iso(p.paid_at),
    reversedAt: iso(p.reversed_at),
    lines: items
      .filter((i) => i.payout_id === p.id)
      .map((i) => ({
        commissionLineId: i.commission_line_id as string,
        opportunityId: i.opportunity_id as string,
        dealName: i.deal_name as string,
        label: i.label as string,
        kind: i.kind as string,
        amountMinor: Number(i.amount_minor),
        released: Boolean(i.released),
      })),
  }));
}

/** One batch with its statements and their lines; throws PayoutBatchNotFoundError when RLS hides it or it is absent. */
export async function getBatch(tx: Tx, batchId: string): Promise<BatchDetail> {
  const [b] = await rows<Record<string, unknown>>(
    tx,
    sql`select id, period_start::text as period_start, period_end::text as period_end, status::text as status, note, created_at, triggered_at
        from public.payout_batches where id = ${batchId}`,
  );
  if (!b) throw new PayoutBatchNotFoundError(batchId);
  return {
    id: b.id as string,
    periodStart: b.period_start as string,
    periodEnd: b.period_end as string,
    status: b.status as string,
    note: (b.note as string | null) ?? null,
    createdAt: iso(b.created_at)!,
    triggeredAt: iso(b.triggered_at),
    payouts: await listPayouts(tx, sql`p.batch_id = ${batchId}`),
  };
}

/** A partner's payouts, newest first; RLS shows a partner user only its own organisation's. */
export async function listPartnerPayouts(tx: Tx, partnerId: string): Promise<PayoutDetail[]> {
  return listPayouts(tx, sql`p.partner_id = ${partnerId} and p.status <> 'cancelled'`);
}
