import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signInAs } from "../support/next-session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, type StageIds } from "../support/pipeline";

// Creating a deal goes through the same stage rules as a move: never straight into won or lost (a clear
// field error on the stage, with or without a referring partner), and the stage's required fields.

const { createOpportunityAction } = await import("@/lib/opportunities/actions");
const { importOpportunitiesAction } = await import("@/lib/opportunities/import");

let db: TestDatabase;
let stages: StageIds;
let sales: f.TestUser;
let referrer: { id: string };

const count = async () => (await db.conn.query<{ n: number }>("select count(*)::int as n from public.opportunities"))[0]!.n;
const lines = async () => (await db.conn.query<{ n: number }>("select count(*)::int as n from public.commission_lines"))[0]!.n;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Test Co')");
  stages = await createDefaultStages(db.conn);
  sales = await f.createUser(db.conn, { role: "sales_manager", email: `sam-${Date.now()}@test.partneros.dev` });
  referrer = await f.createPartner(db.conn);
  await f.createAgreement(db.conn, { partnerId: referrer.id, direction: "receivable" });
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("creating an opportunity", () => {
  test.each([
    ["closed won", "closed_won", null],
    ["closed lost", "closed_lost", null],
    ["closed won with a referring partner", "closed_won", "referrer"],
  ] as const)("%s is refused with a field error on the stage and writes nothing", async (_label, stage, withReferrer) => {
    await signInAs(sales);
    const [opps, before] = [await count(), await lines()];
    const result = await createOpportunityAction({
      customerName: "Straight to won",
      value: "1000",
      currency: "USD",
      ownerId: sales.id,
      stageId: stages[stage],
      ...(withReferrer ? { referringPartnerId: referrer.id } : {}),
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.fieldErrors?.stageId?.[0]).toContain("open stage");
    expect([await count(), await lines()]).toEqual([opps, before]);
  });

  test("POC without a technical contact is refused on the field; with one it is created", async () => {
    await signInAs(sales);
    const before = await count();
    const refused = await createOpportunityAction({ customerName: "Poc", value: "1000", currency: "USD", ownerId: sales.id, stageId: stages.poc });
    expect(refused).toMatchObject({ ok: false, status: 422, field: "technical_contact_name", rule: "required_field" });
    expect(await count()).toBe(before);
    const created = await createOpportunityAction({
      customerName: "Poc",
      value: "1000",
      currency: "USD",
      ownerId: sales.id,
      stageId: stages.poc,
      technicalContactName: "Tess",
    });
    expect(created.ok).toBe(true);
    const [history] = await db.conn.query<{ n: number }>(
      "select count(*)::int as n from public.opportunity_stage_history where opportunity_id = $1 and to_stage_id = $2 and from_stage_id is null",
      [created.ok ? created.data.id : null, stages.poc],
    );
    expect(history!.n).toBe(1);
  });

  test("an import into a closed stage is reported on the row and imports nothing of it", async () => {
    await signInAs(sales);
    const csv = ["customer_name,value,currency,stage,owner_email", `Won Already,100,USD,closed_won,${sales.email}`, `Open,100,USD,lead,${sales.email}`].join("\n");
    const result = await importOpportunitiesAction({ csv, mode: "valid-only" });
    expect(result).toMatchObject({ ok: true, data: { imported: 1 } });
    expect(result.ok && result.data.errors.map((e) => `${e.line}:${e.field}`)).toEqual(["2:stage"]);
  });
});
