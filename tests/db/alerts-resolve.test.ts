import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY, evaluateAt, isoDay, mondayOf } from "../support/alerts";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

const taskActions = await import("@/lib/tasks/actions");
const { refreshAlerts } = await import("@/lib/alerts/refresh");
const { listAlerts, countAlertsByTab } = await import("@/lib/alerts/queries");
const { drainDealChanges } = await import("@/lib/opportunities/after-change");
const { withSession, withSystem } = await import("@/lib/db/session");
const { sql } = await import("drizzle-orm");

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;

const evaluate = (now = new Date()) => evaluateAt(db.conn, now);
const refresh = (now = new Date(), scope = {}) =>
  withSystem("test.alerts", (tx) => refreshAlerts(tx, now, scope), db.conn);
const alertAbout = async (entityId: string, rule: string) =>
  (
    await db.conn.query<{
      id: string;
      status: string;
      resolved_at: Date | string | null;
      resolution: string | null;
      title: string;
      body: string;
      dedupe_key: string;
    }>(
      "select id, status, resolved_at, resolution, title, body, dedupe_key from public.alerts where entity_id = $1 and rule_key = $2 order by created_at",
      [entityId, rule],
    )
  ).filter(Boolean);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Alert Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager", displayName: "Sam Seller" });
});
afterAll(async () => db?.close());

describe("an alert whose condition clears is resolved and kept", () => {
  test("a stalled deal that moves: its alert resolves in the deal's follow-up job, with when and why", async () => {
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      customerName: "Seaside Streaming",
      technicalContactName: "Tia Tech",
      technicalContactEmail: "tia@seaside.example",
      stageEnteredAt: new Date(Date.now() - 20 * DAY),
    });
    await evaluate();
    const [raised] = await alertAbout(opp.id, "opportunity_stagnation");
    expect(raised).toMatchObject({ status: "open", resolved_at: null });

    await move(db.conn, f.claimsOf(sales), opp.id, stages.poc);
    await db.conn.query("insert into public.deal_change_queue (opportunity_id) values ($1) on conflict do nothing", [opp.id]);
    await withSystem("test.after-change", (sys) => drainDealChanges(sys, [opp.id]), db.conn);

    const after = await alertAbout(opp.id, "opportunity_stagnation");
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: raised!.id, status: "resolved" });
    expect(after[0]!.resolved_at).not.toBeNull();
    expect(after[0]!.resolution).toMatch(/moved/);

    // Gone from the active list, kept in Resolved and History.
    const now = new Date();
    const lists = await withSession({ claims: f.claimsOf(sales) }, async (tx) => ({
      open: await listAlerts(tx, sales.id, { tab: "open" }, now),
      resolved: await listAlerts(tx, sales.id, { tab: "resolved" }, now),
      history: await listAlerts(tx, sales.id, { tab: "history" }, now),
      counts: await countAlertsByTab(tx, sales.id, false, now),
    }), db.conn);
    expect(lists.open.map((a) => a.id)).not.toContain(raised!.id);
    expect(lists.resolved.find((a) => a.id === raised!.id)).toMatchObject({ status: "resolved", resolution: after[0]!.resolution });
    expect(lists.history.map((a) => a.id)).toContain(raised!.id);
    expect(lists.counts.resolved).toBeGreaterThanOrEqual(1);

    // A second pass changes nothing and does not raise the old condition again.
    await evaluate();
    expect(await refresh()).toMatchObject({ resolved: 0 });
    expect((await alertAbout(opp.id, "opportunity_stagnation")).map((a) => a.status)).toEqual(["resolved"]);
  });

  test("an overdue task completed through the action: its alerts (assignee and escalation) resolve after the commit", async () => {
    const taskId = randomUUID();
    const due = isoDay(-6);
    await db.conn.query(
      "insert into public.tasks (id, title, assignee_id, created_by, due_date, week_start) values ($1, 'Chase the signed order form', $2, $3, $4, $5)",
      [taskId, sales.id, sales.id, due, mondayOf(due)],
    );
    await evaluate();
    expect((await alertAbout(taskId, "task_overdue")).map((a) => a.status)).toEqual(["open", "open"]);
    await as(sales);
    expect(await taskActions.setTaskCompletedAction({ id: taskId, completed: true })).toMatchObject({ ok: true });
    const after = await alertAbout(taskId, "task_overdue");
    expect(after.map((a) => a.status)).toEqual(["resolved", "resolved"]);
    expect(after[0]!.resolution).toMatch(/completed/);

    // Reopened (still overdue): the same condition holds again, so its alert reopens rather than a duplicate.
    expect(await taskActions.setTaskCompletedAction({ id: taskId, completed: false })).toMatchObject({ ok: true });
    expect((await alertAbout(taskId, "task_overdue")).map((a) => a.status)).toEqual(["open", "open"]);
  });

  test("a rescheduled task resolves its overdue alert; a new date starts over", async () => {
    const taskId = randomUUID();
    const due = isoDay(-2);
    await db.conn.query(
      "insert into public.tasks (id, title, assignee_id, created_by, due_date, week_start) values ($1, 'Send the proposal', $2, $3, $4, $5)",
      [taskId, sales.id, sales.id, due, mondayOf(due)],
    );
    await evaluate();
    await as(sales);
    expect(await taskActions.bulkTasksAction({ op: "reschedule", ids: [taskId], dueDate: isoDay(3) })).toMatchObject({ ok: true });
    expect((await alertAbout(taskId, "task_overdue")).map((a) => a.status)).toEqual(["resolved"]);
  });

  test("goal behind pace shows today's figures, and resolves once a win puts it back on pace", async () => {
    const now = new Date();
    const quarter = Math.floor(now.getUTCMonth() / 3);
    const start = Date.UTC(now.getUTCFullYear(), quarter * 3, 1);
    const at = new Date(start + 50 * DAY);
    const closed = new Date(start + 2 * DAY).toISOString().slice(0, 10);
    const [goal] = await db.conn.query<{ id: string }>(
      "insert into public.quarterly_goals (year, quarter, owner_id, target_minor) values ($1, $2, $3, 8000000) returning id",
      [now.getUTCFullYear(), quarter + 1, vp.id],
    );
    await f.createOpportunity(db.conn, { ownerId: vp.id, stageId: stages.closed_won, valueMinor: 1_000_000, actualCloseDate: closed });
    await evaluate(at);
    const [behind] = await alertAbout(goal!.id, "goal_milestone");
    expect(behind).toMatchObject({ status: "open" });
    expect(behind!.body).toContain("$10,000.00 of $80,000.00");

    // Another win, still behind: the same alert now says what is true.
    await f.createOpportunity(db.conn, { ownerId: vp.id, stageId: stages.closed_won, valueMinor: 1_700_000, actualCloseDate: closed });
    await refresh(at, { userId: vp.id });
    expect((await alertAbout(goal!.id, "goal_milestone"))[0]!.body).toContain("$27,000.00 of $80,000.00");

    // An $18K win: no longer behind pace, so the behind alert resolves.
    await f.createOpportunity(db.conn, { ownerId: vp.id, stageId: stages.closed_won, valueMinor: 5_000_000, actualCloseDate: closed });
    await refresh(at, { rules: ["goal_milestone"] });
    const [after] = await alertAbout(goal!.id, "goal_milestone");
    expect(after).toMatchObject({ id: behind!.id, status: "resolved" });
    expect(after!.resolution).toMatch(/pace/);
  });

  test("nobody can mark an alert resolved or reopen a resolved one: only the refresh job writes resolved_at", async () => {
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.proposal,
      stageEnteredAt: new Date(Date.now() - 30 * DAY),
    });
    await evaluate();
    const [alert] = await alertAbout(opp.id, "opportunity_stagnation");
    const run = (text: string) =>
      withSession({ claims: f.claimsOf(sales) }, (tx) => tx.execute(sql.raw(text)), db.conn).then(
        () => "ok",
        (e: { cause?: { code?: string }; code?: string }) => e.cause?.code ?? e.code ?? "error",
      );
    expect(await run(`update public.alerts set status = 'resolved' where id = '${alert!.id}'`)).toBe("23514");
    expect(await run(`update public.alerts set resolved_at = now() where id = '${alert!.id}'`)).toBe("42501");
    await db.conn.query("update public.opportunities set stage_entered_at = now() where id = $1", [opp.id]);
    await refresh(new Date(), { entityIds: [opp.id] });
    expect(await run(`update public.alerts set status = 'open' where id = '${alert!.id}'`)).toBe("23514");
    expect((await alertAbout(opp.id, "opportunity_stagnation"))[0]!.status).toBe("resolved");
  });
});
