import "server-only";
import { sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { withSystem } from "@/lib/db/session";
import { heartbeat, instanceId } from "@/lib/runtime/instance";
import { getPayoutsPort } from "@/lib/payments/payouts";
import type { PayoutsPort, TransferResult } from "@/lib/payments/port";
import { finishBatchIfDone, recordFailed, recordSent } from "./transitions";
import type { Statement } from "./statements";

/**
 * A payout left 'processing' this long is taken to belong to a process that died; the same key resumes it.
 * A claim whose process has stopped heartbeating (private.instance_alive) is resumed without waiting.
 */
export const STALE_PROCESSING_MS = 10 * 60_000;

export function payoutIdempotencyKey(batchId: string, partnerId: string, currency: string): string {
  return `payout:${batchId}:${partnerId}:${currency}`;
}

/** Writes the batch, one pending payout per statement and its items in the caller's transaction. */
export async function insertBatch(
  tx: Tx,
  input: { periodStart: string; periodEnd: string; note?: string | null; createdBy: string | null; origin?: string },
  statements: readonly Statement[],
): Promise<string> {
  const [batch] = await rows<{ id: string }>(
    tx,
    sql`insert into public.payout_batches (period_start, period_end, note, created_by, origin)
        values (${input.periodStart}, ${input.periodEnd}, ${input.note ?? null}, ${input.createdBy}, ${input.origin ?? "manual"}) returning id`,
  );
  const batchId = batch!.id;
  for (const s of statements) {
    const [payout] = await rows<{ id: string }>(
      tx,
      sql`insert into public.payouts (batch_id, partner_id, currency, amount_minor, idempotency_key, stripe_account_id)
          values (${batchId}, ${s.partnerId}, ${s.currency}, ${s.amountMinor}, ${payoutIdempotencyKey(batchId, s.partnerId, s.currency)},
            ${s.stripeAccountId}) returning id`,
    );
    for (const line of s.lines) {
      await tx.execute(sql`insert into public.payout_items (payout_id, commission_line_id, amount_minor)
        values (${payout!.id}, ${line.commissionLineId}, ${line.amountMinor})`);
    }
  }
  return batchId;
}

interface Claimed {
  id: string;
  batch_id: string;
  partner_id: string;
  currency: string;
  amount_minor: string | number;
  idempotency_key: string;
  stripe_account_id: string | null;
}

export interface TriggerOptions {
  actorId: string | null;
  conn?: Connection;
  port?: PayoutsPort;
  staleAfterMs?: number;
  /** The claiming process; defaults to this one. */
  instanceId?: string;
  /** Runs inside each result transaction before it commits (a failing step there rolls the result back). */
  beforeResultCommit?: (payoutId: string) => Promise<void>;
}

export interface TriggerResult {
  sent: number;
  failed: number;
  /** In flight elsewhere, or sent without an answer (resumed under the same key once stale). */
  alreadyProcessing: number;
  /** Set when the batch had already completed: nothing was sent now; how its statements ended. */
  alreadyDone?: { paid: number; failed: number };
}

/** In flight (payouts aliased `p`), but its claimant is gone: the lease ran out, or the claiming process stopped heartbeating. */
function abandoned(staleAfterMs: number) {
  return sql`(p.processing_started_at < now() - make_interval(secs => ${staleAfterMs / 1000})
    or exists (select 1 from private.payout_claims c
      where c.payout_id = p.id and not private.instance_alive(c.instance_id)))`;
}

const claimedColumns = sql`id, batch_id, partner_id, currency, amount_minor, stripe_account_id,
  case when key_generation = 0 then idempotency_key else idempotency_key || ':retry-' || key_generation end as idempotency_key`;

/** The only way a payout becomes 'processing': waiting, stale, or (for a retry) failed; scoped by `scope`. */
function claimUpdate(
  port: PayoutsPort,
  options: TriggerOptions,
  scope: ReturnType<typeof sql>,
  retryFailed: boolean,
) {
  // A failed payout was refused by Stripe (no transfer exists): its retry takes the next key generation and
  // the partner's current account. A payout in flight keeps its key and destination, so Stripe answers a
  // resumed request with the transfer it may already have made.
  return sql`with claimed as (update public.payouts p set status = 'processing', attempts = p.attempts + 1, processing_started_at = now(),
      failure_reason = null, mode = ${port.mode}::public.payout_mode,
      key_generation = p.key_generation + (case when p.status = 'failed' then 1 else 0 end),
      stripe_account_id = case
        when ${port.mode} <> 'stripe' then p.stripe_account_id
        when p.status = 'failed' or p.stripe_account_id is null then (select m.stripe_account_id
          from public.partner_payout_methods m where m.partner_id = p.partner_id and m.payouts_enabled)
        else p.stripe_account_id end
    where ${scope} and (p.status = 'pending'
      or (p.status = 'processing' and ${abandoned(options.staleAfterMs ?? STALE_PROCESSING_MS)})
      or (${retryFailed} and p.status = 'failed'))
    returning ${claimedColumns}),
    noted as (insert into private.payout_claims (payout_id, instance_id) select id, ${options.instanceId ?? instanceId()} from claimed
      on conflict (payout_id) do update set instance_id = excluded.instance_id, claimed_at = now())
    select * from claimed`;
}

/**
 * Claims every waiting payout of a confirmed batch with one conditional update, so of concurrent triggers
 * exactly one gets each payout; the others count it as already processing.
 */
async function claimBatch(
  tx: Tx,
  batchId: string,
  port: PayoutsPort,
  options: TriggerOptions,
): Promise<{ claimed: Claimed[]; busy: number; done?: { paid: number; failed: number } }> {
  const [batch] = await rows<{ status: string }>(
    tx,
    sql`select status::text as status from public.payout_batches where id = ${batchId} for update`,
  );
  if (!batch) throw new PayoutStateError("Payout batch not found");
  // Pressing the button again after everything went out is harmless, and answered as such.
  if (batch.status === "completed") {
    const [done] = await rows<{ paid: number; failed: number }>(
      tx,
      sql`select count(*) filter (where status in ('sent', 'paid'))::int as paid, count(*) filter (where status = 'failed')::int as failed
          from public.payouts where batch_id = ${batchId}`,
    );
    return { claimed: [], busy: 0, done: done! };
  }
  if (!["confirmed", "processing"].includes(batch.status))
    throw new PayoutStateError("Only a confirmed batch can be triggered");
  // Alive before claiming, so a concurrent resume elsewhere leaves these claims alone.
  await heartbeat(tx, options.instanceId ?? instanceId());
  await tx.execute(sql`update public.payout_batches set status = 'processing', triggered_by = coalesce(triggered_by, ${options.actorId}),
      triggered_at = coalesce(triggered_at, now()) where id = ${batchId}`);
  const claimed = await rows<Claimed>(
    tx,
    claimUpdate(port, options, sql`p.batch_id = ${batchId}`, false),
  );
  const [busy] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from public.payouts where batch_id = ${batchId} and status = 'processing'`,
  );
  return { claimed, busy: busy!.n - claimed.length };
}

export class PayoutStateError extends Error {}

/** null when the outcome is unknown (no answer from Stripe): the payout stays 'processing' for the resume job. */
async function send(port: PayoutsPort, payout: Claimed): Promise<TransferResult | null> {
  try {
    return await port.createTransfer({
      amountMinor: Number(payout.amount_minor),
      currency: payout.currency,
      destination: payout.stripe_account_id,
      transferGroup: `batch_${payout.batch_id}`,
      metadata: { payout_id: payout.id, batch_id: payout.batch_id, partner_id: payout.partner_id },
      idempotencyKey: payout.idempotency_key,
    });
  } catch (error) {
    // Marking it failed would invite paying it another way while the transfer may exist; the same key
    // settles it either way.
    console.error("[payouts] transfer outcome unknown", payout.id, error);
    return null;
  }
}

/** The transfer happens outside any transaction; its result is written in a second one. */
async function deliver(
  payout: Claimed,
  port: PayoutsPort,
  options: TriggerOptions,
): Promise<"sent" | "failed" | "skipped" | "unknown"> {
  const result = await send(port, payout);
  if (!result) return "unknown";
  return withSystem(
    "payouts.trigger",
    async (tx) => {
      const changed = result.ok
        ? await recordSent(tx, payout.id, result.transferId)
        : await recordFailed(tx, payout.id, result.reason);
      await finishBatchIfDone(tx, payout.batch_id);
      // A long batch keeps its remaining claims alive.
      await heartbeat(tx, options.instanceId ?? instanceId());
      await options.beforeResultCommit?.(payout.id);
      if (!changed) return "skipped" as const;
      return result.ok ? ("sent" as const) : ("failed" as const);
    },
    options.conn,
  );
}

async function deliverAll(
  claimed: Claimed[],
  port: PayoutsPort,
  options: TriggerOptions,
  busy: number,
): Promise<TriggerResult> {
  const out: TriggerResult = { sent: 0, failed: 0, alreadyProcessing: busy };
  for (const payout of claimed) {
    const outcome = await deliver(payout, port, options);
    if (outcome === "sent") out.sent += 1;
    else if (outcome === "failed") out.failed += 1;
    else if (outcome === "unknown") out.alreadyProcessing += 1;
  }
  return out;
}

export async function triggerBatch(batchId: string, options: TriggerOptions): Promise<TriggerResult> {
  const port = options.port ?? getPayoutsPort();
  const { claimed, busy, done } = await withSystem(
    "payouts.trigger",
    (tx) => claimBatch(tx, batchId, port, options),
    options.conn,
  );
  if (done) return { sent: 0, failed: 0, alreadyProcessing: 0, alreadyDone: done };
  return deliverAll(claimed, port, options, busy);
}

/** Sends a failed payout again under the next key generation (Stripe refused the first, so nothing was made). */
export async function retryPayout(payoutId: string, options: TriggerOptions): Promise<TriggerResult> {
  const port = options.port ?? getPayoutsPort();
  const claimed = await withSystem(
    "payouts.trigger",
    async (tx) => {
      const [batch] = await rows<{ status: string }>(
        tx,
        sql`select b.status::text as status from public.payouts p join public.payout_batches b on b.id = p.batch_id where p.id = ${payoutId}`,
      );
      if (!batch) throw new PayoutStateError("Payout not found");
      if (!["processing", "completed"].includes(batch.status))
        throw new PayoutStateError("Only a payout of a triggered batch can be retried");
      await heartbeat(tx, options.instanceId ?? instanceId());
      const got = await rows<Claimed>(tx, claimUpdate(port, options, sql`p.id = ${payoutId}`, true));
      if (got.length)
        await tx.execute(
          sql`update public.payout_batches set status = 'processing' where id = ${got[0]!.batch_id}`,
        );
      return got;
    },
    options.conn,
  );
  return deliverAll(claimed, port, options, claimed.length ? 0 : 1);
}

/**
 * Resumes payouts a dead process left in flight (lease run out, or claimant no longer heartbeating): each such
 * batch is triggered again, and the same idempotency key makes Stripe answer with the first transfer.
 */
export async function resumeStalePayouts(
  options: Omit<TriggerOptions, "actorId"> = {},
): Promise<TriggerResult & { batches: number }> {
  const staleAfterMs = options.staleAfterMs ?? STALE_PROCESSING_MS;
  const batches = await withSystem(
    "payouts.resume",
    (tx) =>
      rows<{ batch_id: string }>(
        tx,
        sql`select distinct p.batch_id from public.payouts p where p.status = 'processing' and ${abandoned(staleAfterMs)}`,
      ),
    options.conn,
  );
  const total = { sent: 0, failed: 0, alreadyProcessing: 0, batches: batches.length };
  for (const { batch_id } of batches) {
    const result = await triggerBatch(batch_id, { ...options, actorId: null, staleAfterMs });
    total.sent += result.sent;
    total.failed += result.failed;
    total.alreadyProcessing += result.alreadyProcessing;
  }
  return total;
}
