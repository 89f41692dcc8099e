import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createOpportunityAction, updateOpportunityAction, bulkUpdateOpportunitiesAction, moveOpportunityAction, getBoardCardsAction } = await import("@/lib/opportunities/actions");
const { importOpportunitiesAction } = await import("@/lib/opportunities/import");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;
let other: f.TestUser;
let isv: { id: string; name: string };

async function as(user: f.TestUser) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}
const countOpps = async () => (await db.conn.query<{ n: number }>("select count(*)::int as n from public.opportunities"))[0]!.n;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Test Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager", email: "sam@test.partneros.dev" });
  other = await f.createUser(db.conn, { role: "sales_manager", email: "olu@test.partneros.dev" });
  isv = await f.createPartner(db.conn, { name: "Datadog", kind: "isv", domain: "observability" });
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("opportunity form", () => {
  test.each([
    [{ value: "-5" }, "value", "The value cannot be negative"],
    [{ currency: "XYZ" }, "currency", "Unknown currency"],
    [{ expectedCloseDate: "1900-01-01" }, "expectedCloseDate", "Choose a date between 2000 and 2100"],
    [{ value: "1250,50" }, "value", "Use a dot for decimals"],
    [{ contactEmail: "nope" }, "contactEmail", "valid email"],
  ])("%o → field error on %s, nothing saved", async (patch, field, message) => {
    await as(sales);
    const before = await countOpps();
    const result = await createOpportunityAction({ customerName: "Acme", value: "1000", currency: "USD", ownerId: sales.id, stageId: stages.lead, ...patch });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await countOpps()).toBe(before);
  });

  test("a sales manager creates their own deal, cannot create one for someone else, cannot edit another's", async () => {
    await as(sales);
    const created = await createOpportunityAction({ customerName: "Acme", value: "125,000.50", currency: "usd", ownerId: sales.id, stageId: stages.lead });
    expect(created.ok).toBe(true);
    const [row] = await db.conn.query<{ value_minor: string; currency: string }>("select value_minor::text, currency from public.opportunities where id = $1", [created.ok ? created.data.id : ""]);
    expect(row).toEqual({ value_minor: "12500050", currency: "USD" });
    expect(await createOpportunityAction({ customerName: "Acme", value: "1", currency: "USD", ownerId: other.id, stageId: stages.lead })).toMatchObject({ ok: false, status: 403 });
    await as(other);
    expect(await updateOpportunityAction({ id: created.ok ? created.data.id : "", customerName: "Hijacked", value: "1", currency: "USD", ownerId: other.id })).toMatchObject({ ok: false, status: 403 });
  });

  test("a refused move returns the rule and the field", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    await as(sales);
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.poc })).toEqual({
      ok: false,
      status: 422,
      error: "POC needs a technical contact",
      rule: "required_field",
      field: "technical_contact_name",
    });
  });

  test("a move that brings the missing technical contact saves it and moves in one step; a bad email changes nothing", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    await as(sales);
    const bad = await moveOpportunityAction({ id: opp.id, toStageId: stages.poc, technicalContactName: "Ines Varga", technicalContactEmail: "not-an-email" });
    expect(bad).toMatchObject({ ok: false, status: 422, fieldErrors: { technicalContactEmail: ["Enter a valid email"] } });
    const read = () =>
      db.conn.query<{ stage_id: string; technical_contact_name: string | null; technical_contact_email: string | null }>(
        "select stage_id, technical_contact_name, technical_contact_email from public.opportunities where id = $1",
        [opp.id],
      );
    expect(await read()).toEqual([{ stage_id: stages.demo, technical_contact_name: null, technical_contact_email: null }]);
    const moved = await moveOpportunityAction({ id: opp.id, toStageId: stages.poc, technicalContactName: "Ines Varga", technicalContactEmail: "ines@lumen.example" });
    expect(moved).toMatchObject({ ok: true, data: { stageId: stages.poc } });
    expect(await read()).toEqual([{ stage_id: stages.poc, technical_contact_name: "Ines Varga", technical_contact_email: "ines@lumen.example" }]);
  });
});

describe("commissions follow the deal", () => {
  test("winning a deal through the board action turns its forecast commission lines into earned ones", async () => {
    const agreement = await f.createAgreement(db.conn, { partnerId: isv.id, direction: "receivable", model: "reseller" });
    await db.conn.query("update public.agreement_versions set rate = 30, effective_from = '2025-01-01' where id = $1", [agreement.version.id]);
    await as(sales);
    const created = await createOpportunityAction({ customerName: "Commissioned", value: "10000", currency: "USD", ownerId: sales.id, stageId: stages.proposal, isvPartnerId: isv.id, expectedCloseDate: "2026-12-20" });
    const id = created.ok ? created.data.id : "";
    const status = () => db.conn.query<{ status: string; amount_minor: string }>("select status, amount_minor::text from public.commission_lines where opportunity_id = $1", [id]);
    expect(await status()).toEqual([{ status: "forecast", amount_minor: "300000" }]);
    expect(await moveOpportunityAction({ id, toStageId: stages.closed_won, finalValue: "12000", closeDate: "2026-11-20" })).toMatchObject({ ok: true });
    expect(await status()).toEqual([{ status: "earned", amount_minor: "360000" }]);
  });
});

describe("bulk changes are all or nothing", () => {
  test("one refused move leaves every selected deal where it was", async () => {
    const ok = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo, technicalContactName: "Ada" });
    const blocked = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    await as(sales);
    const result = await bulkUpdateOpportunitiesAction({ ids: [ok.id, blocked.id], toStageId: stages.poc });
    expect(result).toMatchObject({ ok: false, error: "POC needs a technical contact" });
    const rows = await db.conn.query<{ stage_id: string }>("select stage_id from public.opportunities where id = any($1)", [[ok.id, blocked.id]]);
    expect(rows.every((r) => r.stage_id === stages.demo)).toBe(true);
  });

  test("only the VP reassigns", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    await as(sales);
    expect(await bulkUpdateOpportunitiesAction({ ids: [opp.id], ownerId: other.id })).toMatchObject({ ok: false, status: 403 });
    await as(vp);
    expect(await bulkUpdateOpportunitiesAction({ ids: [opp.id], ownerId: other.id })).toMatchObject({ ok: true, data: { count: 1 } });
  });
});

describe("CSV import", () => {
  const header = "customer_name,value,currency,stage,owner_email,isv_partner,expected_close_date,technical_contact_name";
  const csv = [
    header,
    "Good One,1000,USD,lead,sam@test.partneros.dev,Datadog,2027-01-31,",
    "Negative,-5,USD,lead,sam@test.partneros.dev,,,",
    "Old,100,USD,demo,sam@test.partneros.dev,,1900-01-01,",
    "Good Two,2500.50,EUR,demo,sam@test.partneros.dev,,,",
    "Poc No Tech,100,USD,poc,sam@test.partneros.dev,,,",
    "Not Mine,100,USD,lead,olu@test.partneros.dev,,,",
  ].join("\n");

  test("preview reports every problem by line and field and writes nothing", async () => {
    await as(sales);
    const before = await countOpps();
    const result = await importOpportunitiesAction({ csv, mode: "preview" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ totalRows: 6, validRows: 2, imported: 0 });
    expect(result.data.errors.map((e) => `${e.line}:${e.field}`)).toEqual(["3:value", "4:expected_close_date", "6:technical_contact_name", "7:owner_email"]);
    expect(await countOpps()).toBe(before);
  });

  test("all-or-nothing imports nothing when any row is bad; valid-only imports the good rows with history", async () => {
    await as(sales);
    const before = await countOpps();
    expect(await importOpportunitiesAction({ csv, mode: "all-or-nothing" })).toMatchObject({ ok: true, data: { imported: 0 } });
    expect(await countOpps()).toBe(before);
    expect(await importOpportunitiesAction({ csv, mode: "valid-only" })).toMatchObject({ ok: true, data: { imported: 2 } });
    const rows = await db.conn.query<{ customer_name: string; value_minor: string; isv_partner_id: string | null; history: number }>(
      `select o.customer_name, o.value_minor::text, o.isv_partner_id, (select count(*)::int from public.opportunity_stage_history h where h.opportunity_id = o.id) as history
       from public.opportunities o where o.customer_name in ('Good One', 'Good Two') order by 1`,
    );
    expect(rows).toEqual([
      { customer_name: "Good One", value_minor: "100000", isv_partner_id: isv.id, history: 1 },
      { customer_name: "Good Two", value_minor: "250050", isv_partner_id: null, history: 1 },
    ]);
  });
});

describe("live board refetch", () => {
  test("returns the current cards of the changed deals under the board's filters; a partner gets nothing", async () => {
    await as(sales);
    const mine = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    const theirs = await f.createOpportunity(db.conn, { ownerId: other.id, stageId: stages.lead });
    const result = await getBoardCardsAction({ ids: [mine.id, theirs.id], search: {} });
    expect(result.ok && result.data.cards.map((c) => [c.id, c.stageId]).sort()).toEqual([[mine.id, stages.demo], [theirs.id, stages.lead]].sort());
    // Under an owner filter the other person's deal is not on the board: the client drops it.
    const filtered = await getBoardCardsAction({ ids: [mine.id, theirs.id], search: { owner: sales.id } });
    expect(filtered.ok && filtered.data.cards.map((c) => c.id)).toEqual([mine.id]);
    const bad = await getBoardCardsAction({ ids: ["not-a-uuid"], search: {} });
    expect(bad.ok).toBe(false);
    const org = await f.createPartner(db.conn);
    await as(await f.createUser(db.conn, { role: "partner", partnerId: org.id }));
    expect((await getBoardCardsAction({ ids: [mine.id], search: {} })).ok).toBe(false);
  });
});
