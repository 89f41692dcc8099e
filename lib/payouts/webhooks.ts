import "server-only";
import { sql } from "drizzle-orm";
import type Stripe from "stripe";
import { z } from "zod";
import type { Connection, Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { withSystem } from "@/lib/db/session";
import { findUnsafeText } from "@/lib/http/text";
import { constructStripeEvent } from "@/lib/payments/stripe";
import { finishBatchIfDone, recordSent, recordSettled, reversePayout } from "./transitions";

export const HANDLED_EVENTS = new Set([
  "transfer.created",
  "transfer.updated",
  "transfer.reversed",
  "payout.paid",
  "payout.failed",
  "account.updated",
]);

export type WebhookOutcome =
  | { status: 200; received: true; duplicate: boolean; outcome: string }
  | { status: 400 | 503; title: string; detail: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Finds the payout a transfer belongs to: by its id, or by our metadata when the sent result is not recorded yet. */
async function payoutOfTransfer(tx: Tx, transfer: Stripe.Transfer): Promise<string | null> {
  const [byId] = await rows<{ id: string }>(
    tx,
    sql`select id from public.payouts where stripe_transfer_id = ${transfer.id}`,
  );
  if (byId) return byId.id;
  const payoutId = transfer.metadata?.payout_id;
  if (!payoutId || !UUID.test(payoutId)) return null;
  const [byMeta] = await rows<{ id: string }>(
    tx,
    sql`select id from public.payouts where id = ${payoutId} and (stripe_transfer_id is null or stripe_transfer_id = ${transfer.id})`,
  );
  return byMeta?.id ?? null;
}

async function onTransfer(tx: Tx, event: Stripe.Event): Promise<string> {
  const transfer = event.data.object as Stripe.Transfer;
  const payoutId = await payoutOfTransfer(tx, transfer);
  if (!payoutId) return "unmatched";
  // A reversal may arrive before the trigger wrote its result: record the transfer first, then undo it.
  const recorded = await recordSent(tx, payoutId, transfer.id);
  const reversed = event.type === "transfer.reversed" && (await reversePayout(tx, payoutId, transfer.id));
  const [payout] = await rows<{ batch_id: string }>(
    tx,
    sql`select batch_id from public.payouts where id = ${payoutId}`,
  );
  await finishBatchIfDone(tx, payout!.batch_id);
  if (event.type === "transfer.reversed") return reversed ? "reversed" : "noop";
  return recorded ? "sent" : "noop";
}

async function onAccountUpdated(tx: Tx, event: Stripe.Event): Promise<string> {
  const account = event.data.object as Stripe.Account;
  const updated = await rows<{ partner_id: string }>(
    tx,
    sql`update public.partner_payout_methods set payouts_enabled = ${Boolean(account.payouts_enabled)}, updated_at = now()
        where stripe_account_id = ${account.id} returning partner_id`,
  );
  return updated.length ? "account_updated" : "unmatched";
}

/**
 * A connected account's bank payout was paid: our transfers to that account sent before the payout was
 * created have reached the partner, so they settle.
 */
async function onPayoutPaid(tx: Tx, event: Stripe.Event): Promise<string> {
  const payout = event.data.object as Stripe.Payout;
  if (!event.account) return "unmatched";
  const due = await rows<{ id: string }>(
    tx,
    sql`select id from public.payouts where stripe_account_id = ${event.account} and status = 'sent'
          and sent_at <= to_timestamp(${payout.created}) order by sent_at`,
  );
  let settled = 0;
  for (const { id } of due) if (await recordSettled(tx, id, payout.id)) settled += 1;
  return settled ? `settled:${settled}` : "unmatched";
}

async function dispatch(tx: Tx, event: Stripe.Event): Promise<string> {
  if (event.type.startsWith("transfer.")) return onTransfer(tx, event);
  if (event.type === "account.updated") return onAccountUpdated(tx, event);
  if (event.type === "payout.paid") return onPayoutPaid(tx, event);
  // A failed bank payout leaves the money in the partner's Stripe balance: nothing moves on our side.
  return "recorded";
}

/** Stores the event once (its id is the key) and processes it only when this delivery stored it. */
export async function processStripeEvent(
  event: Stripe.Event,
  conn?: Connection,
): Promise<{ duplicate: boolean; outcome: string }> {
  return withSystem(
    "payouts.webhook",
    async (tx) => {
      const inserted = await rows<{ id: string }>(
        tx,
        sql`insert into public.stripe_events (id, type, account, created_at_stripe, payload)
            values (${event.id}, ${event.type}, ${event.account ?? null}, to_timestamp(${event.created}), ${JSON.stringify(event)}::jsonb)
            on conflict (id) do nothing returning id`,
      );
      if (!inserted.length) return { duplicate: true, outcome: "duplicate" };
      const outcome = await dispatch(tx, event);
      await tx.execute(
        sql`update public.stripe_events set processed_at = now(), outcome = ${outcome} where id = ${event.id}`,
      );
      return { duplicate: false, outcome };
    },
    conn,
  );
}

/** Stripe's own limit for a signature's age; a signature dated further ahead than this is refused too. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const storable = (max: number) => z.string().min(1).max(max);

/** The fields every handled event is read by; anything else in the payload is stored as it came. */
const eventShape = z.object({
  id: storable(255),
  type: storable(255),
  created: z.number().int().nonnegative().max(32503680000),
  account: storable(255).nullish(),
  data: z.object({ object: z.looseObject({ id: storable(255), created: z.number().int().nonnegative().optional() }) }),
});

/** The 400 a verified event earns when it can never be processed, so Stripe stops retrying it. */
function eventProblem(event: Stripe.Event, signature: string): WebhookOutcome | null {
  if (signedInFuture(signature, Math.floor(Date.now() / 1000)))
    return { status: 400, title: "Invalid signature", detail: "The signature timestamp lies in the future" };
  const shape = eventShape.safeParse(event);
  if (!shape.success) {
    const fields = [...new Set(shape.error.issues.map((i) => i.path.join(".") || "event"))].join(", ");
    return { status: 400, title: "Malformed event", detail: `The event is missing or has invalid: ${fields}` };
  }
  if (event.type.startsWith("payout.") && typeof (event.data.object as { created?: unknown }).created !== "number")
    return { status: 400, title: "Malformed event", detail: "The event is missing or has invalid: data.object.created" };
  // The payload is stored as jsonb, which refuses NUL.
  const unsafe = findUnsafeText(event);
  if (unsafe) return { status: 400, title: "Malformed event", detail: `The event holds text that cannot be stored at ${unsafe}` };
  return null;
}

/** When the signature header's timestamp lies beyond the tolerance in the future (a clock or a replay trick). */
function signedInFuture(signature: string, nowSeconds: number): boolean {
  const t = signature
    .split(",")
    .map((part) => part.trim())
    .find((part) => part.startsWith("t="));
  const timestamp = Number(t?.slice(2));
  return !Number.isFinite(timestamp) || timestamp > nowSeconds + SIGNATURE_TOLERANCE_SECONDS;
}

/** Verifies the signature on the raw body, allow-lists the type, then processes the event once. */
export async function handleStripeWebhook(
  rawBody: string,
  signature: string | null,
  conn?: Connection,
): Promise<WebhookOutcome> {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret)
    return {
      status: 503,
      title: "Stripe webhooks are not configured",
      detail: "STRIPE_WEBHOOK_SECRET is not set",
    };
  if (!signature)
    return { status: 400, title: "Invalid signature", detail: "The Stripe-Signature header is missing" };
  let event: Stripe.Event;
  try {
    event = constructStripeEvent(rawBody, signature, secret);
  } catch (error) {
    return {
      status: 400,
      title: "Invalid signature",
      detail: error instanceof Error ? error.message : "Signature check failed",
    };
  }
  const malformed = eventProblem(event, signature);
  if (malformed) return malformed;
  if (!HANDLED_EVENTS.has(event.type))
    return { status: 200, received: true, duplicate: false, outcome: "ignored" };
  const { duplicate, outcome } = await processStripeEvent(event, conn);
  return { status: 200, received: true, duplicate, outcome };
}
