import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;
let otherSales: f.TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  stages = await createDefaultStages(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name, high_value_threshold_minor) values ('Test Co', 10000000)");
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  otherSales = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => db?.close());

const history = (id: string) =>
  db.conn.query<{ from_stage_id: string | null; to_stage_id: string; moved_by: string; justification: string | null }>(
    "select from_stage_id, to_stage_id, moved_by, justification from public.opportunity_stage_history where opportunity_id = $1 order by moved_at, id",
    [id],
  );

async function pgError(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string; detail?: string; hint?: string; cause?: { code?: string; message: string; detail?: string; hint?: string } };
    const inner = e.code ? e : (e.cause ?? e);
    return { code: inner.code, message: inner.message, detail: inner.detail, hint: inner.hint };
  }
  throw new Error("expected the move to be refused");
}

describe("move_opportunity", () => {
  test("a forward move changes stage and position and records who moved it", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    const [moved] = await move(db.conn, sales.claims, opp.id, stages.demo);
    expect(moved?.stage_id).toBe(stages.demo);
    expect(await history(opp.id)).toEqual([{ from_stage_id: stages.lead, to_stage_id: stages.demo, moved_by: sales.id, justification: null }]);
  });

  test("POC without a technical contact is refused with the rule, and nothing changes", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    const error = await pgError(move(db.conn, sales.claims, opp.id, stages.poc));
    expect(error).toMatchObject({ code: "P0001", message: "POC needs a technical contact", detail: "technical_contact_name", hint: "required_field" });
    const [row] = await db.conn.query<{ stage_id: string }>("select stage_id from public.opportunities where id = $1", [opp.id]);
    expect(row?.stage_id).toBe(stages.demo);
    expect(await history(opp.id)).toEqual([]);
  });

  test("moving backwards needs a justification, which lands in the history", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.proposal, technicalContactName: "Ada" });
    expect(await pgError(move(db.conn, sales.claims, opp.id, stages.demo))).toMatchObject({ hint: "justification_required", detail: "justification" });
    expect(await pgError(move(db.conn, sales.claims, opp.id, stages.demo, { justification: "   " }))).toMatchObject({ hint: "justification_required" });
    await move(db.conn, sales.claims, opp.id, stages.demo, { justification: "Champion left; re-qualifying" });
    expect((await history(opp.id))[0]?.justification).toBe("Champion left; re-qualifying");
  });

  test("closed won needs the final value and close date; closed lost needs a reason", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.proposal });
    expect(await pgError(move(db.conn, sales.claims, opp.id, stages.closed_won))).toMatchObject({ hint: "won_requires_value_and_date" });
    expect(await pgError(move(db.conn, sales.claims, opp.id, stages.closed_won, { finalValueMinor: 4_200_000 }))).toMatchObject({ detail: "close_date" });
    await move(db.conn, sales.claims, opp.id, stages.closed_won, { finalValueMinor: 4_200_000, closeDate: "2026-11-20" });
    const [won] = await db.conn.query<{ value_minor: string; actual_close_date: string }>(
      "select value_minor::text, to_char(actual_close_date, 'YYYY-MM-DD') as actual_close_date from public.opportunities where id = $1",
      [opp.id],
    );
    expect(won).toEqual({ value_minor: "4200000", actual_close_date: "2026-11-20" });

    const lost = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    expect(await pgError(move(db.conn, sales.claims, lost.id, stages.closed_lost))).toMatchObject({ hint: "lost_requires_reason" });
    await move(db.conn, sales.claims, lost.id, stages.closed_lost, { lossReason: "Budget" });
    const [row] = await db.conn.query<{ loss_reason: string }>("select loss_reason from public.opportunities where id = $1", [lost.id]);
    expect(row?.loss_reason).toBe("Budget");
  });

  test("a sales manager cannot move another's opportunity until the VP reassigns it", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    expect(await pgError(move(db.conn, otherSales.claims, opp.id, stages.demo))).toMatchObject({ code: "42501" });
    await move(db.conn, vp.claims, opp.id, stages.lead);
    await db.conn.query("update public.opportunities set owner_id = $1 where id = $2", [otherSales.id, opp.id]);
    await move(db.conn, otherSales.claims, opp.id, stages.demo);
    expect(await pgError(move(db.conn, sales.claims, opp.id, stages.lead, { justification: "x" }))).toMatchObject({ code: "42501" });
  });

  test("positions land between the neighbours and the column renumbers when the gap runs out", async () => {
    const a = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    const b = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    const mover = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead });
    await db.conn.query("update public.opportunities set position = 1 where id = $1", [a.id]);
    await db.conn.query("update public.opportunities set position = 1.00000000000000000001 where id = $1", [b.id]);
    const [moved] = await move(db.conn, sales.claims, mover.id, stages.lead, { before: a.id, after: b.id });
    const order = await db.conn.query<{ id: string }>("select id from public.opportunities where stage_id = $1 order by position, id", [stages.lead]);
    const ids = order.map((o) => o.id);
    expect(ids.indexOf(mover.id)).toBe(ids.indexOf(a.id) + 1);
    expect(ids.indexOf(b.id)).toBe(ids.indexOf(mover.id) + 1);
    expect(Number(moved!.position)).toBeGreaterThan(0);
  });

  test("20 concurrent moves into one column leave distinct positions and complete history", async () => {
    const opps = await Promise.all(Array.from({ length: 20 }, () => f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead })));
    const [anchor] = await db.conn.query<{ id: string }>("select id from public.opportunities where stage_id = $1 order by position desc limit 1", [stages.demo]);
    await Promise.all(opps.map((o) => move(db.conn, sales.claims, o.id, stages.demo, { before: anchor?.id ?? null })));
    const rows = await db.conn.query<{ position: string }>("select position::text from public.opportunities where id = any($1) and stage_id = $2", [
      [...opps.map((o) => o.id), anchor!.id],
      stages.demo,
    ]);
    expect(rows).toHaveLength(21);
    expect(new Set(rows.map((r) => r.position)).size).toBe(21);
    for (const o of opps) expect(await history(o.id)).toHaveLength(1);
  });

  test("a change on a deal above the threshold notifies the VP, not the mover", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, valueMinor: 50_000_000 });
    await move(db.conn, sales.claims, opp.id, stages.demo);
    const notes = await db.conn.query<{ user_id: string; title: string }>(
      "select user_id, title from public.notifications where kind = 'high_value_change' and link like $1",
      [`%${opp.id}`],
    );
    expect(notes.map((n) => n.user_id)).toEqual([vp.id, vp.id]);
    expect(notes[1]?.title).toContain("High-value deal changed");
    const small = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.lead, valueMinor: 500_000 });
    await move(db.conn, sales.claims, small.id, stages.demo);
    expect(await db.conn.query("select 1 from public.notifications where link like $1", [`%${small.id}`])).toEqual([]);
  });
});
