import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";

const storageDir = await mkdtemp(path.join(tmpdir(), "status-storage-"));
process.env.STORAGE_DIR = storageDir;

const attachmentActions = await import("@/lib/status/attachment-actions");
const meetingActions = await import("@/lib/status/meeting-actions");
const { readAttachment } = await import("@/lib/status/attachments");
const { sendStatusReminders } = await import("@/lib/status/reminders");
const { getMeetingAgenda } = await import("@/lib/status/meeting");
const { createLocalStorage } = await import("@/lib/storage/local");
const { runAsUser, withSystem } = await import("@/lib/db/session");
const { seedStatusHistory } = await import("@/lib/seed/demo-status");
const { listTeamStatuses } = await import("@/lib/status/queries");
const { addWeeks, complianceOf, deadlineOf, weekStartOf } = await import("@/lib/status/week");

let db: TestDatabase;
let vp: f.TestUser;
const week = weekStartOf(new Date());
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

const count = async (query: string, params: unknown[] = []) =>
  (await db.conn.query<{ n: number }>(query, params))[0]!.n;
const storedFiles = async () =>
  (await readdir(storageDir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).length;
const form = (name: string, bytes: Uint8Array, weekStart = week) => {
  const data = new FormData();
  data.set("weekStart", weekStart);
  data.set("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
  return data;
};

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Files Co')");
  vp = await f.createUser(db.conn, { role: "vp" });
});
afterAll(async () => {
  await db?.close();
  await rm(storageDir, { recursive: true, force: true });
});

describe("attachments", () => {
  test("oversized files and disallowed or disguised types get clear errors and nothing is written", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    await as(sales);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(PDF);
    expect(await attachmentActions.uploadAttachmentAction(form("deck.pdf", big))).toMatchObject({
      ok: false,
      status: 422,
      error: "The file is 10.0 MB; attachments can be at most 10 MB",
    });
    expect(
      await attachmentActions.uploadAttachmentAction(form("setup.exe", Uint8Array.from([0x4d, 0x5a, 1, 2]))),
    ).toMatchObject({
      ok: false,
      fieldErrors: { file: [expect.stringMatching(/^“\.exe” files cannot be attached\. Allowed: pdf, png/)] },
    });
    expect(await attachmentActions.uploadAttachmentAction(form("report.pdf", PNG))).toMatchObject({
      ok: false,
      error: "The file's content is not a valid .pdf file",
    });
    expect(await count("select count(*)::int as n from public.status_attachments")).toBe(0);
    expect(
      await count("select count(*)::int as n from public.weekly_statuses where user_id = $1", [sales.id]),
    ).toBe(0);
    expect(await storedFiles()).toBe(0);
  });

  test("a valid file is stored and readable by its owner and the VP; only the owner deletes it", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const other = await f.createUser(db.conn, { role: "sales_manager" });
    await as(sales);
    const uploaded = await attachmentActions.uploadAttachmentAction(form("pipeline review.pdf", PDF));
    expect(uploaded).toMatchObject({
      ok: true,
      data: { fileName: "pipeline review.pdf", contentType: "application/pdf", sizeBytes: PDF.length },
    });
    const id = uploaded.ok ? uploaded.data.id : "";
    expect(await storedFiles()).toBe(1);
    const port = createLocalStorage(storageDir);
    const asVp = await runAsUser(db.conn, vp.claims, (tx) => readAttachment(tx, id, port));
    expect(asVp?.bytes).toEqual(PDF);
    expect(await runAsUser(db.conn, other.claims, (tx) => readAttachment(tx, id, port))).toBeNull();
    await as(other);
    expect(await attachmentActions.deleteAttachmentAction({ id })).toMatchObject({ ok: false, status: 404 });
    await as(sales);
    expect(await attachmentActions.deleteAttachmentAction({ id })).toMatchObject({ ok: true });
    expect(await count("select count(*)::int as n from public.status_attachments")).toBe(0);
    expect(await storedFiles()).toBe(0);
  });

  test("the local adapter refuses keys that escape its folder", async () => {
    const port = createLocalStorage(storageDir);
    await expect(port.put("../outside.txt", PDF, "text/plain")).rejects.toThrow(/Unsafe storage key/);
    await expect(port.put("/etc/passwd", PDF, "text/plain")).rejects.toThrow(/Unsafe storage key/);
    await expect(port.get("a/../../b")).rejects.toThrow(/Unsafe storage key/);
  });
});

describe("reminders", () => {
  test("before the deadline, everyone without a submitted status is reminded once per week", async () => {
    const late = await f.createUser(db.conn, { role: "sales_manager" });
    const done = await f.createUser(db.conn, { role: "finance" });
    await f.createUser(db.conn, { role: "partner", partnerId: (await f.createPartner(db.conn)).id });
    await db.conn.query(
      "insert into public.weekly_statuses (user_id, week_start, accomplishments, status, submitted_at) values ($1, $2, 'Done', 'submitted', now())",
      [done.id, week],
    );
    const deadline = deadlineOf(week);
    const run = (offsetHours: number) =>
      withSystem(
        "test.reminders",
        (tx) => sendStatusReminders(tx, new Date(deadline.getTime() - offsetHours * 3_600_000)),
        db.conn,
      );

    expect(await run(30)).toEqual({ reminded: 0 });
    const first = await run(6);
    const staff = await count("select count(*)::int as n from public.profiles where role <> 'partner'");
    expect(first.reminded).toBe(staff - 1);
    expect(await run(2)).toEqual({ reminded: 0 });
    expect(await run(-1)).toEqual({ reminded: 0 });
    const reminders = (userId: string) =>
      count(
        "select count(*)::int as n from public.notifications where user_id = $1 and kind = 'status_reminder'",
        [userId],
      );
    expect(await reminders(late.id)).toBe(1);
    expect(await reminders(done.id)).toBe(0);
    expect(
      await count(
        "select count(*)::int as n from public.email_outbox where template = 'status_reminder' and to_email = $1",
        [late.email],
      ),
    ).toBe(1);
  });
});

describe("meeting mode", () => {
  test("the agenda lists open blockers, urgent alerts, stalled deals and goals behind pace", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager", displayName: "Agenda Seller" });
    const stage = await f.createStage(db.conn, { name: "Demo" });
    await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stage.id,
      customerName: "Stalled Co",
      stageEnteredAt: new Date(Date.now() - 30 * 86_400_000),
    });
    await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stage.id, customerName: "Fresh Co" });
    const [status] = await db.conn.query<{ id: string }>(
      "insert into public.weekly_statuses (user_id, week_start) values ($1, $2) returning id",
      [sales.id, week],
    );
    await db.conn.query(
      "insert into public.status_blockers (status_id, user_id, description, severity, escalated) values ($1, $2, 'Need legal', 'high', true), ($1, $2, 'Old issue', 'low', false)",
      [status!.id, sales.id],
    );
    await db.conn.query(
      "update public.status_blockers set resolved_at = now(), resolution = 'done' where description = 'Old issue'",
    );
    await db.conn.query(
      "insert into public.alerts (rule_key, user_id, dedupe_key, priority, category, title) values ('close_date', $1, 'k1', 'high', 'pipeline', 'Close date passed'), ('close_date', $1, 'k2', 'low', 'pipeline', 'Minor')",
      [sales.id],
    );
    const now = new Date();
    await db.conn.query(
      "insert into public.quarterly_goals (year, quarter, owner_id, target_minor) values ($1, $2, $3, 100000000)",
      [now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) + 1, sales.id],
    );

    const agenda = await runAsUser(db.conn, vp.claims, (tx) => getMeetingAgenda(tx, now));
    expect(agenda.blockers.map((b) => b.description)).toEqual(["Need legal"]);
    expect(agenda.alerts.map((a) => a.title)).toEqual(["Close date passed"]);
    expect(agenda.stalled.map((d) => d.customer)).toEqual(["Stalled Co"]);
    expect(agenda.goals.find((g) => g.scope === "Agenda Seller")).toMatchObject({
      targetMinor: 100_000_000,
      wonMinor: 0,
    });
  });

  test("a decision becomes a task with its history; a partner user cannot be the assignee", async () => {
    const sales = await f.createUser(db.conn, { role: "sales_manager" });
    const partner = await f.createUser(db.conn, {
      role: "partner",
      partnerId: (await f.createPartner(db.conn)).id,
    });
    await as(sales);
    expect(
      await meetingActions.recordDecisionAction({ title: "Not mine to decide", assigneeId: sales.id }),
    ).toMatchObject({ ok: false, status: 403 });
    await as(vp);
    const refused = await meetingActions.recordDecisionAction({
      title: "Call the partner",
      assigneeId: partner.id,
    });
    expect(refused).toMatchObject({
      ok: false,
      status: 422,
      field: "assigneeId",
      error: "Tasks can only be assigned to an active teammate",
    });
    expect(await meetingActions.recordDecisionAction({ title: " ", assigneeId: sales.id })).toMatchObject({
      ok: false,
      fieldErrors: { title: ["Write the decision"] },
    });
    expect(await count("select count(*)::int as n from public.tasks")).toBe(0);
    const decided = await meetingActions.recordDecisionAction({
      title: "Offer Globex a paid POC",
      assigneeId: sales.id,
      dueDate: "2030-01-10",
    });
    expect(decided.ok).toBe(true);
    const [task] = await db.conn.query<{
      assignee_id: string;
      delegated_by: string;
      due_date: string;
      priority: string;
    }>("select assignee_id, delegated_by, due_date::text, priority::text from public.tasks");
    expect(task).toEqual({
      assignee_id: sales.id,
      delegated_by: vp.id,
      due_date: "2030-01-10",
      priority: "high",
    });
    expect(
      await count(
        "select count(*)::int as n from public.task_events where kind = 'created' and actor_id = $1",
        [vp.id],
      ),
    ).toBe(1);
  });
});

describe("demo seed", () => {
  test("four past weeks of statuses with one late, one missing and blockers (one escalated, one resolved)", async () => {
    const ids = {
      vp: (await f.createUser(db.conn, { role: "vp" })).id,
      sales1: (await f.createUser(db.conn, { role: "sales_manager" })).id,
      sales2: (await f.createUser(db.conn, { role: "sales_manager" })).id,
      sales3: (await f.createUser(db.conn, { role: "sales_manager" })).id,
      pm1: (await f.createUser(db.conn, { role: "partnership_manager" })).id,
      pm2: (await f.createUser(db.conn, { role: "partnership_manager" })).id,
      finance: (await f.createUser(db.conn, { role: "finance" })).id,
    };
    const now = new Date();
    await withSystem("test.seed", (tx) => seedStatusHistory(tx, ids, now), db.conn);
    const rows = await runAsUser(db.conn, vp.claims, (tx) =>
      listTeamStatuses(tx, { fromWeek: addWeeks(week, -4), toWeek: addWeeks(week, -1) }),
    );
    const mine = rows.filter((r) => Object.values(ids).includes(r.userId));
    expect(mine).toHaveLength(28);
    const states = mine.map((r) => complianceOf(r.weekStart, r.status?.submittedAt ?? null, now));
    expect(states.filter((c) => c === "missing")).toHaveLength(1);
    expect(states.filter((c) => c === "late")).toHaveLength(1);
    expect(
      mine.find((r) => r.userId === ids.sales1 && r.weekStart === addWeeks(week, -1))!.status!
        .accomplishments,
    ).toMatch(/\S/);
    const blockers = await db.conn.query<{ escalated: boolean; resolved: boolean }>(
      "select escalated, resolved_at is not null as resolved from public.status_blockers where user_id = any($1::uuid[]) order by created_at",
      [Object.values(ids)],
    );
    expect(blockers).toHaveLength(3);
    expect(blockers.filter((b) => b.escalated && !b.resolved)).toHaveLength(1);
    expect(blockers.filter((b) => b.resolved)).toHaveLength(1);
  });
});
