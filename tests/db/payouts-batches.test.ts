import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
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
import { signInAs as as } from "../support/next-session";

const actions = await import("@/lib/payouts/actions");
const { getBatch, listBatches, listPartnerPayouts } = await import("@/lib/payouts/queries");
const { listPayableLines } = await import("@/lib/partner-home/queries");

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "finance" | "sales" | "pm", f.TestUser>;

async function partnerWithUser(options: { method?: boolean; payoutEmails?: boolean } = {}) {
  const partner = await f.createPartner(db.conn);
  const user = await f.createUser(db.conn, { role: "partner", partnerId: partner.id });
  if (options.payoutEmails === false) {
    await db.conn.query(
      `update public.profiles set email_preferences = '{"payout_sent": false}' where id = $1`,
      [user.id],
    );
  }
  if (options.method !== false) await payoutMethod(db.conn, partner.id);
  return { partner, user };
}

const lines = (partnerId: string, specs: Parameters<typeof approvedLines>[2]) =>
  approvedLines(db.conn, { partnerId, ownerId: users.sales.id, stageId: stages.closed_won }, specs);

beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query(
    "insert into public.workspace_settings (company_name, minimum_payout_minor) values ('Payout Test', 5000)",
  );
  stages = await createDefaultStages(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    pm: await f.createUser(db.conn, { role: "partnership_manager" }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("simulated payouts, from statement to simulated paid", () => {
  test("statements net clawbacks, carry small ones forward, block partners without a method, and pay once", async () => {
    const paid = await partnerWithUser();
    const muted = await partnerWithUser({ payoutEmails: false });
    const small = await partnerWithUser();
    const blocked = await partnerWithUser({ method: false });
    const [a, b] = await lines(paid.partner.id, [
      { amountMinor: 40_000 },
      { amountMinor: 25_000, currency: "EUR" },
    ]);
    const [claw] = await lines(paid.partner.id, [{ amountMinor: -10_000, clawbackOf: a! }]);
    const mutedLines = await lines(muted.partner.id, [{ amountMinor: 9_000 }]);
    const smallLines = await lines(small.partner.id, [{ amountMinor: 4_999 }]);
    await lines(blocked.partner.id, [{ amountMinor: 20_000 }]);
    const later = await lines(paid.partner.id, [{ amountMinor: 7_000, dueDate: "2026-03-01" }]);

    await as(users.finance);
    const created = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const { batchId, statements, carriedForward, blocked: blockedList } = created.data;
    const mine = statements.filter((s) => [paid.partner.id, muted.partner.id].includes(s.partnerId));
    expect(mine.map((s) => [s.partnerId, s.currency, s.amountMinor]).sort()).toEqual(
      [
        [paid.partner.id, "EUR", 25_000],
        [paid.partner.id, "USD", 30_000],
        [muted.partner.id, "USD", 9_000],
      ].sort(),
    );
    expect(carriedForward.find((s) => s.partnerId === small.partner.id)?.amountMinor).toBe(4_999);
    expect(blockedList.find((s) => s.partnerId === blocked.partner.id)?.reason).toBe(
      "No payout method on file",
    );

    // The same lines cannot be put into a second batch while this one is live.
    const again = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(again.ok && again.data.statements.some((s) => s.partnerId === paid.partner.id)).toBe(false);

    expect(await actions.triggerBatchAction({ batchId: batchId! })).toMatchObject({ ok: false, status: 409 });
    expect(await actions.confirmBatchAction({ batchId: batchId! })).toMatchObject({ ok: true });
    const first = await actions.triggerBatchAction({ batchId: batchId! });
    expect(first).toMatchObject({ ok: true, data: { sent: 3, failed: 0, alreadyProcessing: 0 } });
    // A second trigger of the finished batch says it was already paid rather than "0 sent".
    expect(await actions.triggerBatchAction({ batchId: batchId! })).toMatchObject({
      ok: true,
      data: { sent: 0, failed: 0, alreadyDone: { paid: 3, failed: 0 } },
    });

    const batch = await runAsUser(db.conn, users.finance.claims, (tx) => getBatch(tx, batchId!));
    expect(batch.status).toBe("completed");
    const usd = batch.payouts.find((p) => p.partnerId === paid.partner.id && p.currency === "USD")!;
    // No bank settles a simulated transfer later: it completes as simulated paid, nothing stays in flight.
    expect(batch.payouts.every((p) => p.status === "paid" && p.mode === "simulated")).toBe(true);
    expect(usd).toMatchObject({ status: "paid", mode: "simulated", amountMinor: 30_000 });
    expect(usd.stripeTransferId).toMatch(/^sim_tr_/);
    expect(usd.lines.map((l) => l.amountMinor).sort()).toEqual([-10_000, 40_000]);
    expect(await lineStatuses(db.conn, [a!, b!, claw!, ...mutedLines, ...smallLines, ...later])).toEqual([
      "paid",
      "paid",
      "paid",
      "paid",
      "approved",
      "approved",
    ]);
    expect(await accountBalances(db.conn, muted.partner.id)).toMatchObject({
      partner_payable: 0,
      payouts_in_transit: 0,
      cash: -9_000,
    });
    expect(await unbalancedJournals(db.conn)).toEqual([]);

    const emails = await db.conn.query<{ to_email: string; template: string; subject: string; text_body: string }>(
      "select to_email, template, subject, text_body from public.email_outbox where template like 'payout_%'",
    );
    const mineEmails = emails.filter((e) => e.to_email === paid.user.email);
    expect(mineEmails.map((e) => e.template)).toEqual(["payout_simulated", "payout_simulated"]);
    for (const email of mineEmails) {
      expect(email.subject).toMatch(/^Simulated payout: no money moved/);
      expect(email.text_body).not.toMatch(/reaches your account/);
    }
    expect(emails.some((e) => e.to_email === muted.user.email)).toBe(false);
  });

  test("cancelling a confirmed batch releases its lines; paid externally settles in cash", async () => {
    const { partner } = await partnerWithUser();
    const ids = await lines(partner.id, [{ amountMinor: 12_000 }]);
    await as(users.finance);
    const created = await actions.createBatchAction({
      periodStart: "2026-01-01",
      periodEnd: "2026-01-31",
      note: "January",
    });
    const batchId = created.ok ? created.data.batchId! : "";
    await actions.confirmBatchAction({ batchId });
    expect(await actions.cancelBatchAction({ batchId })).toMatchObject({ ok: true });
    expect(await actions.cancelBatchAction({ batchId })).toMatchObject({ ok: false, status: 409 });

    const next = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    expect(next.ok && next.data.statements.map((s) => s.partnerId)).toContain(partner.id);
    const batch = await runAsUser(db.conn, users.finance.claims, (tx) =>
      getBatch(tx, next.ok ? next.data.batchId! : ""),
    );
    const payout = batch.payouts.find((p) => p.partnerId === partner.id)!;
    expect(await actions.markPaidExternallyAction({ payoutId: payout.id, reference: "" })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { reference: expect.any(Array) },
    });
    expect(
      await actions.markPaidExternallyAction({ payoutId: payout.id, reference: "WIRE-2026-01" }),
    ).toMatchObject({ ok: true });
    expect(
      await actions.markPaidExternallyAction({ payoutId: payout.id, reference: "WIRE-2026-01" }),
    ).toMatchObject({ ok: false, status: 409 });
    expect(await lineStatuses(db.conn, ids)).toEqual(["paid"]);
    expect(await accountBalances(db.conn, partner.id)).toMatchObject({
      partner_payable: 0,
      cash: -12_000,
      commission_expense: 12_000,
    });
  });

  test("only finance writes; the VP reads; other roles are refused and see nothing", async () => {
    const { partner, user: partnerUser } = await partnerWithUser();
    await lines(partner.id, [{ amountMinor: 15_000 }]);
    for (const who of [users.vp, users.sales, users.pm, partnerUser]) {
      await as(who);
      expect(
        await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" }),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        await actions.triggerBatchAction({ batchId: "00000000-0000-4000-8000-000000000000" }),
      ).toMatchObject({ ok: false, status: 403 });
      expect(
        await actions.retryPayoutAction({ payoutId: "00000000-0000-4000-8000-000000000000" }),
      ).toMatchObject({ ok: false, status: 403 });
    }
    await as(users.finance);
    expect(
      await actions.createBatchAction({ periodStart: "2026-02-01", periodEnd: "2026-01-31" }),
    ).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { periodEnd: expect.any(Array) },
    });
    expect(
      await actions.confirmBatchAction({ batchId: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, status: 404 });

    const vpBatches = await runAsUser(db.conn, users.vp.claims, (tx) => listBatches(tx));
    expect(vpBatches.length).toBeGreaterThan(0);
    expect(await runAsUser(db.conn, users.sales.claims, (tx) => listBatches(tx))).toEqual([]);
    expect(await runAsUser(db.conn, partnerUser.claims, (tx) => listBatches(tx))).toEqual([]);
  });

  test("partners see only their own payouts", async () => {
    const one = await partnerWithUser();
    const two = await partnerWithUser();
    await lines(one.partner.id, [{ amountMinor: 11_000 }]);
    await lines(two.partner.id, [{ amountMinor: 22_000 }]);
    await as(users.finance);
    const created = await actions.createBatchAction({ periodStart: "2026-01-01", periodEnd: "2026-01-31" });
    const batchId = created.ok ? created.data.batchId! : "";
    await actions.confirmBatchAction({ batchId });
    await actions.triggerBatchAction({ batchId });

    const own = await runAsUser(db.conn, one.user.claims, (tx) => listPartnerPayouts(tx, one.partner.id));
    expect(own.map((p) => [p.amountMinor, p.status])).toEqual([[11_000, "paid"]]);
    expect(own[0]!.lines.map((l) => l.amountMinor)).toEqual([11_000]);
    // The partner's own commission lines say they were paid by a simulated payout.
    const payable = await runAsUser(db.conn, one.user.claims, (tx) => listPayableLines(tx, one.partner.id));
    expect(payable.map((l) => [l.status, l.simulated])).toEqual([["paid", true]]);
    expect(await runAsUser(db.conn, one.user.claims, (tx) => listPartnerPayouts(tx, two.partner.id))).toEqual(
      [],
    );
    const ledger = await runAsUser(db.conn, one.user.claims, (tx) =>
      rows<{ partner_id: string }>(tx, sql`select distinct partner_id from public.ledger_entries`),
    );
    expect(ledger.map((r) => r.partner_id)).toEqual([one.partner.id]);
  });
});
