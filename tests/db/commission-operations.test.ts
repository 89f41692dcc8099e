import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { recalculateCommissions } from "@/lib/commission-records/persist";
import { withSystem } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { requestOverrideAction, decideOverrideAction, withdrawOverrideAction } = await import("@/lib/commission-records/override-actions");
const { recordRefundAction } = await import("@/lib/commission-records/refund-actions");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "sales" | "otherSales" | "finance" | "partner", f.TestUser>;

async function as(user: f.TestUser) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}
const recalc = (ids: string[]) => withSystem("test.commissions", (tx) => recalculateCommissions(tx, { opportunityIds: ids }), db.conn);
const totals = async (agreementId: string) =>
  Object.fromEntries(
    (
      await db.conn.query<{ customer_name: string; total_minor: string }>(
        `select o.customer_name, s.total_minor::text from public.commission_schedules s join public.opportunities o on o.id = s.opportunity_id
         where s.agreement_id = $1 order by o.customer_name`,
        [agreementId],
      )
    ).map((r) => [r.customer_name, Number(r.total_minor)]),
  );

async function agreementWith(partnerId: string, direction: "receivable" | "payable", model: "referral" | "reseller", rate: number, terms: object) {
  const a = await f.createAgreement(db.conn, { partnerId, direction, model });
  await db.conn.query("update public.agreement_versions set rate = $2, effective_from = '2026-01-01', terms = $3::jsonb where id = $1", [a.version.id, rate, JSON.stringify(terms)]);
  return a.agreement.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  stages = await createDefaultStages(db.conn);
  const org = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    otherSales: await f.createUser(db.conn, { role: "sales_manager" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: org.id }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

function deal(isvId: string, customerName: string, valueMinor: number, expectedCloseDate: string, extra: Record<string, unknown> = {}) {
  return f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.proposal, isvPartnerId: isvId, customerName, valueMinor, expectedCloseDate, technicalContactName: "Ada", ...extra });
}

describe("period context", () => {
  test("a marginal volume tier crossed by the second deal of a quarter; the next quarter starts again; changing the first deal moves the second", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    // 10% up to 100,000.00 of quarter volume, 20% above.
    const agreementId = await agreementWith(isv.id, "receivable", "reseller", 20, { volumeTiers: { mode: "marginal", tiers: [{ fromMinor: 0, rate: "20" }, { fromMinor: 10_000_000, rate: "30" }] } });
    const a = await deal(isv.id, "A first", 6_000_000, "2026-10-05");
    const b = await deal(isv.id, "B second", 6_000_000, "2026-11-05");
    const c = await deal(isv.id, "C next quarter", 6_000_000, "2027-01-05");
    await recalc([a.id, b.id, c.id]);
    // A: 60,000 × 20% = 12,000. B: 40,000 × 20% + 20,000 × 30% = 14,000. C: new quarter, 12,000.
    expect(await totals(agreementId)).toEqual({ "A first": 1_200_000, "B second": 1_400_000, "C next quarter": 1_200_000 });
    const [trace] = await db.conn.query<{ trace: { rule: string; values: Record<string, unknown> }[] }>("select trace from public.commission_schedules where opportunity_id = $1", [b.id]);
    expect(trace!.trace.filter((s) => s.rule === "volume_tier_marginal").map((s) => s.values.sliceMinor)).toEqual(["4000000", "2000000"]);

    // Only A changes; B shares its quarter and is recomputed with it, both in place (same lines, new numbers).
    const ids = await db.conn.query("select id from public.commission_schedules where agreement_id = $1 order by id", [agreementId]);
    await db.conn.query("update public.opportunities set value_minor = 2000000 where id = $1", [a.id]);
    const report = await recalc([a.id]);
    expect(report).toMatchObject({ deals: 2, written: 2, inPlace: 2, removed: 0 });
    expect(await db.conn.query("select id from public.commission_schedules where agreement_id = $1 order by id", [agreementId])).toEqual(ids);
    expect(await totals(agreementId)).toEqual({ "A first": 400_000, "B second": 1_200_000, "C next quarter": 1_200_000 });
  });

  test("a retroactive tier and a per-period cap across deals of one month", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    const agreementId = await agreementWith(isv.id, "receivable", "reseller", 20, {
      period: "month",
      capPerPeriodMinor: 2_500_000,
      volumeTiers: { mode: "retroactive", tiers: [{ fromMinor: 0, rate: "20" }, { fromMinor: 10_000_000, rate: "30" }] },
    });
    const a = await deal(isv.id, "A", 6_000_000, "2026-12-01");
    const b = await deal(isv.id, "B", 6_000_000, "2026-12-02");
    const c = await deal(isv.id, "C", 6_000_000, "2026-12-03");
    const d = await deal(isv.id, "D", 6_000_000, "2027-01-03");
    await recalc([a.id, b.id, c.id, d.id]);
    // A 12,000 at 20%; B reaches 120,000 → whole deal at 30% = 18,000 but only 13,000 is left under the 25,000 cap; C gets 0; D starts a new month at 20%.
    expect(await totals(agreementId)).toEqual({ A: 1_200_000, B: 1_300_000, C: 0, D: 1_200_000 });
  });
});

describe("rate overrides", () => {
  let isvId: string;
  let agreementId: string;
  let oppId: string;
  const rate = async () => (await db.conn.query<{ effective_rate: string; rate_source: string }>("select effective_rate::text, rate_source from public.commission_schedules where opportunity_id = $1", [oppId]))[0];

  beforeAll(async () => {
    isvId = (await f.createPartner(db.conn, { kind: "isv" })).id;
    agreementId = await agreementWith(isvId, "receivable", "referral", 15, {});
    oppId = (await deal(isvId, "Override Co", 1_000_000, "2026-12-10")).id;
    await recalc([oppId]);
  });

  test("in range: applies at once and is audited", async () => {
    await as(users.sales);
    const result = await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "20", reason: "Strategic logo" });
    expect(result).toMatchObject({ ok: true, data: { status: "approved", needsApproval: false } });
    expect(await rate()).toEqual({ effective_rate: "20.0000", rate_source: "override" });
    const [audit] = await db.conn.query<{ n: number }>("select count(*)::int as n from public.audit_log where entity = 'commission_overrides'");
    expect(audit!.n).toBeGreaterThan(0);
  });

  test("out of range: pending until the VP approves, who is notified; rejection needs a note; the requester hears back", async () => {
    await as(users.sales);
    const result = await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "30", reason: "Matching a competitor" });
    expect(result).toMatchObject({ ok: true, data: { status: "pending", needsApproval: true } });
    // The earlier in-range override was withdrawn; the agreement rate applies while the VP decides.
    expect(await rate()).toEqual({ effective_rate: "15.0000", rate_source: "base" });
    const [notice] = await db.conn.query<{ title: string }>("select title from public.notifications where user_id = $1 and kind = 'override_requested'", [users.vp.id]);
    expect(notice!.title).toContain("Override Co");
    const id = result.ok ? result.data.id : "";

    await as(users.sales);
    expect(await decideOverrideAction({ overrideId: id, decision: "approve" })).toMatchObject({ ok: false, status: 403 });
    await as(users.vp);
    expect(await decideOverrideAction({ overrideId: id, decision: "reject" })).toMatchObject({ ok: false, fieldErrors: { note: [expect.stringContaining("why")] } });
    expect(await decideOverrideAction({ overrideId: id, decision: "approve" })).toMatchObject({ ok: true, data: { status: "approved" } });
    expect(await rate()).toEqual({ effective_rate: "30.0000", rate_source: "override" });
    const [told] = await db.conn.query<{ title: string }>("select title from public.notifications where user_id = $1 and kind = 'override_approved'", [users.sales.id]);
    expect(told!.title).toContain("approved");
    expect(await decideOverrideAction({ overrideId: id, decision: "approve" })).toMatchObject({ ok: false, status: 409 });

    await as(users.otherSales);
    expect(await withdrawOverrideAction({ overrideId: id })).toMatchObject({ ok: false });
    await as(users.sales);
    expect(await withdrawOverrideAction({ overrideId: id })).toMatchObject({ ok: true });
    expect(await rate()).toEqual({ effective_rate: "15.0000", rate_source: "base" });
  });

  test("bad input changes nothing; people who cannot edit the deal cannot override it; nobody writes overrides directly", async () => {
    const count = async () => (await db.conn.query<{ n: number }>("select count(*)::int as n from public.commission_overrides"))[0]!.n;
    const before = await count();
    await as(users.sales);
    expect(await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "150", reason: "Too much" })).toMatchObject({ ok: false, fieldErrors: { rate: [expect.any(String)] } });
    expect(await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "18", reason: "" })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    await as(users.otherSales);
    expect(await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "18", reason: "Not my deal" })).toMatchObject({ ok: false });
    await as(users.partner);
    expect(await requestOverrideAction({ opportunityId: oppId, agreementId, rate: "18", reason: "Partner" })).toMatchObject({ ok: false, status: 403 });
    expect(await count()).toBe(before);
    for (const who of [users.vp, users.finance, users.sales]) {
      const forged = await attempt(db.conn, { claims: who.claims }, (tx) =>
        tx.execute(sql`insert into public.commission_overrides (opportunity_id, agreement_id, rate, reason, needs_approval, status) values (${oppId}, ${agreementId}, 50, 'forged', true, 'approved')`),
      );
      expect(forged.ok).toBe(false);
    }
  });
});

describe("clawbacks", () => {
  test("a refund appends negative lines linked to the originals; approved lines stay; a cancellation after approval claws back the rest", async () => {
    const isv = await f.createPartner(db.conn, { kind: "isv" });
    await agreementWith(isv.id, "receivable", "referral", 10, {});
    const won = await deal(isv.id, "Refunded Co", 1_000_000, "2026-11-01");
    await move(db.conn, users.sales.claims, won.id, stages.closed_won, { finalValueMinor: 1_000_000, closeDate: "2026-11-02" });
    await recalc([won.id]);
    await withSystem("test.approve", (tx) => tx.execute(sql`update public.commission_lines set status = 'approved' where opportunity_id = ${won.id}`), db.conn);

    await as(users.sales);
    expect(await recordRefundAction({ opportunityId: won.id, share: "50", date: "2026-11-20", reason: "Half refunded" })).toMatchObject({ ok: false, status: 403 });
    await as(users.finance);
    expect(await recordRefundAction({ opportunityId: won.id, share: "0", date: "2026-11-20", reason: "x" })).toMatchObject({ ok: false, fieldErrors: { share: [expect.any(String)] } });
    expect(await recordRefundAction({ opportunityId: won.id, share: "50", date: "2026-11-20", reason: "Half refunded" })).toMatchObject({ ok: true, data: { lines: 1 } });
    const lines = () =>
      db.conn.query<{ kind: string; amount_minor: string; status: string; linked: boolean }>(
        `select l.kind, l.amount_minor::text, l.status, l.clawback_of is not null as linked from public.commission_lines l where l.opportunity_id = $1 order by l.amount_minor desc`,
        [won.id],
      );
    expect(await lines()).toEqual([
      { kind: "one_time", amount_minor: "100000", status: "approved", linked: false },
      { kind: "clawback", amount_minor: "-50000", status: "earned", linked: true },
    ]);
    // The deal is cancelled: the remaining half is clawed back, nothing is edited or deleted.
    await move(db.conn, users.vp.claims, won.id, stages.closed_lost, { lossReason: "Cancelled" });
    await recalc([won.id]);
    expect((await lines()).map((l) => l.amount_minor)).toEqual(["100000", "-50000", "-50000"]);
    await expect(db.conn.query("delete from public.commission_lines where opportunity_id = $1 and kind = 'clawback'", [won.id])).rejects.toThrow(/cannot be deleted/);
    await expect(db.conn.query("delete from public.commission_schedules where opportunity_id = $1", [won.id])).rejects.toThrow(/cannot be changed/);
  });
});
