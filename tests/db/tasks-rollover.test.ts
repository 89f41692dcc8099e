import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const taskActions = await import("@/lib/tasks/actions");
const templateActions = await import("@/lib/tasks/template-actions");
const { moveOpportunityAction } = await import("@/lib/opportunities/actions");
const { runTaskRollover } = await import("@/lib/tasks/rollover");
const { addDays, addWeeks, isoDate, weekStartOf } = await import("@/lib/tasks/week");

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;
let otherSales: f.TestUser;

interface TaskState {
  id: string;
  week_start: string;
  rollover_count: number;
  completed: boolean;
}
const state = async (ids: string[]) =>
  db.conn.query<TaskState>(
    "select id, to_char(week_start, 'YYYY-MM-DD') as week_start, rollover_count, completed_at is not null as completed from public.tasks where id = any($1::uuid[]) order by title",
    [ids],
  );
const eventKinds = async (id: string) =>
  (
    await db.conn.query<{ kind: string }>(
      "select kind from public.task_events where task_id = $1 order by id",
      [id],
    )
  ).map((e) => e.kind);

async function createTask(user: f.TestUser, title: string) {
  await as(user);
  const result = await taskActions.createTaskAction({ title });
  if (!result.ok) throw new Error(result.error);
  return result.data.id;
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Test Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  otherSales = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => db?.close());

describe("weekly rollover (injectable clock)", () => {
  test("at the next week, open tasks move with count 1 and their history; completed ones stay; a rerun changes nothing", async () => {
    const thisWeek = weekStartOf(new Date());
    const open = await createTask(sales, "a open proposal follow-up");
    const done = await createTask(sales, "b finished call notes");
    await as(sales);
    await taskActions.updateTaskAction({ id: open, title: "a open proposal follow-up", priority: "high" });
    await taskActions.setTaskCompletedAction({ id: done, completed: true });

    // A run inside the same week has nothing to do.
    expect(await runTaskRollover(new Date())).toEqual({ weekStart: thisWeek, moved: 0 });

    const nextWeek = addWeeks(thisWeek, 1);
    const clock = new Date(`${addDays(nextWeek, 2)}T09:30:00Z`);
    expect(await runTaskRollover(clock)).toEqual({ weekStart: nextWeek, moved: 1 });
    expect(await state([open, done])).toEqual([
      { id: open, week_start: nextWeek, rollover_count: 1, completed: false },
      { id: done, week_start: thisWeek, rollover_count: 0, completed: true },
    ]);
    expect(await eventKinds(open)).toEqual(["created", "edited", "rolled_over"]);
    expect(await eventKinds(done)).toEqual(["created", "completed"]);
    const [event] = await db.conn.query<{
      detail: { from: string; to: string; weeks: number };
      actor_id: string | null;
    }>("select detail, actor_id from public.task_events where task_id = $1 and kind = 'rolled_over'", [open]);
    expect(event).toEqual({ detail: { from: thisWeek, to: nextWeek, weeks: 1 }, actor_id: null });

    expect(await runTaskRollover(new Date(clock.getTime() + 3_600_000))).toEqual({
      weekStart: nextWeek,
      moved: 0,
    });
    expect(await state([open])).toEqual([
      { id: open, week_start: nextWeek, rollover_count: 1, completed: false },
    ]);
    expect(await eventKinds(open)).toEqual(["created", "edited", "rolled_over"]);

    // The rollover is the system's doing: the audit log names the job.
    const [audit] = await db.conn.query<{ n: number }>(
      "select count(*)::int as n from public.audit_log where entity_id = $1::text and action = 'update' and actor_label = 'job:tasks.rollover'",
      [open],
    );
    expect(audit?.n).toBe(1);
  });

  test("a task several weeks stale moves once and counts every week boundary it crossed", async () => {
    const stale = await createTask(otherSales, "c stale task");
    const threeWeeksAgo = addWeeks(weekStartOf(new Date()), -3);
    await db.conn.query("update public.tasks set week_start = $2 where id = $1", [stale, threeWeeksAgo]);
    const result = await runTaskRollover(new Date());
    expect(result.moved).toBe(1);
    expect(await state([stale])).toEqual([
      { id: stale, week_start: weekStartOf(new Date()), rollover_count: 3, completed: false },
    ]);
    expect(await eventKinds(stale)).toEqual(["created", "rolled_over"]);
  });
});

describe("stage checklists", () => {
  test("moving a deal to POC creates the POC checklist for its owner, once", async () => {
    await as(vp);
    for (const [title, dueInDays] of [
      ["Agree POC success criteria", 2],
      ["Provision the sandbox", 5],
    ] as const) {
      expect(
        await templateActions.createTaskTemplateAction({
          stageId: stages.poc,
          title,
          priority: "high",
          dueInDays,
        }),
      ).toMatchObject({ ok: true });
    }
    await as(sales);
    expect(
      await templateActions.createTaskTemplateAction({ stageId: stages.poc, title: "Nope", dueInDays: 1 }),
    ).toMatchObject({ ok: false, status: 403 });

    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      technicalContactName: "Ada",
    });
    const checklist = () =>
      db.conn.query<{
        title: string;
        assignee_id: string;
        category: string;
        due_date: string;
        priority: string;
      }>(
        "select title, assignee_id, category::text, to_char(due_date, 'YYYY-MM-DD') as due_date, priority::text from public.tasks where opportunity_id = $1 order by title",
        [opp.id],
      );
    // The VP moves the deal: the checklist still goes to the deal's owner.
    await as(vp);
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.poc })).toMatchObject({ ok: true });
    const today = isoDate(new Date());
    expect(await checklist()).toEqual([
      {
        title: "Agree POC success criteria",
        assignee_id: sales.id,
        category: "opportunity",
        due_date: addDays(today, 2),
        priority: "high",
      },
      {
        title: "Provision the sandbox",
        assignee_id: sales.id,
        category: "opportunity",
        due_date: addDays(today, 5),
        priority: "high",
      },
    ]);

    // Reordering within POC, and bouncing back to demo and into POC again, create nothing new.
    await as(sales);
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.poc })).toMatchObject({ ok: true });
    expect(
      await moveOpportunityAction({ id: opp.id, toStageId: stages.demo, justification: "Re-qualifying" }),
    ).toMatchObject({ ok: true });
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.poc })).toMatchObject({ ok: true });
    expect(await checklist()).toHaveLength(2);

    // Stages without templates create no tasks.
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.proposal })).toMatchObject({
      ok: true,
    });
    expect(await checklist()).toHaveLength(2);
  });

  test("the VP edits, reorders and deletes checklist items; bad input is refused field by field", async () => {
    await as(vp);
    const created = await templateActions.createTaskTemplateAction({
      stageId: stages.proposal,
      title: "Send the proposal",
      dueInDays: 1,
    });
    const second = await templateActions.createTaskTemplateAction({
      stageId: stages.proposal,
      title: "Book the pricing review",
      dueInDays: 3,
    });
    const id = created.ok ? created.data.id : "";
    const secondId = second.ok ? second.data.id : "";
    const bad = await templateActions.updateTaskTemplateAction({
      id,
      title: "",
      priority: "medium",
      dueInDays: 400,
    });
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(["dueInDays", "title"]);
    expect(
      await templateActions.updateTaskTemplateAction({
        id,
        title: "Send the signed proposal",
        priority: "urgent",
        dueInDays: 2,
      }),
    ).toMatchObject({ ok: true });
    expect(await templateActions.moveTaskTemplateAction({ id: secondId, direction: "up" })).toMatchObject({
      ok: true,
      data: { moved: true },
    });
    expect(await templateActions.moveTaskTemplateAction({ id: secondId, direction: "up" })).toMatchObject({
      ok: true,
      data: { moved: false },
    });
    const order = await db.conn.query<{ title: string; priority: string }>(
      "select title, priority::text from public.task_templates where stage_id = $1 order by position",
      [stages.proposal],
    );
    expect(order).toEqual([
      { title: "Book the pricing review", priority: "medium" },
      { title: "Send the signed proposal", priority: "urgent" },
    ]);
    await as(sales);
    expect(await templateActions.deleteTaskTemplateAction({ id })).toMatchObject({ ok: false, status: 403 });
    await as(vp);
    expect(await templateActions.deleteTaskTemplateAction({ id })).toMatchObject({ ok: true });
    expect(await templateActions.deleteTaskTemplateAction({ id: secondId })).toMatchObject({ ok: true });
  });

  test("a refused move creates no checklist", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo });
    await as(sales);
    expect(await moveOpportunityAction({ id: opp.id, toStageId: stages.poc })).toMatchObject({
      ok: false,
      status: 422,
      field: "technical_contact_name",
    });
    const [row] = await db.conn.query<{ n: number }>(
      "select count(*)::int as n from public.tasks where opportunity_id = $1",
      [opp.id],
    );
    expect(row?.n).toBe(0);
  });
});
