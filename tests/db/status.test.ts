import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

const actions = await import("@/lib/status/actions");
const blockerActions = await import("@/lib/status/blocker-actions");
const { getWeekActivity, prefillDraft } = await import("@/lib/status/prefill");
const { listTeamStatuses } = await import("@/lib/status/queries");
const { addWeeks, weekStartOf } = await import("@/lib/status/week");
const { runAsUser, withSystem } = await import("@/lib/db/session");
const { sql } = await import("drizzle-orm");

let db: TestDatabase;
let vp: f.TestUser;
let stages: StageIds;
const week = weekStartOf(new Date());

const count = async (query: string, params: unknown[] = []) =>
  (await db.conn.query<{ n: number }>(query, params))[0]!.n;
const draft = (
  overrides: Partial<{
    baseRevision: number;
    accomplishments: string;
    plans: string;
    weekStart: string;
  }> = {},
) => ({
  weekStart: week,
  baseRevision: 0,
  accomplishments: "Closed Acme",
  plans: "Demo for Globex",
  kpis: { meetingsHeld: 3 },
  ...overrides,
});

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Status Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp", displayName: "Vera VP" });
});
afterAll(async () => db?.close());

describe("weekly status saves", () => {
  test("an autosave from an older revision gets 409 and does not overwrite the newer text", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    await as(sales);
    const first = await actions.saveStatusDraftAction(draft());
    expect(first).toMatchObject({ ok: true, data: { revision: 1, status: "draft" } });
    const stale = await actions.saveStatusDraftAction(draft({ accomplishments: "Old tab text" }));
    expect(stale).toMatchObject({ ok: false, status: 409 });
    const second = await actions.saveStatusDraftAction(
      draft({ baseRevision: 1, accomplishments: "Closed Acme and Initech" }),
    );
    expect(second).toMatchObject({ ok: true, data: { revision: 2 } });
    const current = await actions.getMyStatusAction({ weekStart: week });
    expect(current.ok && current.data).toMatchObject({
      revision: 2,
      accomplishments: "Closed Acme and Initech",
      kpis: { meetingsHeld: 3 },
    });
  });

  test("a status for another person's week is refused by RLS and nothing is written", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const other = await f.createUser(db.conn, { role: "sales_manager" });
    const refused = await runAsUser(db.conn, sales.claims, (tx) =>
      tx.execute(
        sql`insert into public.weekly_statuses (user_id, week_start, accomplishments) values (${other.id}, ${week}, 'not mine')`,
      ),
    ).catch((error: { cause?: { message?: string } }) => error);
    expect(refused).toMatchObject({ cause: { message: expect.stringMatching(/row-level security/) } });
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where user_id = $1", [other.id]),
    ).toBe(0);

    await as(other);
    expect(await actions.saveStatusDraftAction(draft({ accomplishments: "Mine" }))).toMatchObject({
      ok: true,
    });
    const changed = await runAsUser(db.conn, sales.claims, (tx) =>
      tx.execute(
        sql`update public.weekly_statuses set accomplishments = 'hijacked' where user_id = ${other.id}`,
      ),
    );
    expect(changed).toBeDefined();
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where accomplishments = 'hijacked'"),
    ).toBe(0);
    const seen = await runAsUser(db.conn, sales.claims, (tx) =>
      listTeamStatuses(tx, { fromWeek: week, toWeek: week, userId: other.id }),
    );
    expect(seen[0]!.status).toBeNull();
  });

  test("past weeks are read-only, partners cannot write, and bad input gives field errors", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    await as(sales);
    const past = await actions.saveStatusDraftAction(draft({ weekStart: addWeeks(week, -1) }));
    expect(past).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { weekStart: ["Only this week's status can be changed"] },
    });
    const tuesday = addWeeks(week, 0).replace(/\d\d$/, (d) => String(Number(d) + 1).padStart(2, "0"));
    expect(await actions.saveStatusDraftAction(draft({ weekStart: tuesday }))).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(await actions.saveStatusDraftAction(draft({ accomplishments: "x".repeat(20001) }))).toMatchObject({
      ok: false,
      fieldErrors: { accomplishments: ["Accomplishments must stay under 20,000 characters"] },
    });
    const partner = await f.createPartner(db.conn);
    await as(await f.createUser(db.conn, { role: "partner", partnerId: partner.id }));
    expect(await actions.saveStatusDraftAction(draft())).toMatchObject({ ok: false, status: 403 });
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where user_id = $1", [sales.id]),
    ).toBe(0);
  });

  test("submitting needs accomplishments, then records the submission time once", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    await as(sales);
    const empty = await actions.submitStatusAction(draft({ accomplishments: "  " }));
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { accomplishments: ["Write at least one accomplishment before submitting"] },
    });
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where user_id = $1", [sales.id]),
    ).toBe(0);
    const submitted = await actions.submitStatusAction(draft());
    expect(submitted).toMatchObject({ ok: true, data: { status: "submitted", revision: 1 } });
    const again = await actions.submitStatusAction(
      draft({ baseRevision: 1, accomplishments: "Edited after submitting" }),
    );
    expect(again.ok && submitted.ok && again.data.submittedAt).toBe(
      submitted.ok ? submitted.data.submittedAt : null,
    );
  });
});

describe("prefill", () => {
  test("the week's stage moves, won deals, completed tasks and logged interactions of the person", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const other = await f.createUser(db.conn, { role: "sales_manager" });
    const moved = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.lead,
      customerName: "Acme Moved",
      valueMinor: 4_200_000,
    });
    const won = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.proposal,
      customerName: "Initech Won",
    });
    const theirs = await f.createOpportunity(db.conn, {
      ownerId: other.id,
      stageId: stages.lead,
      customerName: "Not Mine Corp",
    });
    await move(db.conn, sales.claims, moved.id, stages.demo);
    await move(db.conn, sales.claims, won.id, stages.closed_won, {
      closeDate: new Date().toISOString().slice(0, 10),
      finalValueMinor: 9_000_000,
    });
    await move(db.conn, other.claims, theirs.id, stages.demo);
    const partner = await f.createPartner(db.conn, { name: "Northwind" });
    await withSystem(
      "test.status",
      async (tx) => {
        await tx.execute(
          sql`insert into public.partner_interactions (partner_id, author_id, kind, summary) values (${partner.id}, ${sales.id}, 'qbr', 'Reviewed Q3 numbers')`,
        );
        await tx.execute(sql`insert into public.tasks (title, assignee_id, created_by, week_start, completed_at)
        values ('Send the POC plan', ${sales.id}, ${sales.id}, ${week}, now()), ('Prepare pricing', ${sales.id}, ${sales.id}, ${week}, null),
               ('Someone else''s task', ${other.id}, ${other.id}, ${week}, now())`);
      },
      db.conn,
    );
    const activity = await runAsUser(db.conn, sales.claims, (tx) =>
      getWeekActivity(tx, sales.id, "sales_manager", week),
    );
    const prefill = prefillDraft(activity);
    expect(prefill.accomplishments).toContain("- Acme Moved: Lead → Demo ($42,000.00)");
    expect(prefill.accomplishments).toContain("- Closed won: **Initech Won**");
    expect(prefill.accomplishments).toContain("- Completed: Send the POC plan");
    expect(prefill.accomplishments).toContain("- QBR with Northwind: Reviewed Q3 numbers");
    expect(prefill.accomplishments).not.toContain("Not Mine Corp");
    expect(prefill.accomplishments).not.toContain("Someone else");
    expect(prefill.plans).toBe("- Prepare pricing");
    expect(prefill.kpis).toMatchObject({ demos: 1, dealsMoved: 2, meetingsHeld: 1 });
  });
});

describe("blockers", () => {
  test("escalating notifies the VP; the VP resolves with a note and the owner hears of it", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager", displayName: "Sam Seller" });
    await as(sales);
    const added = await blockerActions.addBlockerAction({
      weekStart: week,
      description: "Legal review stuck",
      severity: "high",
      escalated: false,
    });
    expect(added.ok).toBe(true);
    const id = added.ok ? added.data.id : "";
    const vpNotes = () =>
      count(
        "select count(*)::int as n from public.notifications where user_id = $1 and kind = 'blocker_escalated'",
        [vp.id],
      );
    const before = await vpNotes();
    expect(await blockerActions.updateBlockerAction({ id, escalated: true })).toMatchObject({ ok: true });
    expect(
      await blockerActions.updateBlockerAction({ id, escalated: true, severity: "critical" }),
    ).toMatchObject({ ok: true });
    expect(await vpNotes()).toBe(before + 1);

    expect(await blockerActions.resolveBlockerAction({ id, resolution: "Mine now" })).toMatchObject({
      ok: false,
      status: 403,
    });
    await as(vp);
    expect(await blockerActions.resolveBlockerAction({ id, resolution: "" })).toMatchObject({
      ok: false,
      fieldErrors: { resolution: ["Write how it was resolved"] },
    });
    expect(
      await blockerActions.resolveBlockerAction({ id, resolution: "Escalated to their GC; signed Tuesday" }),
    ).toMatchObject({ ok: true });
    expect(await blockerActions.resolveBlockerAction({ id, resolution: "Twice" })).toMatchObject({
      ok: false,
      status: 404,
    });
    const [row] = await db.conn.query<{ resolved_by: string; resolution: string; severity: string }>(
      "select resolved_by, resolution, severity from public.status_blockers where id = $1",
      [id],
    );
    expect(row).toEqual({
      resolved_by: vp.id,
      resolution: "Escalated to their GC; signed Tuesday",
      severity: "critical",
    });
    expect(
      await count(
        "select count(*)::int as n from public.notifications where user_id = $1 and kind = 'blocker_resolved'",
        [sales.id],
      ),
    ).toBe(1);
  });

  test("another person's blocker cannot be edited or removed; bad input writes nothing", async () => {
    const owner = await f.createUser(db.conn, { role: "partnership_manager" });
    const intruder = await f.createUser(db.conn, { role: "sales_manager" });
    await as(owner);
    const added = await blockerActions.addBlockerAction({
      weekStart: week,
      description: "Partner went quiet",
      severity: "medium",
      escalated: false,
    });
    const id = added.ok ? added.data.id : "";
    await as(intruder);
    expect(await blockerActions.updateBlockerAction({ id, description: "changed" })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect(await blockerActions.removeBlockerAction({ id })).toMatchObject({ ok: false, status: 404 });
    expect(
      await blockerActions.addBlockerAction({
        weekStart: week,
        description: " ",
        severity: "urgent" as "high",
        escalated: false,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { description: ["Describe the blocker"], severity: ["Choose a severity"] },
    });
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where user_id = $1", [intruder.id]),
    ).toBe(0);
    await as(owner);
    expect(await blockerActions.removeBlockerAction({ id })).toMatchObject({ ok: true });
    expect(await count("select count(*)::int as n from public.status_blockers where id = $1", [id])).toBe(0);
  });
});
