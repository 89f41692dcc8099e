import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { migrate, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

const { updatePipelineSettingsAction } = await import("@/lib/stages/actions");

let db: TestDatabase;
let stages: StageIds;
let sales: f.TestUser;
let vp: f.TestUser;
let seq = 0;

const referral = async (conn: TestDatabase["conn"], partnerId: string, company: string, email: string) => {
  const [row] = await conn.query<{ id: string }>(
    `insert into public.referrals (partner_id, attributed_by, source, name, email, company)
     values ($1, 'code', 'landing_form', 'Lee Lead', $2, $3) returning id`,
    [partnerId, email, company],
  );
  return row!.id;
};
const referralRow = async (conn: TestDatabase["conn"], id: string) =>
  (await conn.query<{ status: string; opportunity_id: string | null }>("select status::text, opportunity_id from public.referrals where id = $1", [id]))[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Link Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => db?.close());

describe("a referral follows the deal of its customer", () => {
  test("a deal created with the referring partner takes its referral (same name), then New → In progress → Won", async () => {
    const partner = await f.createPartner(db.conn);
    const id = await referral(db.conn, partner.id, "Fjord Freight AS", "ola@fjordfreight.example");
    expect(await referralRow(db.conn, id)).toEqual({ status: "new", opportunity_id: null });
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      customerName: "Fjord Freight A/S",
      referringPartnerId: partner.id,
    });
    expect(await referralRow(db.conn, id)).toEqual({ status: "qualified", opportunity_id: opp.id });
    await move(db.conn, f.claimsOf(sales), opp.id, stages.closed_won, { finalValueMinor: 1_800_000, closeDate: new Date().toISOString().slice(0, 10) });
    expect((await referralRow(db.conn, id)).status).toBe("converted");
  });

  test("by email domain; a lost deal closes its referral; another partner's referral is never taken", async () => {
    const partner = await f.createPartner(db.conn);
    const other = await f.createPartner(db.conn);
    const foreign = await referral(db.conn, other.id, "Nimbus Foods", "kim@nimbusfoods.example");
    const mine = await referral(db.conn, partner.id, "Nimbus", "kim@nimbusfoods.example");
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.lead,
      customerName: "Nimbus Foods Group",
      contactEmail: "buyer@nimbusfoods.example",
      referringPartnerId: partner.id,
    });
    expect(await referralRow(db.conn, mine)).toEqual({ status: "qualified", opportunity_id: opp.id });
    expect(await referralRow(db.conn, foreign)).toEqual({ status: "new", opportunity_id: null });
    await db.conn.query("update public.opportunities set stage_id = $1, loss_reason = 'Budget' where id = $2", [stages.closed_lost, opp.id]);
    expect((await referralRow(db.conn, mine)).status).toBe("closed");
  });

  test("a mailbox provider's domain links nothing; an edit that names the referring partner links it", async () => {
    const partner = await f.createPartner(db.conn);
    const id = await referral(db.conn, partner.id, "Kestrel Labs", "founder@gmail.com");
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo, customerName: "Other Co", contactEmail: "x@gmail.com" });
    await db.conn.query("update public.opportunities set referring_partner_id = $1 where id = $2", [partner.id, opp.id]);
    expect((await referralRow(db.conn, id)).opportunity_id).toBeNull();
    await db.conn.query("update public.opportunities set customer_name = 'Kestrel Labs' where id = $1", [opp.id]);
    expect(await referralRow(db.conn, id)).toEqual({ status: "qualified", opportunity_id: opp.id });
  });

  test("a registration approved into a deal links the referral of its customer domain", async () => {
    const partner = await f.createPartner(db.conn);
    const id = await referral(db.conn, partner.id, "Orbit", "ana@orbitmed.example");
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, customerName: "Orbit Medical" });
    await db.conn.query("update public.opportunities set referring_partner_id = $1 where id = $2", [partner.id, opp.id]);
    await db.conn.query(
      `insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor, status, protected_until, opportunity_id)
       values ($1, 'Orbit Medical', 'orbitmed.example', 'Ana', 'ana@orbitmed.example', 100000, 'approved', current_date + 90, $2)`,
      [partner.id, opp.id],
    );
    expect(await referralRow(db.conn, id)).toEqual({ status: "qualified", opportunity_id: opp.id });
  });

  test("a referral that arrives after its deal joins it", async () => {
    const partner = await f.createPartner(db.conn);
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.closed_won, customerName: "Tidewater Inc", referringPartnerId: partner.id });
    const id = await referral(db.conn, partner.id, "Tidewater", "t@tidewater.example");
    expect(await referralRow(db.conn, id)).toEqual({ status: "new", opportunity_id: null });
    const late = await referral(db.conn, partner.id, "Tidewater Inc.", "t2@tidewater.example");
    expect(await referralRow(db.conn, late)).toEqual({ status: "converted", opportunity_id: opp.id });
  });
});

describe("the VP hears of large wins", () => {
  test("a win at or above the threshold notifies the VP once; a smaller one does not", async () => {
    await db.conn.query("update public.workspace_settings set win_notify_threshold_minor = 2000000");
    const big = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.proposal, customerName: "Summit Retail", valueMinor: 2_500_000 });
    const small = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.proposal, customerName: "Small Shop", valueMinor: 500_000 });
    const close = new Date().toISOString().slice(0, 10);
    await move(db.conn, f.claimsOf(sales), big.id, stages.closed_won, { finalValueMinor: 2_500_000, closeDate: close });
    await move(db.conn, f.claimsOf(sales), small.id, stages.closed_won, { finalValueMinor: 500_000, closeDate: close });
    const notes = await db.conn.query<{ title: string; body: string; link: string }>(
      "select title, body, link from public.notifications where user_id = $1 and kind = 'large_win' and link in ($2, $3)",
      [vp.id, `/pipeline?opportunity=${big.id}`, `/pipeline?opportunity=${small.id}`],
    );
    expect(notes).toEqual([{ title: "Won: Summit Retail", body: expect.stringContaining("25,000.00 USD"), link: `/pipeline?opportunity=${big.id}` }]);
  });

  test("the threshold is a validated, audited pipeline setting", async () => {
    await as(vp);
    expect(await updatePipelineSettingsAction({ stalledAfterDays: 14, highValueThreshold: 100000, winNotifyThreshold: -5 })).toMatchObject({
      ok: false,
      fieldErrors: { winNotifyThreshold: [expect.any(String)] },
    });
    expect(await updatePipelineSettingsAction({ stalledAfterDays: 14, highValueThreshold: 100000, winNotifyThreshold: 75000 })).toMatchObject({ ok: true });
    expect(await db.conn.query("select win_notify_threshold_minor::int as t from public.workspace_settings")).toEqual([{ t: 7_500_000 }]);
    const [audit] = await db.conn.query<{ after: { win_notify_threshold_minor: number } }>(
      "select after from public.audit_log where entity = 'workspace_settings' order by id desc limit 1",
    );
    expect(Number(audit!.after.win_notify_threshold_minor)).toBe(7_500_000);
    await as(sales);
    expect(await updatePipelineSettingsAction({ stalledAfterDays: 14, highValueThreshold: 100000, winNotifyThreshold: 1 })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("the migration links the referrals already there", () => {
  let old: TestDatabase;
  afterAll(async () => old?.close());

  test("a referral beside its closed-won deal shows Won after the upgrade", async () => {
    const all = await readMigrations();
    old = await createTestDatabase({ migrations: all.filter((m) => m.version < "20260112000400") });
    const oldStages = await createDefaultStages(old.conn);
    const owner = await f.createUser(old.conn, { role: "sales_manager" });
    const partner = await f.createPartner(old.conn);
    const id = await referral(old.conn, partner.id, "Fjord Freight AS", `ola${++seq}@fjordfreight.example`);
    const won = await f.createOpportunity(old.conn, { ownerId: owner.id, stageId: oldStages.closed_won, customerName: "Fjord Freight AS", referringPartnerId: partner.id });
    expect(await referralRow(old.conn, id)).toEqual({ status: "new", opportunity_id: null });
    await migrate(old.conn, all);
    expect(await referralRow(old.conn, id)).toEqual({ status: "converted", opportunity_id: won.id });
  });
});
