import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { getPayoutsPort } from "@/lib/payments/payouts";
import { simulatedPayouts } from "@/lib/payments/simulated";
import { stripePayouts } from "@/lib/payments/stripe";
import { startStripeServer, STRIPE_TEST_KEY, type StripeServer } from "../support/stripe-server";

const request = (over: Partial<Parameters<typeof simulatedPayouts.createTransfer>[0]> = {}) => ({
  amountMinor: 12_345,
  currency: "USD",
  destination: "acct_unit",
  transferGroup: "batch_unit",
  metadata: { payout_id: "p1" },
  idempotencyKey: "payout:b:p:USD",
  ...over,
});

let stripe: StripeServer;
beforeAll(async () => {
  stripe = await startStripeServer();
  process.env.STRIPE_API_BASE = stripe.baseUrl;
});
afterAll(async () => {
  delete process.env.STRIPE_API_BASE;
  delete process.env.STRIPE_SECRET_KEY;
  await stripe.close();
});

describe("payouts port", () => {
  test("without a key the simulated adapter is used; with one, Stripe", () => {
    delete process.env.STRIPE_SECRET_KEY;
    expect(getPayoutsPort().mode).toBe("simulated");
    process.env.STRIPE_SECRET_KEY = STRIPE_TEST_KEY;
    expect(getPayoutsPort().mode).toBe("stripe");
  });

  test("simulated transfers are marked, stable per key and call nothing", async () => {
    const before = stripe.requests.length;
    const a = await simulatedPayouts.createTransfer(request());
    expect(a).toMatchObject({ ok: true, transferId: expect.stringMatching(/^sim_tr_[0-9a-f]{24}$/) });
    expect(await simulatedPayouts.createTransfer(request())).toEqual(a);
    expect(await simulatedPayouts.createTransfer(request({ idempotencyKey: "other" }))).not.toEqual(a);
    expect(stripe.requests.length).toBe(before);
  });

  test("Stripe replays the first transfer for the same key and refuses the key with other parameters", async () => {
    const port = stripePayouts(STRIPE_TEST_KEY);
    const first = await port.createTransfer(request({ idempotencyKey: "unit-key" }));
    expect(first).toMatchObject({ ok: true, transferId: expect.stringMatching(/^tr_local/) });
    expect(await port.createTransfer(request({ idempotencyKey: "unit-key" }))).toEqual(first);
    expect(await port.createTransfer(request({ idempotencyKey: "unit-key", amountMinor: 1 }))).toMatchObject({
      ok: false,
      code: "idempotency_error",
    });
    expect(stripe.transfers.filter((t) => t.metadata.payout_id === "p1")).toHaveLength(1);
    const sent = stripe.requests.at(-1)!;
    expect(sent.body.get("currency")).toBe("usd");
    expect(sent.body.get("destination")).toBe("acct_unit");
  });

  test("a partner without a destination fails before calling Stripe", async () => {
    const before = stripe.requests.length;
    expect(await stripePayouts(STRIPE_TEST_KEY).createTransfer(request({ destination: null }))).toMatchObject(
      {
        ok: false,
        code: "no_destination",
      },
    );
    expect(stripe.requests.length).toBe(before);
  });
});
