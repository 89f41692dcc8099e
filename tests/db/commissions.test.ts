import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recalculateCommissions } from "@/lib/commission-records/persist";
import { rows, withSystem } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "sales" | "otherSales" | "finance" | "partnerA" | "partnerB", f.TestUser>;
let orgA: { id: string };
let isv: { id: string };

const recalc = (id: string) => withSystem("test.commissions", (tx) => recalculateCommissions(tx, { opportunityIds: [id] }), db.conn);
const lines = (id: string) =>
  db.conn.query<{ direction: string; amount_minor: string; status: string; currency: string }>(
    "select direction, amount_minor::text, status, currency from public.commission_lines where opportunity_id = $1 order by direction::text",
    [id],
  );

beforeAll(async () => {
  db = await createTestDatabase();
  stages = await createDefaultStages(db.conn);
  orgA = await f.createPartner(db.conn);
  const orgB = await f.createPartner(db.conn);
  isv = await f.createPartner(db.conn, { kind: "isv", domain: "security" });
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    otherSales: await f.createUser(db.conn, { role: "sales_manager" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    partnerA: await f.createUser(db.conn, { role: "partner", partnerId: orgA.id }),
    partnerB: await f.createUser(db.conn, { role: "partner", partnerId: orgB.id }),
  };
  const payable = await f.createAgreement(db.conn, { partnerId: orgA.id, direction: "payable", model: "referral" });
  await db.conn.query("update public.agreement_versions set rate = 20, effective_from = '2025-01-01' where id = $1", [payable.version.id]);
  const receivable = await f.createAgreement(db.conn, { partnerId: isv.id, direction: "receivable", model: "reseller" });
  await db.conn.query("update public.agreement_versions set rate = 30, effective_from = '2025-01-01' where id = $1", [receivable.version.id]);
});
afterAll(async () => db?.close());

async function referredDeal(overrides: Record<string, unknown> = {}) {
  return f.createOpportunity(db.conn, {
    ownerId: users.sales.id,
    stageId: stages.proposal,
    isvPartnerId: isv.id,
    referringPartnerId: orgA.id,
    valueMinor: 1_000_000,
    expectedCloseDate: "2026-12-15",
    technicalContactName: "Ada",
    ...overrides,
  });
}

describe("commission lines from the engine", () => {
  test("an open referred deal forecasts both directions; winning it makes them earned; losing removes them", async () => {
    const opp = await referredDeal();
    const first = await recalc(opp.id);
    expect(first).toMatchObject({ written: 2, issues: [] });
    expect(await lines(opp.id)).toEqual([
      { direction: "payable", amount_minor: "200000", status: "forecast", currency: "USD" },
      { direction: "receivable", amount_minor: "300000", status: "forecast", currency: "USD" },
    ]);
    await move(db.conn, users.sales.claims, opp.id, stages.closed_won, { finalValueMinor: 2_000_000, closeDate: "2026-11-20" });
    await recalc(opp.id);
    expect(await lines(opp.id)).toEqual([
      { direction: "payable", amount_minor: "400000", status: "earned", currency: "USD" },
      { direction: "receivable", amount_minor: "600000", status: "earned", currency: "USD" },
    ]);
    const [trace] = await db.conn.query<{ trace: unknown[] }>("select trace from public.commission_schedules where opportunity_id = $1 limit 1", [opp.id]);
    expect(trace!.trace.length).toBeGreaterThan(0);

    const lost = await referredDeal();
    await recalc(lost.id);
    await move(db.conn, users.sales.claims, lost.id, stages.closed_lost, { lossReason: "Budget" });
    await recalc(lost.id);
    expect(await lines(lost.id)).toEqual([]);
  });

  test("recalculation is idempotent, and a deal in a currency without an FX rate reports an issue instead of failing", async () => {
    const opp = await referredDeal();
    await recalc(opp.id);
    const before = await lines(opp.id);
    const ids = await db.conn.query("select id from public.commission_schedules where opportunity_id = $1 order by id", [opp.id]);
    expect(await recalc(opp.id)).toMatchObject({ written: 0, unchanged: 2, removed: 0 });
    expect(await lines(opp.id)).toEqual(before);
    expect(await db.conn.query("select id from public.commission_schedules where opportunity_id = $1 order by id", [opp.id])).toEqual(ids);

    const eur = await referredDeal({ currency: "EUR" });
    const result = await recalc(eur.id);
    expect(result.written).toBe(0);
    expect(result.issues.map((i) => i.reason)).toEqual(["fx_rate_missing", "fx_rate_missing"]);
    await db.conn.query("insert into public.fx_rates (rate_date, base, quote, rate) values ('2026-11-01', 'EUR', 'USD', 1.08)");
    expect(await recalc(eur.id)).toMatchObject({ written: 2, issues: [] });
    expect((await lines(eur.id)).map((l) => l.amount_minor)).toEqual(["216000", "324000"]);
  });
});

describe("who sees and changes commission lines", () => {
  let oppId: string;
  beforeAll(async () => {
    const opp = await referredDeal();
    oppId = opp.id;
    await move(db.conn, users.sales.claims, opp.id, stages.closed_won, { finalValueMinor: 1_000_000, closeDate: "2026-11-20" });
    await recalc(opp.id);
  });

  const visible = async (who: f.TestUser) =>
    (await attempt(db.conn, { claims: who.claims }, (tx) => rows<{ direction: string }>(tx, sql`select direction from public.commission_lines where opportunity_id = ${oppId} order by direction::text`))).value?.map((r) => r.direction);

  test.each([
    ["partnerA", ["payable"]],
    ["partnerB", []],
    ["sales", ["receivable"]],
    ["otherSales", []],
    ["finance", ["payable", "receivable"]],
    ["vp", ["payable", "receivable"]],
  ] as const)("%s sees %o", async (who, expected) => {
    expect(await visible(users[who])).toEqual(expected);
  });

  test("finance cannot approve by a direct update; an approved line nobody can change or delete, not even the table owner", async () => {
    // Approval is public.approve_commission_lines, with its holding check and journal (tests/db/rules-enforced.test.ts).
    const approve = await attempt(db.conn, { claims: users.finance.claims }, (tx) =>
      rows(tx, sql`update public.commission_lines set status = 'approved', approved_by = ${users.finance.id}, approved_at = now() where opportunity_id = ${oppId} and direction = 'payable' returning 1`),
    );
    expect(approve.error?.code).toBe("42501");
    await withSystem("test.approve", (tx) => tx.execute(sql`update public.commission_lines set status = 'approved' where opportunity_id = ${oppId} and direction = 'payable'`), db.conn);

    for (const who of [users.finance, users.vp]) {
      const edit = await attempt(db.conn, { claims: who.claims }, (tx) => rows(tx, sql`update public.commission_lines set status = 'earned' where opportunity_id = ${oppId} and direction = 'payable' returning 1`));
      expect(edit.value ?? []).toEqual([]);
      const del = await attempt(db.conn, { claims: who.claims }, (tx) => rows(tx, sql`delete from public.commission_lines where opportunity_id = ${oppId} returning 1`));
      expect(del.ok ? del.value : []).toEqual([]);
    }
    await expect(db.conn.query("update public.commission_lines set amount_minor = 1 where opportunity_id = $1 and direction = 'payable'", [oppId])).rejects.toThrow(/cannot be changed/);
    await expect(db.conn.query("delete from public.commission_lines where opportunity_id = $1 and direction = 'payable'", [oppId])).rejects.toThrow(/cannot be deleted/);

    const result = await recalc(oppId);
    expect(result.frozen).toBe(1);
    expect((await lines(oppId)).find((l) => l.direction === "payable")).toMatchObject({ status: "approved", amount_minor: "200000" });
  });

  test("nobody inserts lines by hand", async () => {
    for (const who of [users.finance, users.vp, users.sales]) {
      const r = await attempt(db.conn, { claims: who.claims }, (tx) => tx.execute(sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, direction, kind, label, amount_minor, currency, due_date)
        select 'forged', schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, direction, kind, label, 999, currency, due_date from public.commission_lines limit 1`));
      expect(r.ok).toBe(false);
    }
  });
});
