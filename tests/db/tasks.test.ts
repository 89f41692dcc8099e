import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";

const actions = await import("@/lib/tasks/actions");
const queries = await import("@/lib/tasks/queries");
const { runAsUser } = await import("@/lib/db/session");
const { weekStartOf, addDays, isoDate } = await import("@/lib/tasks/week");

let db: TestDatabase;
let vp: f.TestUser;
let sales: f.TestUser;
let otherSales: f.TestUser;
let partnerUser: f.TestUser;
let partnerId: string;

const today = () => isoDate(new Date());
const count = async (sqlText: string, params: unknown[] = []) =>
  (await db.conn.query<{ n: number }>(sqlText, params))[0]!.n;
const taskRow = async (id: string) =>
  (
    await db.conn.query<{
      title: string;
      assignee_id: string;
      completed_at: Date | null;
      due_date: string | null;
      priority: string;
      delegated_by: string | null;
    }>(
      "select title, assignee_id, completed_at, to_char(due_date, 'YYYY-MM-DD') as due_date, priority::text, delegated_by from public.tasks where id = $1",
      [id],
    )
  )[0];
const eventKinds = async (id: string) =>
  (
    await db.conn.query<{ kind: string }>(
      "select kind from public.task_events where task_id = $1 order by id",
      [id],
    )
  ).map((e) => e.kind);

async function createTask(user: f.TestUser, input: Record<string, unknown> = {}) {
  await as(user);
  const result = await actions.createTaskAction({ title: "Follow up", ...input });
  if (!result.ok) throw new Error(`create failed: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return result.data.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  otherSales = await f.createUser(db.conn, { role: "sales_manager" });
  partnerId = (await f.createPartner(db.conn)).id;
  partnerUser = await f.createUser(db.conn, { role: "partner", partnerId });
});
afterAll(async () => db?.close());

describe("creating tasks", () => {
  test("a quick add lands in the week of its due date with a 'created' event", async () => {
    const due = addDays(today(), 8);
    const id = await createTask(sales, { title: "Send the pricing deck", priority: "high", dueDate: due });
    const [row] = await db.conn.query<{ week_start: string; assignee_id: string; created_by: string }>(
      "select to_char(week_start, 'YYYY-MM-DD') as week_start, assignee_id, created_by from public.tasks where id = $1",
      [id],
    );
    expect(row).toEqual({ week_start: weekStartOf(due), assignee_id: sales.id, created_by: sales.id });
    expect(await eventKinds(id)).toEqual(["created"]);
  });

  test("bad input gives field errors and writes nothing", async () => {
    const before = await count("select count(*)::int as n from public.tasks");
    await as(sales);
    const result = await actions.createTaskAction({
      title: "  ",
      priority: "critical" as never,
      dueDate: "next friday",
      category: "admin",
      opportunityId: "00000000-0000-4000-8000-000000000000",
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "dueDate",
      "priority",
      "title",
    ]);
    const mismatch = await actions.createTaskAction({
      title: "Call",
      category: "admin",
      opportunityId: "00000000-0000-4000-8000-000000000000",
    });
    expect(!mismatch.ok && mismatch.fieldErrors).toEqual({
      opportunityId: ["Only opportunity tasks link to an opportunity"],
    });
    const missing = await actions.createTaskAction({
      title: "Call",
      category: "opportunity",
      opportunityId: "00000000-0000-4000-8000-000000000000",
    });
    expect(!missing.ok && missing.fieldErrors).toEqual({
      opportunityId: ["That opportunity no longer exists"],
    });
    expect(await count("select count(*)::int as n from public.tasks")).toBe(before);
  });

  test("a partner user can create no task at all", async () => {
    await as(partnerUser);
    expect(await actions.createTaskAction({ title: "Sneaky" })).toMatchObject({ ok: false, status: 403 });
  });
});

describe("delegation", () => {
  test("delegating to a teammate records who handed it over", async () => {
    const id = await createTask(sales, { title: "Book the QBR room" });
    await as(sales);
    expect(
      await actions.updateTaskAction({ id, title: "Book the QBR room", assigneeId: otherSales.id }),
    ).toMatchObject({ ok: true });
    expect(await taskRow(id)).toMatchObject({ assignee_id: otherSales.id, delegated_by: sales.id });
    expect(await eventKinds(id)).toEqual(["created", "delegated"]);
  });

  test("delegating to a partner user is refused on the assignee field, and nothing is written", async () => {
    const id = await createTask(sales, { title: "Prepare the POC plan" });
    await as(sales);
    const result = await actions.updateTaskAction({
      id,
      title: "Prepare the POC plan (renamed)",
      assigneeId: partnerUser.id,
    });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      error: "Tasks can only be assigned to an active teammate",
    });
    expect(!result.ok && result.fieldErrors).toEqual({
      assigneeId: ["Tasks can only be assigned to an active teammate"],
    });
    expect(await taskRow(id)).toMatchObject({
      title: "Prepare the POC plan",
      assignee_id: sales.id,
      delegated_by: null,
    });
    expect(await eventKinds(id)).toEqual(["created"]);

    const before = await count("select count(*)::int as n from public.tasks");
    const created = await actions.createTaskAction({ title: "For the partner", assigneeId: partnerUser.id });
    expect(!created.ok && created.fieldErrors).toEqual({
      assigneeId: ["Tasks can only be assigned to an active teammate"],
    });
    expect(await count("select count(*)::int as n from public.tasks")).toBe(before);
  });
});

describe("who may change a task", () => {
  test("another sales manager cannot edit or complete someone else's task; the VP can", async () => {
    const id = await createTask(sales, { title: "Draft the mutual action plan" });
    await as(otherSales);
    expect(await actions.updateTaskAction({ id, title: "Hijacked" })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await actions.setTaskCompletedAction({ id, completed: true })).toMatchObject({
      ok: false,
      status: 404,
    });
    // Straight SQL as that person changes nothing either: RLS is the truth, not the action.
    const updated = await runAsUser(db.conn, otherSales.claims, async (tx) => {
      const result = await tx.execute(
        `update public.tasks set title = 'Hijacked' where id = '${id}' returning id` as never,
      );
      return Array.isArray(result) ? result.length : (result as { rows: unknown[] }).rows.length;
    });
    expect(updated).toBe(0);
    expect(await taskRow(id)).toMatchObject({ title: "Draft the mutual action plan", completed_at: null });

    await as(vp);
    expect(
      await actions.updateTaskAction({ id, title: "Draft the mutual action plan v2", priority: "urgent" }),
    ).toMatchObject({ ok: true });
    expect(await taskRow(id)).toMatchObject({ title: "Draft the mutual action plan v2", priority: "urgent" });
    expect(await eventKinds(id)).toEqual(["created", "edited"]);
  });

  test("completing and reopening leave history", async () => {
    const id = await createTask(sales);
    await as(sales);
    expect(await actions.setTaskCompletedAction({ id, completed: true })).toMatchObject({
      ok: true,
      data: { changed: true },
    });
    expect(await actions.setTaskCompletedAction({ id, completed: true })).toMatchObject({
      ok: true,
      data: { changed: false },
    });
    expect(await actions.setTaskCompletedAction({ id, completed: false })).toMatchObject({ ok: true });
    expect(await eventKinds(id)).toEqual(["created", "completed", "reopened"]);
  });
});

describe("bulk actions", () => {
  test("complete touches only the tasks the user may change", async () => {
    const mine = await createTask(sales, { title: "Mine" });
    const theirs = await createTask(otherSales, { title: "Theirs" });
    await as(sales);
    expect(await actions.bulkTasksAction({ op: "complete", ids: [mine, theirs] })).toMatchObject({
      ok: true,
      data: { changed: 1, skipped: 1 },
    });
    expect((await taskRow(mine))?.completed_at).not.toBeNull();
    expect((await taskRow(theirs))?.completed_at).toBeNull();
    expect(await eventKinds(theirs)).toEqual(["created"]);
  });

  test("reschedule moves due date and week, with history; a past date writes nothing", async () => {
    const a = await createTask(sales, { title: "A" });
    const b = await createTask(sales, { title: "B" });
    const theirs = await createTask(otherSales, { title: "Theirs" });
    await as(sales);
    const past = await actions.bulkTasksAction({
      op: "reschedule",
      ids: [a, b],
      dueDate: addDays(today(), -3),
    });
    expect(!past.ok && past.fieldErrors).toEqual({ dueDate: ["Pick today or a later date"] });
    expect(await eventKinds(a)).toEqual(["created"]);

    const due = addDays(today(), 14);
    expect(
      await actions.bulkTasksAction({ op: "reschedule", ids: [a, b, theirs], dueDate: due }),
    ).toMatchObject({ ok: true, data: { changed: 2, skipped: 1 } });
    expect((await taskRow(a))?.due_date).toBe(due);
    expect((await taskRow(theirs))?.due_date).toBeNull();
    const [week] = await db.conn.query<{ week_start: string }>(
      "select to_char(week_start, 'YYYY-MM-DD') as week_start from public.tasks where id = $1",
      [b],
    );
    expect(week?.week_start).toBe(weekStartOf(due));
    expect(await eventKinds(b)).toEqual(["created", "rescheduled"]);
  });

  test("delete removes only what the user created (or anything, for the VP)", async () => {
    const mine = await createTask(sales, { title: "Mine to delete" });
    const fromVp = await createTask(vp, { title: "Assigned by the VP", assigneeId: sales.id });
    const theirs = await createTask(otherSales, { title: "Not mine" });
    await as(sales);
    expect(await actions.bulkTasksAction({ op: "delete", ids: [mine, fromVp, theirs] })).toMatchObject({
      ok: true,
      data: { changed: 1, skipped: 2 },
    });
    expect(await taskRow(mine)).toBeUndefined();
    expect(await taskRow(fromVp)).toBeDefined();
    expect(await taskRow(theirs)).toBeDefined();
    await as(vp);
    expect(await actions.bulkTasksAction({ op: "delete", ids: [fromVp, theirs] })).toMatchObject({
      ok: true,
      data: { changed: 2, skipped: 0 },
    });
  });

  test("an empty or malformed selection is refused", async () => {
    await as(sales);
    expect(await actions.bulkTasksAction({ op: "complete", ids: [] })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ids: ["Select at least one task"] },
    });
    expect(await actions.bulkTasksAction({ op: "explode", ids: [] } as never)).toMatchObject({
      ok: false,
      status: 422,
    });
  });
});

describe("reading tasks", () => {
  test("a person's week lists their tasks with filters; another person's task is not found; the VP reads it with history", async () => {
    const urgent = await createTask(otherSales, { title: "Urgent thing", priority: "urgent" });
    await createTask(otherSales, { title: "Low thing", priority: "low" });
    const week = weekStartOf(new Date());
    const params = {
      userId: otherSales.id,
      scope: "mine" as const,
      weekStart: week,
      currentWeek: week,
      today: today(),
      status: "open" as const,
    };
    const listed = await runAsUser(db.conn, otherSales.claims, (tx) =>
      queries.listTasks(tx, { ...params, priority: "urgent" }),
    );
    expect(listed.map((t) => t.title)).toEqual(["Urgent thing"]);
    const nextWeek = await runAsUser(db.conn, otherSales.claims, (tx) =>
      queries.listTasks(tx, { ...params, weekStart: addDays(week, 7) }),
    );
    expect(nextWeek).toEqual([]);

    await expect(
      runAsUser(db.conn, sales.claims, (tx) => queries.getTaskOrThrow(tx, urgent)),
    ).rejects.toBeInstanceOf(queries.TaskNotFoundError);
    const detail = await runAsUser(db.conn, vp.claims, (tx) => queries.getTaskOrThrow(tx, urgent));
    expect(detail.events.map((e) => [e.kind, e.actorName])).toEqual([["created", "Test sales_manager"]]);
  });
});
