import "server-only";
import Stripe from "stripe";
import type { PayoutsPort } from "./port";

/** STRIPE_API_BASE points the SDK at another server (the local contract server in tests). */
function apiTarget(): { host?: string; port?: number; protocol?: "http" | "https" } {
  const base = process.env.STRIPE_API_BASE;
  if (!base) return {};
  const url = new URL(base);
  const protocol = url.protocol === "http:" ? "http" : "https";
  return { host: url.hostname, port: Number(url.port || (protocol === "http" ? 80 : 443)), protocol };
}

export function stripeClient(secretKey: string): Stripe {
  return new Stripe(secretKey, { ...apiTarget(), maxNetworkRetries: 2 });
}

export function stripePayouts(secretKey: string): PayoutsPort {
  const stripe = stripeClient(secretKey);
  return {
    mode: "stripe",
    async createTransfer(request) {
      if (!request.destination)
        return {
          ok: false,
          reason: "The partner has no Stripe account with payouts enabled",
          code: "no_destination",
        };
      try {
        const transfer = await stripe.transfers.create(
          {
            amount: request.amountMinor,
            currency: request.currency.toLowerCase(),
            destination: request.destination,
            transfer_group: request.transferGroup,
            metadata: request.metadata,
          },
          { idempotencyKey: request.idempotencyKey },
        );
        return { ok: true, transferId: transfer.id };
      } catch (error) {
        // Only answers Stripe gave count as failures; anything else leaves the outcome unknown, and the
        // caller keeps the payout claimable so the same idempotency key settles it.
        if (
          error instanceof Stripe.errors.StripeError &&
          error.statusCode &&
          error.statusCode < 500 &&
          // 409: another request with this key is still running at Stripe; its outcome is not known yet.
          error.statusCode !== 409 &&
          error.statusCode !== 429
        ) {
          return { ok: false, reason: error.message, code: error.code ?? error.rawType ?? error.type };
        }
        throw error;
      }
    },
  };
}

/** Verifies a webhook's signature on the raw body; throws on a bad signature or a stale timestamp. */
export function constructStripeEvent(rawBody: string, signature: string, secret: string): Stripe.Event {
  return Stripe.webhooks.constructEvent(rawBody, signature, secret);
}
