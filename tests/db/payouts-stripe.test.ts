import http from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rows, runAsUser } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import {
  accountBalances,
  approvedLines,
  lineStatuses,
  payoutMethod,
  unbalancedJournals,
} from "../support/payouts";
import { createDefaultStages, type StageIds } from "../support/pipeline";
import {
  sendWebhook,
  signEvent,
  startStripeServer,
  STRIPE_TEST_KEY,
  stripeEvent,
  type StripeServer,
} from "../support/stripe-server";
import { signInAs as as } from "../support/next-session";

const actions = await import("@/lib/payouts/actions");
const { resumeStalePayouts, triggerBatch } = await import("@/lib/payouts/trigger");
const { getBatch } = await import("@/lib/payouts/queries");
const { POST } = await import("@/app/api/webhooks/stripe/route");

const WEBHOOK_SECRET = "whsec_test_local_secret";
let db: TestDatabase;
let stripe: StripeServer;
let stages: StageIds;
let users: Record<"vp" | "finance" | "sales", f.TestUser>;

/** A confirmed batch holding one statement per amount, each for a new partner with an enabled Stripe account. */
async function confirmedBatch(amounts: number[]) {
  const partners = [];
  for (const amountMinor of amounts) {
    const partner = await f.createPartner(db.conn);
    await f.createUser(db.conn, { role: "partner", partnerId: partner.id });
    await payoutMethod(db.conn, partner.id);
    const lineIds = await approvedLines(
      db.conn,
      { partnerId: partner.id, ownerId: users.sales.id, stageId: stages.closed_won },
      [{ amountMinor }],
    );
    partners.push({ partner, lineIds });
  }
  await as(users.finance);
  const created = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
  if (!created.ok || !created.data.batchId) throw new Error(`batch not created: ${JSON.stringify(created)}`);
  expect(created.data.statements).toHaveLength(amounts.length);
  expect(await actions.confirmBatchAction({ batchId: created.data.batchId })).toMatchObject({ ok: true });
  const payouts = await db.conn.query<{ id: string; partner_id: string; idempotency_key: string }>(
    "select id, partner_id, idempotency_key from public.payouts where batch_id = $1",
    [created.data.batchId],
  );
  return { batchId: created.data.batchId, partners, payouts };
}

const requestsFor = (keys: string[]) =>
  stripe.requests.filter((r) => r.idempotencyKey && keys.includes(r.idempotencyKey));
const payoutRow = async (id: string) =>
  (
    await db.conn.query<{
      status: string;
      stripe_transfer_id: string | null;
      failure_reason: string | null;
      attempts: number;
    }>(
      "select status::text as status, stripe_transfer_id, failure_reason, attempts from public.payouts where id = $1",
      [id],
    )
  )[0]!;

function deliver(event: unknown, options: { secret?: string; timestamp?: number; signature?: string } = {}) {
  const { payload, header } = signEvent(event, options.secret ?? WEBHOOK_SECRET, options.timestamp);
  return POST(
    new Request("http://localhost/api/webhooks/stripe", {
      method: "POST",
      body: payload,
      headers: { "content-type": "application/json", "stripe-signature": options.signature ?? header },
    }),
  );
}

beforeAll(async () => {
  stripe = await startStripeServer();
  process.env.STRIPE_SECRET_KEY = STRIPE_TEST_KEY;
  process.env.STRIPE_API_BASE = stripe.baseUrl;
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query(
    "insert into public.workspace_settings (company_name, minimum_payout_minor) values ('Stripe Test', 1000)",
  );
  stages = await createDefaultStages(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET"])
    delete process.env[key];
  await db?.close();
  await stripe?.close();
});

describe("Stripe Connect transfers, exactly once", () => {
  test("50 concurrent triggers of one batch make one transfer per statement; the others find it already processing", async () => {
    const { batchId, payouts } = await confirmedBatch([10_000, 20_000, 30_000]);
    await as(users.finance);
    const results = await Promise.all(
      Array.from({ length: 50 }, () => actions.triggerBatchAction({ batchId })),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const data = results.flatMap((r) => (r.ok ? [r.data] : []));
    expect(data.reduce((n, r) => n + r.sent, 0)).toBe(3);
    expect(data.reduce((n, r) => n + r.failed, 0)).toBe(0);
    const keys = payouts.map((p) => p.idempotency_key);
    expect(requestsFor(keys)).toHaveLength(3);
    expect(new Set(requestsFor(keys).map((r) => r.idempotencyKey)).size).toBe(3);
    if (db.engine === "postgres")
      expect(data.filter((r) => r.sent === 0).some((r) => r.alreadyProcessing > 0)).toBe(true);
    const batch = await runAsUser(db.conn, users.vp.claims, (tx) => getBatch(tx, batchId));
    expect(batch.status).toBe("completed");
    expect(
      batch.payouts.every(
        (p) => p.status === "sent" && p.mode === "stripe" && p.stripeTransferId?.startsWith("tr_local"),
      ),
    ).toBe(true);
    expect(await unbalancedJournals(db.conn)).toEqual([]);
  });

  test("a transfer Stripe refused is retried under the next key generation and then sent once", async () => {
    const { batchId, payouts, partners } = await confirmedBatch([15_000]);
    const payout = payouts[0]!;
    // Stripe stores a refusal under its key: retrying with the same key would only repeat it.
    stripe.failNext(1, { saved: true });
    await as(users.finance);
    expect(await actions.triggerBatchAction({ batchId })).toMatchObject({
      ok: true,
      data: { sent: 0, failed: 1 },
    });
    expect(await payoutRow(payout.id)).toMatchObject({
      status: "failed",
      failure_reason: expect.stringMatching(/insufficient/),
    });
    expect(await lineStatuses(db.conn, partners[0]!.lineIds)).toEqual(["approved"]);
    expect((await accountBalances(db.conn, partners[0]!.partner.id)).payouts_in_transit).toBeUndefined();
    const failedEmails = await db.conn.query<{ to_email: string }>(
      "select to_email from public.email_outbox where template = 'payout_failed'",
    );
    expect(failedEmails.map((e) => e.to_email)).toContain(users.finance.email);

    expect(await actions.retryPayoutAction({ payoutId: payout.id })).toMatchObject({
      ok: true,
      data: { sent: 1, failed: 0 },
    });
    expect(await actions.retryPayoutAction({ payoutId: payout.id })).toMatchObject({
      ok: false,
      status: 409,
    });
    const retryKey = `${payout.idempotency_key}:retry-1`;
    expect(requestsFor([payout.idempotency_key, retryKey]).map((r) => r.idempotencyKey)).toEqual([
      payout.idempotency_key,
      retryKey,
    ]);
    expect(await payoutRow(payout.id)).toMatchObject({ status: "sent", attempts: 2 });
    expect(stripe.transfers.filter((t) => t.metadata.payout_id === payout.id)).toHaveLength(1);
    expect(await lineStatuses(db.conn, partners[0]!.lineIds)).toEqual(["paid"]);
  });

  test("a crash between the transfer and the commit is resumed with the same key: one transfer, status sent", async () => {
    const { batchId, payouts } = await confirmedBatch([25_000]);
    const payout = payouts[0]!;
    await expect(
      triggerBatch(batchId, {
        actorId: users.finance.id,
        conn: db.conn,
        beforeResultCommit: async () => {
          throw new Error("process died");
        },
      }),
    ).rejects.toThrow("process died");
    expect(await payoutRow(payout.id)).toMatchObject({ status: "processing", stripe_transfer_id: null });
    // Not stale yet: another trigger leaves it alone.
    expect(await triggerBatch(batchId, { actorId: users.finance.id, conn: db.conn })).toEqual({
      sent: 0,
      failed: 0,
      alreadyProcessing: 1,
    });

    // The scheduled resume job picks the stale payout up and finishes it under the same key.
    expect(await resumeStalePayouts({ conn: db.conn, staleAfterMs: 0 })).toMatchObject({
      sent: 1,
      batches: 1,
    });
    const transfers = stripe.transfers.filter((t) => t.metadata.payout_id === payout.id);
    expect(transfers).toHaveLength(1);
    expect(requestsFor([payout.idempotency_key])).toHaveLength(2);
    expect(await payoutRow(payout.id)).toMatchObject({
      status: "sent",
      stripe_transfer_id: transfers[0]!.id,
    });
    expect(await unbalancedJournals(db.conn)).toEqual([]);
  });

  test("no answer from Stripe leaves the payout in flight, never failed; the resume job settles it", async () => {
    const { batchId, payouts } = await confirmedBatch([18_000]);
    const payout = payouts[0]!;
    stripe.failNext(3, { status: 500, code: "api_error", message: "Stripe is down" });
    await as(users.finance);
    expect(await actions.triggerBatchAction({ batchId })).toMatchObject({
      ok: true,
      data: { sent: 0, failed: 0, alreadyProcessing: 1 },
    });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "processing" });
    expect(
      await actions.markPaidExternallyAction({ payoutId: payout.id, reference: "WIRE-X" }),
    ).toMatchObject({
      ok: false,
      status: 409,
    });
    expect(await resumeStalePayouts({ conn: db.conn, staleAfterMs: 0 })).toMatchObject({ sent: 1 });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "sent" });
    // The SDK's own two retries, then the resume job: four requests, all under the payout's key.
    expect(requestsFor([payout.idempotency_key])).toHaveLength(4);
  });

  test("a 409 (the same key still running at Stripe) is an unknown outcome, not a failure", async () => {
    const { batchId, payouts } = await confirmedBatch([12_000]);
    const payout = payouts[0]!;
    // The SDK retries a 409 twice itself; all three answers are 409.
    stripe.failNext(3, {
      status: 409,
      code: "idempotency_key_in_use",
      message: "There is currently another in-progress request using this key",
    });
    await as(users.finance);
    expect(await actions.triggerBatchAction({ batchId })).toMatchObject({
      ok: true,
      data: { sent: 0, failed: 0, alreadyProcessing: 1 },
    });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "processing", failure_reason: null });
    expect(await resumeStalePayouts({ conn: db.conn, staleAfterMs: 0 })).toMatchObject({ sent: 1 });
    expect(requestsFor([payout.idempotency_key]).length).toBeGreaterThanOrEqual(2);
    expect(stripe.transfers.filter((t) => t.metadata.payout_id === payout.id)).toHaveLength(1);
  });

  test("a partner whose Stripe account cannot receive payouts is blocked", async () => {
    const partner = await f.createPartner(db.conn);
    await payoutMethod(db.conn, partner.id, { payoutsEnabled: false });
    await approvedLines(
      db.conn,
      { partnerId: partner.id, ownerId: users.sales.id, stageId: stages.closed_won },
      [{ amountMinor: 9_000 }],
    );
    await as(users.finance);
    const created = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(created.ok && created.data.blocked.find((s) => s.partnerId === partner.id)?.reason).toBe(
      "Stripe account cannot receive payouts yet",
    );
  });
});

describe("Stripe webhooks", () => {
  const eventCount = async () =>
    (await db.conn.query<{ n: number }>("select count(*)::int as n from public.stripe_events"))[0]!.n;

  test("a bad signature or a stale timestamp is a 400 problem and changes nothing", async () => {
    const before = await eventCount();
    const event = stripeEvent("account.updated", { id: "acct_x", object: "account", payouts_enabled: true });
    const forged = await deliver(event, { secret: "whsec_someone_else" });
    expect(forged.status).toBe(400);
    expect(forged.headers.get("content-type")).toContain("application/problem+json");
    expect(await forged.json()).toMatchObject({ status: 400, title: "Invalid signature" });
    expect((await deliver(event, { timestamp: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(400);
    expect((await deliver(event, { signature: "t=1,v1=deadbeef" })).status).toBe(400);
    expect(await eventCount()).toBe(before);
  });

  test("payout.paid on the connected account settles its sent transfers; a later reversal comes back from cash", async () => {
    const { batchId, payouts, partners } = await confirmedBatch([27_000]);
    await as(users.finance);
    await actions.triggerBatchAction({ batchId });
    const payout = payouts[0]!;
    const [{ stripe_account_id: account }] = (await db.conn.query<{ stripe_account_id: string }>(
      "select stripe_account_id from public.payouts where id = $1",
      [payout.id],
    )) as [{ stripe_account_id: string }];
    const paid = stripeEvent(
      "payout.paid",
      { id: "po_local1", object: "payout", status: "paid", created: Math.floor(Date.now() / 1000) + 5 },
      { account },
    );
    expect(await (await deliver(paid)).json()).toMatchObject({ outcome: "settled:1" });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "paid" });
    const partnerId = partners[0]!.partner.id;
    expect(await accountBalances(db.conn, partnerId)).toMatchObject({ payouts_in_transit: 0, cash: -27_000 });

    const { stripe_transfer_id } = await payoutRow(payout.id);
    await deliver(
      stripeEvent("transfer.reversed", { id: stripe_transfer_id, object: "transfer", metadata: {} }),
    );
    expect(await payoutRow(payout.id)).toMatchObject({ status: "reversed" });
    expect(await accountBalances(db.conn, partnerId)).toMatchObject({ partner_payable: -27_000, cash: 0 });
    expect(await unbalancedJournals(db.conn)).toEqual([]);
    const next = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(next.ok && next.data.statements.find((s) => s.partnerId === partnerId)?.amountMinor).toBe(27_000);
  });

  test("transfer.reversed delivered 10 times at once reverses once and makes the lines payable again", async () => {
    const { batchId, payouts, partners } = await confirmedBatch([40_000]);
    await as(users.finance);
    await actions.triggerBatchAction({ batchId });
    const payout = payouts[0]!;
    const { stripe_transfer_id } = await payoutRow(payout.id);
    const event = stripeEvent("transfer.reversed", {
      id: stripe_transfer_id,
      object: "transfer",
      reversed: true,
      metadata: { payout_id: payout.id },
    });
    const responses = await Promise.all(Array.from({ length: 10 }, () => deliver(event)));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = await Promise.all(
      responses.map((r) => r.json() as Promise<{ duplicate: boolean; outcome: string }>),
    );
    expect(bodies.filter((b) => !b.duplicate).map((b) => b.outcome)).toEqual(["reversed"]);

    expect(await payoutRow(payout.id)).toMatchObject({ status: "reversed" });
    const reversals = await db.conn.query(
      "select 1 from public.ledger_entries where payout_id = $1 and kind = 'payout_reversed'",
      [payout.id],
    );
    expect(reversals).toHaveLength(2);
    const partnerId = partners[0]!.partner.id;
    expect(await lineStatuses(db.conn, partners[0]!.lineIds)).toEqual(["approved"]);
    expect(await accountBalances(db.conn, partnerId)).toMatchObject({
      partner_payable: -40_000,
      payouts_in_transit: 0,
    });
    const next = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(next.ok && next.data.statements.find((s) => s.partnerId === partnerId)?.amountMinor).toBe(40_000);
    expect(await unbalancedJournals(db.conn)).toEqual([]);
  });

  test("a reversal that arrives before the sent result is recorded is applied in order; the late result changes nothing", async () => {
    const { batchId, payouts, partners } = await confirmedBatch([12_500]);
    const payout = payouts[0]!;
    await expect(
      triggerBatch(batchId, {
        actorId: users.finance.id,
        conn: db.conn,
        beforeResultCommit: async () => Promise.reject(new Error("slow commit")),
      }),
    ).rejects.toThrow();
    const transfer = stripe.transfers.find((t) => t.metadata.payout_id === payout.id)!;
    const response = await deliver(stripeEvent("transfer.reversed", { ...transfer, reversed: true }));
    expect(await response.json()).toMatchObject({ outcome: "reversed" });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "reversed", stripe_transfer_id: transfer.id });
    expect(
      await triggerBatch(batchId, { actorId: users.finance.id, conn: db.conn, staleAfterMs: 0 }),
    ).toMatchObject({ sent: 0 });
    expect(await payoutRow(payout.id)).toMatchObject({ status: "reversed" });
    expect(await lineStatuses(db.conn, partners[0]!.lineIds)).toEqual(["approved"]);
    const kinds = await db.conn.query<{ kind: string }>(
      "select distinct kind from public.ledger_entries where payout_id = $1 order by kind",
      [payout.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(["payout_reversed", "payout_sent"]);
    expect(await unbalancedJournals(db.conn)).toEqual([]);
  });

  test("account.updated turns payouts on for the partner's method; unknown types are acknowledged and ignored", async () => {
    const partner = await f.createPartner(db.conn);
    await payoutMethod(db.conn, partner.id, { stripeAccountId: "acct_webhook1", payoutsEnabled: false });
    const endpoint = http.createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk: Buffer) => (raw += chunk.toString()));
      req.on("end", async () => {
        const headers = new Headers(req.headers as Record<string, string>);
        const answer = await POST(
          new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: raw, headers }),
        );
        res
          .writeHead(answer.status, { "Content-Type": answer.headers.get("content-type") ?? "" })
          .end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => endpoint.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/api/webhooks/stripe`;
    const response = await sendWebhook(
      url,
      stripeEvent("account.updated", { id: "acct_webhook1", object: "account", payouts_enabled: true }),
      WEBHOOK_SECRET,
    );
    await new Promise<void>((resolve) => endpoint.close(() => resolve()));
    expect(await response.json()).toMatchObject({ outcome: "account_updated" });
    const [method] = await db.conn.query<{ payouts_enabled: boolean }>(
      "select payouts_enabled from public.partner_payout_methods where partner_id = $1",
      [partner.id],
    );
    expect(method!.payouts_enabled).toBe(true);
    const before = await eventCount();
    expect(
      await (await deliver(stripeEvent("charge.succeeded", { id: "ch_1", object: "charge" }))).json(),
    ).toMatchObject({ outcome: "ignored" });
    expect(await eventCount()).toBe(before);
    // Finance and the VP read the event log; a sales manager sees none of it.
    expect(
      await runAsUser(db.conn, users.sales.claims, (tx) =>
        rows(tx, sql`select id from public.stripe_events`),
      ),
    ).toEqual([]);
  });
});
