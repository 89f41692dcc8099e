import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { addDays, addMonths } from "@/lib/commissions/dates";
import { recalculateCommissions } from "@/lib/commission-records/persist";
import { parsePeriod } from "@/lib/commissions/statement-periods";
import { getCommissionForecast, getReceiptsReport, getStatement } from "@/lib/commission-records/statements";
import type { Connection, Tx } from "@/lib/db/connection";
import { rows, runAsUser, withSystem } from "@/lib/db/session";
import { parseCsv } from "@/lib/opportunities/csv";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";
import { signInAs as as } from "../support/next-session";

const { recordReceiptAction } = await import("@/lib/commission-records/receipt-actions");
const { GET: exportCsv } = await import("@/app/api/commissions/export/route");

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "finance" | "sales" | "otherSales" | "partner", f.TestUser>;
const today = new Date().toISOString().slice(0, 10);

const asUser = <T>(user: f.TestUser, fn: Parameters<typeof runAsUser<T>>[2]) =>
  runAsUser(db.conn, user.claims, fn);

interface LineSpec {
  status: "forecast" | "earned" | "approved" | "paid" | "clawed_back";
  amountMinor: number;
  currency?: string;
  dueDate: string;
  label?: string;
  clawbackOf?: string;
}

/** A deal with one schedule for `partnerId` in `direction`, and the given lines on it, written as a system job. */
async function dealWithLines(
  conn: Connection,
  partnerId: string,
  direction: "receivable" | "payable",
  specs: LineSpec[],
  deal: { customerName?: string; ownerId?: string } = {},
) {
  const { agreement, version } = await f.createAgreement(conn, { partnerId, direction });
  const opp = await f.createOpportunity(conn, {
    ownerId: deal.ownerId ?? users.sales.id,
    stageId: stages.closed_won,
    ...(deal.customerName ? { customerName: deal.customerName } : {}),
    isvPartnerId: direction === "receivable" ? partnerId : null,
    referringPartnerId: direction === "payable" ? partnerId : null,
  });
  return withSystem(
    "test.statements",
    async (tx) => {
      const [schedule] = await rows<{ id: string }>(
        tx,
        sql`insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction,
          period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
        values (${opp.id}, ${agreement.id}, ${version.id}, ${partnerId}, ${opp.ownerId}, ${direction}, '2024-01-01', '2024-01-01',
          0, 0, 'USD', 10, 'test', '[]'::jsonb, 'test') returning id`,
      );
      const ids: string[] = [];
      for (const s of specs) {
        const [line] = await rows<{ id: string }>(
          tx,
          sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id,
            owner_id, direction, kind, label, amount_minor, currency, due_date, status, clawback_of)
          values (${`t-${randomBytes(6).toString("hex")}`}, ${schedule!.id}, ${opp.id}, ${agreement.id}, ${version.id}, ${partnerId},
            ${opp.ownerId}, ${direction}, ${s.clawbackOf ? "clawback" : "one_time"}, ${s.label ?? "Commission"}, ${s.amountMinor},
            ${s.currency ?? "USD"}, ${s.dueDate}, ${s.status}, ${s.clawbackOf ?? null}) returning id`,
        );
        ids.push(line!.id);
      }
      return { opp, ids };
    },
    db.conn,
  );
}

async function addRate(date: string, base: string, quote: string, rate: string) {
  await db.conn.query("insert into public.fx_rates (rate_date, base, quote, rate) values ($1, $2, $3, $4)", [
    date,
    base,
    quote,
    rate,
  ]);
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  stages = await createDefaultStages(db.conn);
  const org = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    otherSales: await f.createUser(db.conn, { role: "sales_manager" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: org.id }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("receivable statement", () => {
  test("expected against received in two currencies, with the difference per currency", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    const { ids } = await dealWithLines(db.conn, isv.id, "receivable", [
      { status: "earned", amountMinor: 300_000, dueDate: "2024-04-10" },
      { status: "approved", amountMinor: 200_000, dueDate: "2024-05-10" },
      { status: "paid", amountMinor: 100_000, currency: "EUR", dueDate: "2024-06-01" },
      { status: "forecast", amountMinor: 999_999, dueDate: "2024-05-01" },
      { status: "earned", amountMinor: 50_000, dueDate: "2024-07-01" },
    ]);
    await dealWithLines(db.conn, isv.id, "receivable", [
      { status: "earned", amountMinor: -20_000, currency: "EUR", dueDate: "2024-06-15", clawbackOf: ids[2] },
    ]);

    await as(users.finance);
    for (const [receivedOn, amount, currency] of [
      ["2024-05-20", "4,500", "USD"],
      ["2024-06-20", "800.00", "EUR"],
      ["2024-07-02", "1", "USD"],
    ] as const) {
      expect(
        await recordReceiptAction({
          partnerId: isv.id,
          receivedOn,
          amount,
          currency,
          reference: `wire ${receivedOn}`,
        }),
      ).toMatchObject({ ok: true });
    }

    const period = parsePeriod("2024-Q2", today);
    const statement = await asUser(users.finance, (tx) =>
      getStatement(tx, { period, partnerId: isv.id, receiptsVisible: true }),
    );
    expect(statement.receivable).toHaveLength(1);
    expect(statement.receivable[0]).toMatchObject({
      expected: { USD: 500_000, EUR: 80_000 },
      received: { USD: 450_000, EUR: 80_000 },
      difference: { USD: -50_000, EUR: 0 },
      lineCount: 4,
    });
    expect(statement.receivable[0]!.lines.map((l) => [l.dueDate, l.amountMinor])).toEqual([
      ["2024-04-10", 300_000],
      ["2024-05-10", 200_000],
      ["2024-06-01", 100_000],
      ["2024-06-15", -20_000],
    ]);
    expect(statement.payable).toEqual([]);

    const receipts = await asUser(users.finance, (tx) =>
      getReceiptsReport(tx, { period, partnerId: isv.id }),
    );
    expect(receipts.receipts.map((r) => [r.receivedOn, r.amountMinor, r.currency])).toEqual([
      ["2024-06-20", 80_000, "EUR"],
      ["2024-05-20", 450_000, "USD"],
    ]);

    // The deal owner sees the expected side only; another sales manager sees nothing; nobody but finance and the VP reads receipts.
    const owner = await asUser(users.sales, (tx) =>
      getStatement(tx, { period, partnerId: isv.id, receiptsVisible: false }),
    );
    expect(owner.receivable[0]).toMatchObject({ expected: { USD: 500_000, EUR: 80_000 }, received: {} });
    expect(owner.receiptsVisible).toBe(false);
    const other = await asUser(users.otherSales, (tx) =>
      getStatement(tx, { period, partnerId: isv.id, receiptsVisible: false }),
    );
    expect(other.receivable).toEqual([]);
    const salesReceipts = await asUser(users.sales, (tx) =>
      getReceiptsReport(tx, { period, partnerId: isv.id }),
    );
    expect(salesReceipts.receipts).toEqual([]);
  });
});

describe("payable statement", () => {
  test("owed (earned and approved) against paid, with clawbacks netted from what is still owed", async () => {
    const program = await f.createPartner(db.conn, { kind: "program" });
    const { ids } = await dealWithLines(db.conn, program.id, "payable", [
      { status: "earned", amountMinor: 100_000, dueDate: "2024-08-01" },
      { status: "approved", amountMinor: 50_000, dueDate: "2024-08-15" },
      { status: "paid", amountMinor: 70_000, dueDate: "2024-07-15" },
      { status: "forecast", amountMinor: 1_000, dueDate: "2024-08-20" },
    ]);
    await dealWithLines(db.conn, program.id, "payable", [
      { status: "earned", amountMinor: -30_000, dueDate: "2024-09-01", clawbackOf: ids[2] },
    ]);

    const period = parsePeriod("2024-Q3", today);
    const statement = await asUser(users.finance, (tx) =>
      getStatement(tx, { period, partnerId: program.id, receiptsVisible: true }),
    );
    expect(statement.payable).toHaveLength(1);
    expect(statement.payable[0]).toMatchObject({
      owed: { USD: 150_000 },
      clawbacks: { USD: -30_000 },
      net: { USD: 120_000 },
      paid: { USD: 70_000 },
      lineCount: 4,
    });
    expect(statement.totals.net).toMatchObject({ totalMinor: 120_000, missing: [] });
    expect(statement.receivable).toEqual([]);

    const sales = await asUser(users.sales, (tx) =>
      getStatement(tx, { period, partnerId: program.id, receiptsVisible: false }),
    );
    expect(sales.payable).toEqual([]);
  });
});

describe("USD conversion", () => {
  test("each currency converts at its latest rate on or before the period's last day; a currency without a rate is never added", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    await addRate("2023-01-02", "EUR", "USD", "1.00");
    await addRate("2023-03-29", "EUR", "USD", "1.08");
    await addRate("2023-04-01", "EUR", "USD", "1.50");
    await addRate("2023-03-01", "USD", "JPY", "150");
    await dealWithLines(db.conn, isv.id, "receivable", [
      { status: "earned", amountMinor: 100_000, dueDate: "2023-01-15" },
      { status: "earned", amountMinor: 200_000, currency: "EUR", dueDate: "2023-02-15" },
      { status: "earned", amountMinor: 1_500_000, currency: "JPY", dueDate: "2023-03-15" },
      { status: "earned", amountMinor: 300_000, currency: "GBP", dueDate: "2023-03-20" },
    ]);
    const period = parsePeriod("2023-Q1", today);
    const { totals } = await asUser(users.vp, (tx) =>
      getStatement(tx, { period, partnerId: isv.id, receiptsVisible: true }),
    );
    expect(totals.expected.asOf).toBe("2023-03-31");
    expect(totals.expected.rows).toEqual([
      { currency: "USD", amountMinor: 100_000, convertedMinor: 100_000, rate: "1", rateDate: null },
      {
        currency: "EUR",
        amountMinor: 200_000,
        convertedMinor: 216_000,
        rate: "1.08",
        rateDate: "2023-03-29",
      },
      { currency: "GBP", amountMinor: 300_000, convertedMinor: null, rate: null, rateDate: null },
      {
        currency: "JPY",
        amountMinor: 1_500_000,
        convertedMinor: 1_000_000,
        rate: "1/150",
        rateDate: "2023-03-01",
      },
    ]);
    expect(totals.expected.missing).toEqual(["GBP"]);
    expect(totals.expected.totalMinor).toBe(100_000 + 216_000 + 1_000_000);

    await as(users.vp);
    const response = await exportCsv(
      new Request(`http://localhost/api/commissions/export?type=statement&period=2023-Q1&partner=${isv.id}`),
    );
    const csv = parseCsv(await response.text());
    const column = (name: string) => csv.header.indexOf(name);
    const byCurrency = Object.fromEntries(csv.rows.map((r) => [r.cells[column("currency")], r.cells]));
    expect(byCurrency.EUR![column("usd_amount")]).toBe("2160");
    expect(byCurrency.EUR![column("usd_rate_date")]).toBe("2023-03-29");
    expect(byCurrency.GBP![column("usd_amount")]).toBe("");
  });
});

describe("commission forecast", () => {
  test("forecast lines weighted by the deal's probability, else its stage's, per month of due date; earned lines wait for approval", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    const agreement = await f.createAgreement(db.conn, {
      partnerId: isv.id,
      direction: "receivable",
      model: "referral",
    });
    await db.conn.query(
      "update public.agreement_versions set rate = 10, effective_from = '2020-01-01' where id = $1",
      [agreement.version.id],
    );
    const inTwoMonths = addDays(addMonths(today.slice(0, 8) + "01", 2), 9);
    const open = (stageId: string, valueMinor: number, extra: Record<string, unknown> = {}) =>
      f.createOpportunity(db.conn, {
        ownerId: users.sales.id,
        stageId,
        isvPartnerId: isv.id,
        valueMinor,
        expectedCloseDate: inTwoMonths,
        ...extra,
      });
    const demo = await open(stages.demo, 1_000_000);
    const poc = await open(stages.poc, 500_000, { probability: 80, technicalContactName: "Ada" });
    const overdue = await open(stages.demo, 2_000_000, { expectedCloseDate: addMonths(today, -2) });
    const won = await open(stages.proposal, 3_000_000, { technicalContactName: "Ada" });
    await withSystem(
      "test.forecast",
      (tx) => recalculateCommissions(tx, { opportunityIds: [demo.id, poc.id, overdue.id, won.id] }),
      db.conn,
    );
    await move(db.conn, users.sales.claims, won.id, stages.closed_won, {
      finalValueMinor: 3_000_000,
      closeDate: today,
    });
    await withSystem(
      "test.forecast",
      (tx) => recalculateCommissions(tx, { opportunityIds: [won.id] }),
      db.conn,
    );

    const forecast = await asUser(users.finance, (tx) =>
      getCommissionForecast(tx, { today, partnerId: isv.id }),
    );
    expect(forecast.months).toHaveLength(13);
    expect(forecast.months[0]).toMatchObject({ key: "overdue" });
    expect(forecast.months[0]!.receivable.amount.totalMinor).toBe(200_000);
    expect(forecast.months[0]!.receivable.weighted.totalMinor).toBe(50_000);
    const month = forecast.months.find((m) => m.key === inTwoMonths.slice(0, 7))!;
    // 100,000 at the demo stage's 25% + 50,000 at the deal's own 80% (not the POC stage's 50%).
    expect(month.receivable.amount.totalMinor).toBe(150_000);
    expect(month.receivable.weighted.totalMinor).toBe(25_000 + 40_000);
    expect(month.payable.amount.rows).toEqual([]);
    expect(forecast.subtotals.receivable).toEqual({ USD: { amountMinor: 350_000, weightedMinor: 115_000 } });
    expect(forecast.awaitingApproval.receivable).toMatchObject({ totalMinor: 300_000, missing: [] });

    const other = await asUser(users.otherSales, (tx) =>
      getCommissionForecast(tx, { today, partnerId: isv.id }),
    );
    expect(other.subtotals.receivable).toEqual({});
  });
});

describe("recording payments received", () => {
  test("finance records receipts for ISV vendors only; RLS refuses everyone else, and forged recorders", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    const program = await f.createPartner(db.conn, { kind: "program" });
    const otherIsv = await f.createPartner(db.conn, { kind: "isv" });
    const otherDeal = await f.createOpportunity(db.conn, {
      ownerId: users.sales.id,
      stageId: stages.closed_won,
      isvPartnerId: otherIsv.id,
    });
    const input = {
      partnerId: isv.id,
      receivedOn: "2024-02-01",
      amount: "125.50",
      currency: "USD",
      reference: "INV-1",
    };

    for (const who of [users.vp, users.sales, users.partner]) {
      await as(who);
      expect(await recordReceiptAction(input)).toMatchObject({ ok: false, status: 403 });
    }
    await as(null);
    expect(await recordReceiptAction(input)).toMatchObject({ ok: false, status: 401 });

    await as(users.finance);
    expect(await recordReceiptAction({ ...input, partnerId: program.id })).toMatchObject({
      ok: false,
      fieldErrors: { partnerId: [expect.stringContaining("program partner")] },
    });
    expect(await recordReceiptAction({ ...input, amount: "0" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: ["The amount cannot be zero"] },
    });
    expect(await recordReceiptAction({ ...input, amount: "1.234" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: [expect.stringContaining("decimal")] },
    });
    expect(await recordReceiptAction({ ...input, amount: "12,50" })).toMatchObject({
      ok: false,
      fieldErrors: { amount: [expect.any(String)] },
    });
    expect(await recordReceiptAction({ ...input, reference: " " })).toMatchObject({
      ok: false,
      fieldErrors: { reference: ["Enter the payment reference"] },
    });
    expect(await recordReceiptAction({ ...input, receivedOn: addDays(today, 5) })).toMatchObject({
      ok: false,
      fieldErrors: { receivedOn: [expect.any(String)] },
    });
    expect(await recordReceiptAction({ ...input, opportunityId: otherDeal.id })).toMatchObject({
      ok: false,
      fieldErrors: { opportunityId: [expect.any(String)] },
    });

    expect(await recordReceiptAction(input)).toMatchObject({
      ok: true,
      data: { amountMinor: 12_550, currency: "USD" },
    });
    expect(
      await recordReceiptAction({ ...input, amount: "-25.50", reference: "INV-1 correction" }),
    ).toMatchObject({ ok: true, data: { amountMinor: -2_550 } });
    const stored = await db.conn.query<{ amount_minor: string; recorded_by: string }>(
      "select amount_minor::text, recorded_by from public.commission_receipts where partner_id = $1 order by amount_minor",
      [isv.id],
    );
    expect(stored).toEqual([
      { amount_minor: "-2550", recorded_by: users.finance.id },
      { amount_minor: "12550", recorded_by: users.finance.id },
    ]);

    const insert = (partnerId: string, recordedBy: string) => (tx: Tx) =>
      tx.execute(sql`insert into public.commission_receipts (partner_id, received_on, amount_minor, currency, reference, recorded_by)
        values (${partnerId}, '2024-02-02', 100, 'USD', 'direct', ${recordedBy})`);
    for (const who of [users.vp, users.sales, users.partner]) {
      const result = await attempt(db.conn, { claims: who.claims }, insert(isv.id, who.id));
      expect(result.ok, `${who.role} must not insert`).toBe(false);
      expect(result.error?.code).toBe("42501");
    }
    expect(
      (await attempt(db.conn, { claims: users.finance.claims }, insert(program.id, users.finance.id))).error
        ?.code,
    ).toBe("42501");
    expect(
      (await attempt(db.conn, { claims: users.finance.claims }, insert(isv.id, users.vp.id))).error?.code,
    ).toBe("42501");
    expect(
      (await attempt(db.conn, { claims: users.finance.claims }, insert(isv.id, users.finance.id))).ok,
    ).toBe(true);
    expect(
      (
        await attempt(db.conn, { claims: users.finance.claims }, (tx) =>
          tx.execute(sql`update public.commission_receipts set amount_minor = 1`),
        )
      ).ok,
    ).toBe(false);
  });
});

describe("CSV export", () => {
  test("formula-like text is neutralised, negative amounts stay numbers, and only staff may export", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv", name: "@Vendor" });
    const customerName = '=HYPERLINK("http://evil.example","x")';
    const { ids } = await dealWithLines(
      db.conn,
      isv.id,
      "receivable",
      [{ status: "earned", amountMinor: 12_345, dueDate: "2022-05-02", label: "+SUM(A1:A9)" }],
      {
        customerName,
      },
    );
    await dealWithLines(
      db.conn,
      isv.id,
      "receivable",
      [{ status: "earned", amountMinor: -2_000, dueDate: "2022-05-03", label: "-1+1", clawbackOf: ids[0] }],
      {
        customerName,
      },
    );
    await as(users.finance);
    const response = await exportCsv(
      new Request(
        `http://localhost/api/commissions/export?type=statement&period=2022-05&partner=${isv.id}&direction=receivable`,
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain("commission-statement-2022-05");
    const csv = parseCsv(await response.text());
    const at = (row: number, name: string) => csv.rows[row]!.cells[csv.header.indexOf(name)];
    expect(csv.rows).toHaveLength(2);
    expect(at(0, "partner")).toBe("'@Vendor");
    expect(at(0, "customer")).toBe(`'=HYPERLINK("http://evil.example","x")`);
    expect(at(0, "line")).toBe("'+SUM(A1:A9)");
    expect(at(1, "line")).toBe("'-1+1");
    expect(at(0, "amount")).toBe("123.45");
    expect(at(1, "amount")).toBe("-20");

    const forecast = await exportCsv(new Request("http://localhost/api/commissions/export?type=forecast"));
    expect(forecast.status).toBe(200);
    expect(parseCsv(await forecast.text()).header).toContain("weighted_amount");

    expect((await exportCsv(new Request("http://localhost/api/commissions/export?type=bogus"))).status).toBe(
      400,
    );
    await as(users.partner);
    expect((await exportCsv(new Request("http://localhost/api/commissions/export"))).status).toBe(403);
    await as(null);
    expect((await exportCsv(new Request("http://localhost/api/commissions/export"))).status).toBe(401);
  });
});
