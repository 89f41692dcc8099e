"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction, defineJobAction, type ActionResult } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { isStripePayoutsConfigured } from "@/lib/payments/payouts";
import { batchIdSchema, createBatchSchema, markPaidExternallySchema, payoutIdSchema } from "./schemas";
import { buildStatements } from "./statements";
import { recordPaidExternally } from "./transitions";
import { insertBatch, PayoutStateError, retryPayout, triggerBatch, type TriggerResult } from "./trigger";

function refresh() {
  revalidatePath("/payouts");
  revalidatePath("/portal/earnings");
}

/** Finance and the VP see every batch; anyone else gets a not-found. */
async function batchStatusOrThrow(tx: Tx, batchId: string): Promise<string> {
  const [batch] = await rows<{ status: string }>(
    tx,
    sql`select status::text as status from public.payout_batches where id = ${batchId}`,
  );
  if (!batch) throw new ActionError(404, "Payout batch not found");
  return batch.status;
}

// Finance holds no write grant on batches and payouts: state changes are the payouts jobs below, run
// after finance's own transaction has authorized them (each job re-checks the state it moves from).
export const createBatchAction = defineJobAction({
  roles: ["finance"],
  schema: createBatchSchema,
  handler: async (input) => input,
  job: "payouts.create-batch",
  run: async (sys, { periodStart, periodEnd, note }, { user }) => {
    const built = await buildStatements(sys, { periodEnd }, { stripeConfigured: isStripePayoutsConfigured() });
    const batchId = built.statements.length
      ? await insertBatch(sys, { periodStart, periodEnd, note: note || null, createdBy: user.id }, built.statements)
      : null;
    refresh();
    return { batchId, ...built };
  },
});

export const confirmBatchAction = defineJobAction({
  roles: ["finance"],
  schema: batchIdSchema,
  handler: async ({ batchId }, { tx }) => {
    await batchStatusOrThrow(tx, batchId);
    return { batchId };
  },
  job: "payouts.confirm-batch",
  run: async (sys, { batchId }, { user }) => {
    const done = await rows<{ id: string }>(
      sys,
      sql`update public.payout_batches set status = 'confirmed', confirmed_by = ${user.id}, confirmed_at = now()
          where id = ${batchId} and status = 'draft' returning id`,
    );
    if (!done.length) throw new ActionError(409, "Only a draft batch can be confirmed");
    refresh();
    return { batchId };
  },
});

export const cancelBatchAction = defineJobAction({
  roles: ["finance"],
  schema: batchIdSchema,
  handler: async ({ batchId }, { tx }) => {
    await batchStatusOrThrow(tx, batchId);
    return { batchId };
  },
  job: "payouts.cancel-batch",
  run: async (sys, { batchId }) => {
    const done = await rows<{ id: string }>(
      sys,
      sql`update public.payout_batches set status = 'cancelled' where id = ${batchId} and status in ('draft', 'confirmed') returning id`,
    );
    if (!done.length) throw new ActionError(409, "Only a draft or confirmed batch can be cancelled");
    await sys.execute(sql`update public.payout_items set released_at = now()
      where released_at is null and payout_id in (select id from public.payouts where batch_id = ${batchId})`);
    const payouts = await rows<{ id: string }>(
      sys,
      sql`update public.payouts set status = 'cancelled' where batch_id = ${batchId} and status = 'pending' returning id`,
    );
    refresh();
    return { batchId, cancelledPayouts: payouts.length };
  },
});

const authorizeBatchTrigger = defineAction({
  roles: ["finance"],
  schema: batchIdSchema,
  handler: async ({ batchId }, { tx, user }) => {
    const status = await batchStatusOrThrow(tx, batchId);
    if (!["confirmed", "processing", "completed"].includes(status))
      throw new ActionError(409, "Confirm the batch before triggering it");
    return { batchId, actorId: user.id };
  },
});

const authorizeRetry = defineAction({
  roles: ["finance"],
  schema: payoutIdSchema,
  handler: async ({ payoutId }, { tx, user }) => {
    const [payout] = await rows<{ status: string }>(
      tx,
      sql`select status::text as status from public.payouts where id = ${payoutId}`,
    );
    if (!payout) throw new ActionError(404, "Payout not found");
    if (payout.status !== "failed") throw new ActionError(409, "Only a failed payout can be retried");
    return { payoutId, actorId: user.id };
  },
});

/** The transfer must not run inside a database transaction, so the work starts after authorization commits. */
async function runAfter<T>(
  auth: ActionResult<T>,
  work: (data: T) => Promise<TriggerResult>,
): Promise<ActionResult<TriggerResult>> {
  if (!auth.ok) return auth;
  try {
    const data = await work(auth.data);
    refresh();
    return { ok: true, data };
  } catch (error) {
    if (error instanceof PayoutStateError) return { ok: false, status: 409, error: error.message };
    console.error("[payouts] trigger failed", error);
    return {
      ok: false,
      status: 500,
      error: "Something went wrong while sending payouts. Triggering again is safe.",
    };
  }
}

export async function triggerBatchAction(
  input: FormData | { batchId: string },
): Promise<ActionResult<TriggerResult>> {
  return runAfter(await authorizeBatchTrigger(input), ({ batchId, actorId }) =>
    triggerBatch(batchId, { actorId }),
  );
}

export async function retryPayoutAction(
  input: FormData | { payoutId: string },
): Promise<ActionResult<TriggerResult>> {
  return runAfter(await authorizeRetry(input), ({ payoutId, actorId }) => retryPayout(payoutId, { actorId }));
}

export const markPaidExternallyAction = defineJobAction({
  roles: ["finance"],
  schema: markPaidExternallySchema,
  handler: async ({ payoutId, reference }, { tx }) => {
    const [visible] = await rows<{ id: string }>(tx, sql`select id from public.payouts where id = ${payoutId}`);
    if (!visible) throw new ActionError(404, "Payout not found");
    return { payoutId, reference };
  },
  job: "payouts.mark-paid",
  run: async (sys, { payoutId, reference }, { user }) => {
    const outcome = await recordPaidExternally(sys, payoutId, reference, user.id);
    if (outcome === "conflict")
      throw new ActionError(409, "Only a pending or failed payout can be marked as paid externally");
    refresh();
    return { payoutId };
  },
});
