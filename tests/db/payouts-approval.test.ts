import { randomBytes, randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import type { Connection } from "@/lib/db/connection";
import { rows, runAsUser, withSystem } from "@/lib/db/session";
import { postJournal, transfer } from "@/lib/payouts/ledger";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { approveLinesAction, rejectLinesAction, undoRejectionAction } = await import("@/lib/payouts/approval");
const { listApprovalQueue } = await import("@/lib/payouts/approval-queue");
const { ledgerCsv, listLedgerEntries, listPartnerTotals, listReconciliationPayouts } = await import("@/lib/payouts/reports");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "finance" | "sales" | "partner", f.TestUser>;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const today = day(0);

async function as(user: f.TestUser) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}

interface LineSpec {
  amountMinor: number;
  dueDate: string;
  kind?: "one_time" | "recurring" | "clawback";
  clawbackOf?: string;
  status?: "earned" | "approved" | "forecast";
  currency?: string;
}

/** A won deal referred by the partner with payable lines; the schedule's close date is `closeDate`. */
async function dealWithLines(conn: Connection, partnerId: string, closeDate: string, specs: LineSpec[]) {
  const { agreement, version } = await f.createAgreement(conn, { partnerId, direction: "payable" });
  const opp = await f.createOpportunity(conn, { ownerId: users.sales.id, stageId: stages.closed_won, referringPartnerId: partnerId });
  return withSystem(
    "test.payouts",
    async (tx) => {
      const [schedule] = await rows<{ id: string }>(
        tx,
        sql`insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction,
          period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
        values (${opp.id}, ${agreement.id}, ${version.id}, ${partnerId}, ${opp.ownerId}, 'payable', ${closeDate}, ${closeDate},
          0, 0, 'USD', 10, 'test', '[]'::jsonb, 'test') returning id`,
      );
      const ids: string[] = [];
      for (const s of specs) {
        const kind = s.clawbackOf ? "clawback" : (s.kind ?? "recurring");
        const [line] = await rows<{ id: string }>(
          tx,
          sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id,
            owner_id, direction, kind, label, amount_minor, currency, due_date, status, clawback_of)
          values (${`t-${randomBytes(6).toString("hex")}`}, ${schedule!.id}, ${opp.id}, ${agreement.id}, ${version.id}, ${partnerId},
            ${opp.ownerId}, 'payable', ${kind}, ${`Line ${ids.length + 1}`}, ${s.amountMinor}, ${s.currency ?? "USD"}, ${s.dueDate},
            ${s.status ?? "earned"}, ${s.clawbackOf ?? null}) returning id`,
        );
        ids.push(line!.id);
      }
      return ids;
    },
    conn,
  );
}

async function partnerWithTier(holdingDays: number, name?: string) {
  const tier = await f.createTier(db.conn, { holdingDays });
  return f.createPartner(db.conn, { tierId: tier.id, ...(name ? { name } : {}) });
}

const statusOf = async (ids: string[]) =>
  (await db.conn.query<{ status: string; rejected_reason: string | null }>(
    "select status::text, rejected_reason from public.commission_lines where id = any($1::uuid[]) order by array_position($1::uuid[], id)",
    [ids],
  )).map((r) => (r.rejected_reason ? `rejected:${r.status}` : r.status));
const ledgerOf = async (partnerId: string) =>
  db.conn.query<{ account: string; kind: string; sum: string }>(
    "select account, kind, sum(amount_minor)::text as sum from public.ledger_entries where partner_id = $1 group by account, kind order by account, kind",
    [partnerId],
  );
const unbalancedJournals = async () =>
  db.conn.query("select journal_id from public.ledger_entries group by journal_id, currency having sum(amount_minor) <> 0");

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Payout Test')");
  stages = await createDefaultStages(db.conn);
  const org = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: org.id }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("approval queue and holding period", () => {
  test("lines within the tier's holding days wait; one-time lines count from the deal's close; the queue says until when", async () => {
    const partner = await partnerWithTier(30);
    const [past, recent] = await dealWithLines(db.conn, partner.id, day(-90), [
      { amountMinor: 10_000, dueDate: day(-31) },
      { amountMinor: 20_000, dueDate: day(-10) },
    ]);
    const [oneTime] = await dealWithLines(db.conn, partner.id, day(-45), [{ amountMinor: 5_000, dueDate: today, kind: "one_time" }]);
    const queue = await runAsUser(db.conn, users.finance.claims, (tx) => listApprovalQueue(tx, { today, partnerId: partner.id }));
    const byId = new Map(queue.map((l) => [l.id, l]));
    expect(byId.get(past!)).toMatchObject({ holding: "ready", holdingDays: 30, readyOn: day(-1) });
    expect(byId.get(recent!)).toMatchObject({ holding: "holding", readyOn: day(20) });
    expect(byId.get(oneTime!)).toMatchObject({ holding: "ready", readyOn: day(-15) });
    const ready = await runAsUser(db.conn, users.finance.claims, (tx) => listApprovalQueue(tx, { today, partnerId: partner.id, holding: "ready" }));
    expect(ready.map((l) => l.id).sort()).toEqual([past!, oneTime!].sort());

    await as(users.finance);
    const refused = await approveLinesAction({ lineIds: [recent!] });
    expect(refused).toMatchObject({ ok: false, status: 422 });
    expect(!refused.ok && refused.fieldErrors?.lineIds?.[0]).toContain(`holding until ${day(20)}`);
    expect(await approveLinesAction({ lineIds: [past!, oneTime!] })).toMatchObject({ ok: true, data: { approved: 2 } });
    expect(await statusOf([past!, oneTime!, recent!])).toEqual(["approved", "approved", "earned"]);
    const [approved] = await db.conn.query<{ approved_by: string; approved_at: string | null }>(
      "select approved_by, approved_at from public.commission_lines where id = $1",
      [past],
    );
    expect(approved).toMatchObject({ approved_by: users.finance.id });
    expect(approved!.approved_at).not.toBeNull();
    expect(await ledgerOf(partner.id)).toEqual([
      { account: "commission_expense", kind: "line_approved", sum: "15000" },
      { account: "partner_payable", kind: "line_approved", sum: "-15000" },
    ]);
  });

  test("a bulk approval is all or nothing: one line in holding and nothing is approved or posted", async () => {
    const partner = await partnerWithTier(30);
    const ids = await dealWithLines(db.conn, partner.id, day(-90), [
      { amountMinor: 10_000, dueDate: day(-60) },
      { amountMinor: 10_000, dueDate: day(-50) },
      { amountMinor: 10_000, dueDate: day(-5) },
    ]);
    await as(users.finance);
    const result = await approveLinesAction({ lineIds: ids });
    expect(result).toMatchObject({ ok: false, status: 422, error: "1 of 3 lines cannot be approved; nothing was approved" });
    expect(await statusOf(ids)).toEqual(["earned", "earned", "earned"]);
    expect(await ledgerOf(partner.id)).toEqual([]);
    // A line already approved, an unknown id, or an empty selection are refused the same way.
    await approveLinesAction({ lineIds: ids.slice(0, 1) });
    expect(await approveLinesAction({ lineIds: ids.slice(0, 2) })).toMatchObject({ ok: false, status: 422 });
    expect(await statusOf(ids.slice(1, 2))).toEqual(["earned"]);
    expect(await approveLinesAction({ lineIds: [randomUUID()] })).toMatchObject({ ok: false, status: 422 });
    expect(await approveLinesAction({ lineIds: [] })).toMatchObject({ ok: false, status: 422, fieldErrors: { lineIds: ["Select at least one line"] } });
  });

  test("a clawback is approved with its original (or after it) and the ledger stays balanced", async () => {
    const partner = await partnerWithTier(0);
    const [original, other] = await dealWithLines(db.conn, partner.id, day(-40), [
      { amountMinor: 40_000, dueDate: day(-30) },
      { amountMinor: 25_000, dueDate: day(-30) },
    ]);
    const [claw] = await dealWithLines(db.conn, partner.id, day(-40), [{ amountMinor: -15_000, dueDate: day(-2), clawbackOf: original }]);
    await as(users.finance);
    const alone = await approveLinesAction({ lineIds: [claw!] });
    expect(!alone.ok && alone.fieldErrors?.lineIds?.[0]).toContain("approve it together with the line it claws back");
    expect(await approveLinesAction({ lineIds: [original!, claw!] })).toMatchObject({ ok: true, data: { approved: 2 } });
    const [otherClaw] = await dealWithLines(db.conn, partner.id, day(-40), [{ amountMinor: -5_000, dueDate: today, clawbackOf: other }]);
    expect(await approveLinesAction({ lineIds: [other!] })).toMatchObject({ ok: true });
    expect(await approveLinesAction({ lineIds: [otherClaw!] })).toMatchObject({ ok: true });
    expect(await ledgerOf(partner.id)).toEqual([
      { account: "commission_expense", kind: "clawback_approved", sum: "-20000" },
      { account: "commission_expense", kind: "line_approved", sum: "65000" },
      { account: "partner_payable", kind: "clawback_approved", sum: "20000" },
      { account: "partner_payable", kind: "line_approved", sum: "-65000" },
    ]);
    expect(await unbalancedJournals()).toEqual([]);
    // Approved lines are frozen: a second approval posts nothing more.
    expect(await approveLinesAction({ lineIds: [original!] })).toMatchObject({ ok: false, status: 422 });
  });
});

describe("rejection", () => {
  test("needs a reason, takes the line and its clawbacks out of the queue, and can be undone", async () => {
    const partner = await partnerWithTier(0);
    const [line, keep] = await dealWithLines(db.conn, partner.id, day(-20), [
      { amountMinor: 30_000, dueDate: day(-10) },
      { amountMinor: 10_000, dueDate: day(-10) },
    ]);
    const [claw] = await dealWithLines(db.conn, partner.id, day(-20), [{ amountMinor: -30_000, dueDate: day(-1), clawbackOf: line }]);
    await as(users.finance);
    expect(await rejectLinesAction({ lineIds: [line!], reason: " " })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { reason: ["Give a reason of at least 3 characters"] },
    });
    expect(await rejectLinesAction({ lineIds: [line!, randomUUID()], reason: "Duplicate referral" })).toMatchObject({ ok: false, status: 422 });
    expect(await statusOf([line!])).toEqual(["earned"]);

    expect(await rejectLinesAction({ lineIds: [line!], reason: "Duplicate referral" })).toMatchObject({ ok: true, data: { rejected: 2 } });
    expect(await statusOf([line!, claw!, keep!])).toEqual(["rejected:earned", "rejected:earned", "earned"]);
    const queue = (holding: "ready" | "rejected") =>
      runAsUser(db.conn, users.finance.claims, (tx) => listApprovalQueue(tx, { today, partnerId: partner.id, holding }));
    expect((await queue("ready")).map((l) => l.id)).toEqual([keep]);
    expect((await queue("rejected")).map((l) => [l.id, l.rejectedReason])).toEqual(
      expect.arrayContaining([[line, "Duplicate referral"], [claw, "Duplicate referral"]]),
    );
    const refused = await approveLinesAction({ lineIds: [line!] });
    expect(!refused.ok && refused.fieldErrors?.lineIds?.[0]).toContain("undo the rejection first");

    expect(await undoRejectionAction({ lineIds: [line!] })).toMatchObject({ ok: true, data: { restored: 1 } });
    expect(await undoRejectionAction({ lineIds: [keep!] })).toMatchObject({ ok: false, status: 422 });
    expect((await queue("ready")).map((l) => l.id).sort()).toEqual([line!, keep!].sort());
    expect(await ledgerOf(partner.id)).toEqual([]);
  });
});

describe("who approves", () => {
  test("only finance: the VP, a sales manager and a partner are refused and nothing changes", async () => {
    const partner = await partnerWithTier(0);
    const ids = await dealWithLines(db.conn, partner.id, day(-20), [{ amountMinor: 10_000, dueDate: day(-10) }]);
    for (const user of [users.vp, users.sales, users.partner]) {
      await as(user);
      expect(await approveLinesAction({ lineIds: ids })).toMatchObject({ ok: false, status: 403 });
      expect(await rejectLinesAction({ lineIds: ids, reason: "No reason at all" })).toMatchObject({ ok: false, status: 403 });
    }
    expect(await statusOf(ids)).toEqual(["earned"]);
    // Nobody writes the ledger directly, not even finance; the VP reads it, a partner only its own rows.
    const insert = (tx: Parameters<Parameters<typeof attempt>[2]>[0]) =>
      postJournal(tx, { kind: "line_approved", partnerId: partner.id, currency: "USD", legs: transfer("partner_payable", "commission_expense", 100) });
    for (const user of [users.finance, users.vp, users.partner]) {
      expect(await attempt(db.conn, { claims: user.claims }, insert)).toMatchObject({ ok: false, error: { code: "42501" } });
    }
    const queue = await attempt(db.conn, { claims: users.vp.claims }, (tx) => listApprovalQueue(tx, { today, partnerId: partner.id }));
    expect(queue.value?.map((l) => l.id)).toEqual(ids);
    const partnerView = await attempt(db.conn, { claims: users.partner.claims }, (tx) => listApprovalQueue(tx, { today, partnerId: partner.id }));
    expect(partnerView.value).toEqual([]);
  });
});

describe("reconciliation and export", () => {
  async function payout(partnerId: string, batchId: string, status: string, amountMinor: number, journals: [string, string, string][], extra: Record<string, string | null> = {}) {
    return withSystem(
      "payouts.test",
      async (tx) => {
        const [p] = await rows<{ id: string }>(
          tx,
          sql`insert into public.payouts (batch_id, partner_id, currency, amount_minor, status, mode, idempotency_key, stripe_transfer_id, external_reference)
            values (${batchId}, ${partnerId}, 'USD', ${amountMinor}, ${status}::public.payout_status, ${extra.mode ?? "simulated"}::public.payout_mode,
              ${randomUUID()}, ${extra.transfer ?? null}, ${extra.reference ?? null}) returning id`,
        );
        for (const [kind, from, to] of journals) {
          await postJournal(tx, {
            kind: kind as "payout_sent",
            partnerId,
            currency: "USD",
            legs: transfer(from as "cash", to as "cash", amountMinor),
            payoutId: p!.id,
          });
        }
        return p!.id;
      },
      db.conn,
    );
  }

  test("per payout and partner: approved, paid, failed, differences; the CSV neutralises formulas", async () => {
    const partner = await partnerWithTier(0, "=HYPERLINK(\"http://evil\",\"x\")");
    const ids = await dealWithLines(db.conn, partner.id, day(-20), [
      { amountMinor: 70_000, dueDate: day(-10) },
      { amountMinor: 30_000, dueDate: day(-10) },
    ]);
    await as(users.finance);
    expect(await approveLinesAction({ lineIds: ids })).toMatchObject({ ok: true });
    const newBatch = () =>
      withSystem(
        "payouts.test",
        async (tx) => (await rows<{ id: string }>(tx, sql`insert into public.payout_batches (period_start, period_end, status) values (${day(-30)}, ${today}, 'completed') returning id`))[0]!.id,
        db.conn,
      );
    const batchId = await newBatch();
    const paid = await payout(partner.id, batchId, "paid", 70_000, [
      ["payout_sent", "payouts_in_transit", "partner_payable"],
      ["payout_settled", "cash", "payouts_in_transit"],
    ], { transfer: "tr_sim_1" });
    const failed = await payout(partner.id, await newBatch(), "failed", 30_000, []);
    const recon = await runAsUser(db.conn, users.vp.claims, (tx) => listReconciliationPayouts(tx, { from: day(-30), to: today }));
    expect(recon.map((r) => [r.payoutId, r.status, r.amountMinor, r.ledgerPaidMinor, r.differenceMinor, r.stripeTransferId])).toEqual(
      expect.arrayContaining([
        [paid, "paid", 70_000, 70_000, 0, "tr_sim_1"],
        [failed, "failed", 30_000, 0, 0, null],
      ]),
    );
    const totals = await runAsUser(db.conn, users.finance.claims, (tx) => listPartnerTotals(tx, { from: day(-30), to: today }));
    expect(totals.find((t) => t.partnerId === partner.id)).toMatchObject({
      approvedMinor: 100_000,
      paidMinor: 70_000,
      failedMinor: 30_000,
      owedMinor: 30_000,
    });
    const entries = await runAsUser(db.conn, users.finance.claims, (tx) => listLedgerEntries(tx, { from: today, to: today }));
    const csv = ledgerCsv(entries.filter((e) => e.partnerName === partner.name));
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,journal,kind,account,partner,currency,debit,credit,reference");
    expect(lines).toHaveLength(1 + 4 + 4);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(lines.some((l) => l.includes(",commission_expense,") && l.includes(",USD,700.00,,"))).toBe(true);
    expect(lines.some((l) => l.includes(",cash,") && l.includes(",USD,,700.00,tr_sim_1"))).toBe(true);
    // A partner cannot read the reconciliation of others.
    const other = await runAsUser(db.conn, users.partner.claims, (tx) => listReconciliationPayouts(tx, { from: day(-30), to: today, batchId }));
    expect(other).toEqual([]);
  });
});

describe("ledger export route", () => {
  test("finance and the VP download CSV; other roles get 403; a bad period is a 400", async () => {
    const { GET } = await import("@/app/api/payouts/export/route");
    const url = (q: string) => new Request(`http://localhost/api/payouts/export${q}`);
    await as(users.finance);
    const ok = await GET(url(`?from=${day(-1)}&to=${today}`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toContain("text/csv");
    expect((await ok.text()).split("\r\n")[0]).toBe("date,journal,kind,account,partner,currency,debit,credit,reference");
    await as(users.vp);
    expect((await GET(url(""))).status).toBe(200);
    expect((await GET(url("?from=2026-13-45"))).status).toBe(400);
    expect((await GET(url(`?from=${today}&to=${day(-5)}`))).status).toBe(400);
    for (const user of [users.sales, users.partner]) {
      await as(user);
      expect((await GET(url(""))).status).toBe(403);
    }
  });
});

describe("demo payout history", () => {
  test("approves last quarter's ready lines with journals and pays one simulated batch that reconciles", async () => {
    const { seedPayoutHistory } = await import("@/lib/seed/demo-payouts");
    const now = new Date();
    const q = Math.floor(now.getUTCMonth() / 3);
    const lastQuarterDay = new Date(Date.UTC(now.getUTCFullYear(), q * 3 - 3, 10)).toISOString().slice(0, 10);
    const partner = await partnerWithTier(0, "Seeded Partner");
    const [line] = await dealWithLines(db.conn, partner.id, lastQuarterDay, [{ amountMinor: 90_000, dueDate: lastQuarterDay }]);
    const [claw] = await dealWithLines(db.conn, partner.id, lastQuarterDay, [{ amountMinor: -10_000, dueDate: lastQuarterDay, clawbackOf: line }]);
    const result = await withSystem("seed.payouts", (tx) => seedPayoutHistory(tx, { finance: users.finance.id }, now), db.conn);
    expect(result.approved).toBeGreaterThanOrEqual(1);
    expect(result.payouts).toBeGreaterThanOrEqual(1);
    expect(await statusOf([line!, claw!])).toEqual(["paid", "paid"]);
    expect(await unbalancedJournals()).toEqual([]);
    const recon = await runAsUser(db.conn, users.finance.claims, (tx) =>
      listReconciliationPayouts(tx, { from: "2000-01-01", to: "2100-01-01" }),
    );
    const mine = recon.find((r) => r.partnerId === partner.id)!;
    expect(mine).toMatchObject({ status: "paid", mode: "simulated", differenceMinor: 0, itemsMinor: mine.amountMinor });
    expect(mine.amountMinor).toBe(80_000);
    expect(mine.stripeTransferId).toMatch(/^sim_tr_/);
    const [method] = await db.conn.query<{ kind: string; payouts_enabled: boolean }>(
      "select kind::text, payouts_enabled from public.partner_payout_methods where partner_id = $1",
      [partner.id],
    );
    expect(method).toEqual({ kind: "stripe_connect", payouts_enabled: true });
  });
});
