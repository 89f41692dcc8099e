import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { postJournal, transfer } from "./ledger";
import { queuePayoutFailedEmails, queuePayoutSentEmails } from "./notify";

export interface PayoutRow {
  id: string;
  batch_id: string;
  partner_id: string;
  currency: string;
  amount_minor: string | number;
  status: string;
  idempotency_key: string;
  stripe_account_id: string | null;
  stripe_transfer_id: string | null;
  attempts: number;
  mode: string | null;
}

const forEmail = (p: PayoutRow) => ({
  id: p.id,
  partnerId: p.partner_id,
  currency: p.currency,
  amountMinor: Number(p.amount_minor),
  attempts: p.attempts,
});

/** Locks a payout row for a transition; null when it does not exist. */
export async function lockPayout(tx: Tx, payoutId: string): Promise<PayoutRow | null> {
  const [row] = await rows<PayoutRow>(
    tx,
    sql`select id, batch_id, partner_id, currency, amount_minor, status::text as status, idempotency_key, stripe_account_id,
          stripe_transfer_id, attempts, mode::text as mode
        from public.payouts where id = ${payoutId} for update`,
  );
  return row ?? null;
}

async function setLivePayoutLines(
  tx: Tx,
  payoutId: string,
  from: "approved" | "paid",
  to: "approved" | "paid",
) {
  await tx.execute(sql`update public.commission_lines set status = ${to}::public.commission_status
    where status = ${from}::public.commission_status
      and id in (select commission_line_id from public.payout_items where payout_id = ${payoutId} and released_at is null)`);
}

/**
 * Records a transfer Stripe (or the simulator) made: sent, its lines paid, the payable moved in transit.
 * A simulated transfer has no bank behind it to settle it later, so it is settled at once (simulated paid)
 * and its email says no money moved. Only a payout not yet sent moves, so a late result after a webhook
 * already recorded it changes nothing.
 */
export async function recordSent(tx: Tx, payoutId: string, transferId: string): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || !["pending", "processing", "failed"].includes(payout.status)) return false;
  await tx.execute(sql`update public.payouts set status = 'sent', stripe_transfer_id = ${transferId}, sent_at = now(),
      failure_reason = null, processing_started_at = null where id = ${payoutId}`);
  await setLivePayoutLines(tx, payoutId, "approved", "paid");
  await postJournal(tx, {
    kind: "payout_sent",
    partnerId: payout.partner_id,
    currency: payout.currency,
    legs: transfer("payouts_in_transit", "partner_payable", Number(payout.amount_minor)),
    payoutId,
    reference: transferId,
  });
  const simulated = payout.mode === "simulated";
  if (simulated) await settle(tx, payout, transferId);
  await queuePayoutSentEmails(tx, forEmail(payout), { simulated });
  return true;
}

/** A transfer that did not happen: nothing moved in the ledger, the lines stay in the payout for a retry. */
export async function recordFailed(tx: Tx, payoutId: string, reason: string): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || payout.status !== "processing") return false;
  await tx.execute(sql`update public.payouts set status = 'failed', failure_reason = ${reason.slice(0, 500)}, failed_at = now(),
      processing_started_at = null where id = ${payoutId}`);
  await queuePayoutFailedEmails(tx, forEmail(payout), reason);
  return true;
}

/** A reversed transfer: the payable comes back, the lines are payable again and free for a later batch. */
export async function reversePayout(tx: Tx, payoutId: string, reference: string | null): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || !["sent", "paid"].includes(payout.status)) return false;
  await setLivePayoutLines(tx, payoutId, "paid", "approved");
  await tx.execute(
    sql`update public.payout_items set released_at = now() where payout_id = ${payoutId} and released_at is null`,
  );
  await tx.execute(
    sql`update public.payouts set status = 'reversed', reversed_at = now() where id = ${payoutId}`,
  );
  const amountMinor = Number(payout.amount_minor);
  await postJournal(tx, {
    kind: "payout_reversed",
    partnerId: payout.partner_id,
    currency: payout.currency,
    legs:
      payout.status === "sent"
        ? transfer("partner_payable", "payouts_in_transit", amountMinor)
        : transfer("partner_payable", "cash", amountMinor),
    payoutId,
    reference,
  });
  return true;
}

async function settle(tx: Tx, payout: PayoutRow, reference: string | null): Promise<void> {
  await tx.execute(sql`update public.payouts set status = 'paid', paid_at = now() where id = ${payout.id}`);
  await postJournal(tx, {
    kind: "payout_settled",
    partnerId: payout.partner_id,
    currency: payout.currency,
    legs: transfer("cash", "payouts_in_transit", Number(payout.amount_minor)),
    payoutId: payout.id,
    reference,
  });
}

/** The money reached the partner: in transit becomes cash. */
export async function recordSettled(tx: Tx, payoutId: string, reference: string | null): Promise<boolean> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout || payout.status !== "sent") return false;
  await settle(tx, payout, reference);
  return true;
}

/** Finance paid this statement another way: the payable is settled in cash and the lines are paid. */
export async function recordPaidExternally(
  tx: Tx,
  payoutId: string,
  reference: string,
  actorId: string,
): Promise<"paid" | "not_found" | "conflict"> {
  const payout = await lockPayout(tx, payoutId);
  if (!payout) return "not_found";
  if (!["pending", "failed"].includes(payout.status)) return "conflict";
  await tx.execute(sql`update public.payouts set status = 'paid', mode = 'external', external_reference = ${reference}, paid_at = now(),
      failure_reason = null, processing_started_at = null where id = ${payoutId}`);
  await setLivePayoutLines(tx, payoutId, "approved", "paid");
  await postJournal(tx, {
    kind: "payout_paid_externally",
    partnerId: payout.partner_id,
    currency: payout.currency,
    legs: transfer("cash", "partner_payable", Number(payout.amount_minor)),
    payoutId,
    reference,
    createdBy: actorId,
  });
  await finishBatchIfDone(tx, payout.batch_id);
  return "paid";
}

/** processing → completed once no payout of the batch is waiting or in flight. */
export async function finishBatchIfDone(tx: Tx, batchId: string): Promise<void> {
  await tx.execute(sql`update public.payout_batches set status = 'completed'
    where id = ${batchId} and status = 'processing'
      and not exists (select 1 from public.payouts where batch_id = ${batchId} and status in ('pending', 'processing'))`);
}
