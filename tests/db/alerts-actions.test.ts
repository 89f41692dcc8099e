import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const actions = await import("@/lib/alerts/actions");
const { evaluateAlerts } = await import("@/lib/alerts/engine");
const { sendAlertDigests } = await import("@/lib/alerts/digest");
const { listAlerts } = await import("@/lib/alerts/queries");
const { moveOpportunityAction } = await import("@/lib/opportunities/actions");
const { rows, runAsUser, withSystem } = await import("@/lib/db/session");

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;
let other: f.TestUser;
let partnerUser: f.TestUser;

const DAY = 86_400_000;
const evaluate = (now = new Date()) => withSystem("test.alerts", (tx) => evaluateAlerts(tx, now), db.conn);
const stagnant = (ownerId: string, days = 20) =>
  f.createOpportunity(db.conn, {
    ownerId,
    stageId: stages.lead,
    stageEnteredAt: new Date(Date.now() - days * DAY),
  });
const alertsFor = (userId: string) =>
  db.conn.query<{ id: string; status: string; snoozed_until: string | null; rule_key: string }>(
    "select id, status, snoozed_until::text, rule_key from public.alerts where user_id = $1 order by created_at, id",
    [userId],
  );
const visibleTo = (user: f.TestUser) =>
  runAsUser(db.conn, user.claims, (tx) =>
    rows<{ user_id: string }>(tx, sql`select user_id from public.alerts`),
  );
const rule = async (key: string) =>
  (
    await db.conn.query<{ enabled: boolean; thresholds: Record<string, unknown>; priority: string }>(
      "select enabled, thresholds, priority from public.alert_rules where key = $1",
      [key],
    )
  )[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Alert Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  other = await f.createUser(db.conn, { role: "partnership_manager" });
  const partner = await f.createPartner(db.conn);
  partnerUser = await f.createUser(db.conn, { role: "partner", partnerId: partner.id });
  await stagnant(sales.id);
  await stagnant(other.id);
  await evaluate();
});
afterAll(async () => db?.close());

describe("who sees and changes alerts", () => {
  test("people see their own alerts, the VP sees all, partner users see none", async () => {
    expect((await visibleTo(sales)).map((r) => r.user_id)).toEqual([sales.id]);
    expect((await visibleTo(other)).map((r) => r.user_id)).toEqual([other.id]);
    expect(new Set((await visibleTo(vp)).map((r) => r.user_id))).toEqual(new Set([sales.id, other.id]));
    expect(await visibleTo(partnerUser)).toEqual([]);
  });

  test("the VP's team view lists everyone's alerts; everyone else's list is their own whatever they ask", async () => {
    const list = (user: f.TestUser) =>
      runAsUser(db.conn, user.claims, (tx) =>
        listAlerts(tx, user.id, { tab: "open", everyone: true }, new Date()),
      );
    expect(new Set((await list(vp)).map((a) => a.userId))).toEqual(new Set([sales.id, other.id]));
    expect(new Set((await list(sales)).map((a) => a.userId))).toEqual(new Set([sales.id]));
    expect(await list(partnerUser)).toEqual([]);
  });

  test("nobody changes someone else's alert, not even the VP; partner users cannot act at all", async () => {
    const [theirs] = await alertsFor(sales.id);
    await as(vp);
    expect(await actions.acknowledgeAlertsAction({ ids: [theirs!.id] })).toMatchObject({
      ok: false,
      status: 404,
    });
    await as(other);
    expect(await actions.dismissAlertsAction({ ids: [theirs!.id] })).toMatchObject({
      ok: false,
      status: 404,
    });
    const direct = await runAsUser(db.conn, vp.claims, (tx) =>
      rows(tx, sql`update public.alerts set status = 'dismissed' where id = ${theirs!.id} returning id`),
    );
    expect(direct).toHaveLength(0);
    await as(partnerUser);
    expect(await actions.acknowledgeAlertsAction({ ids: [theirs!.id] })).toMatchObject({
      ok: false,
      status: 403,
    });
    expect((await alertsFor(sales.id))[0]!.status).toBe("open");
  });

  test("a batch with one foreign id changes nothing", async () => {
    const [mine] = await alertsFor(other.id);
    const [theirs] = await alertsFor(sales.id);
    await as(other);
    expect(await actions.acknowledgeAlertsAction({ ids: [mine!.id, theirs!.id] })).toMatchObject({
      ok: false,
      status: 404,
    });
    expect((await alertsFor(other.id))[0]!.status).toBe("open");
  });

  test("malformed input gives field errors", async () => {
    await as(sales);
    expect(await actions.acknowledgeAlertsAction({ ids: [] })).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { ids: ["Select alerts first"] },
    });
    expect(
      await actions.snoozeAlertsAction({ ids: [(await alertsFor(sales.id))[0]!.id], until: "custom" }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { customDate: ["Pick a date"] },
    });
  });
});

describe("snooze, acknowledge, dismiss", () => {
  test("snooze hides the alert until the time passes, then it is open again", async () => {
    const [alert] = await alertsFor(sales.id);
    await as(sales);
    const result = await actions.snoozeAlertsAction({ ids: [alert!.id], until: "1d" });
    expect(result).toMatchObject({ ok: true, data: { updated: 1 } });
    const list = (now: Date, tab: "open" | "snoozed") =>
      runAsUser(db.conn, sales.claims, (tx) => listAlerts(tx, sales.id, { tab }, now));
    expect((await list(new Date(), "open")).map((a) => a.id)).not.toContain(alert!.id);
    expect((await list(new Date(), "snoozed")).map((a) => a.id)).toContain(alert!.id);
    const later = new Date(Date.now() + DAY + 60_000);
    expect((await list(later, "open")).map((a) => a.id)).toContain(alert!.id);
    const report = await evaluate(later);
    expect(report.woken).toBe(1);
    expect((await alertsFor(sales.id))[0]).toMatchObject({ status: "open", snoozed_until: null });
  });

  test("dismissed alerts are history and never come back for the same condition", async () => {
    const [alert] = await alertsFor(other.id);
    await as(other);
    expect(await actions.dismissAlertsAction({ ids: [alert!.id] })).toMatchObject({
      ok: true,
      data: { updated: 1 },
    });
    expect(await actions.dismissAlertsAction({ ids: [alert!.id] })).toMatchObject({
      ok: true,
      data: { updated: 0 },
    });
    await evaluate(new Date(Date.now() + 2 * DAY));
    expect((await alertsFor(other.id)).filter((a) => a.rule_key === "opportunity_stagnation")).toHaveLength(
      1,
    );
    const history = await runAsUser(db.conn, other.claims, (tx) =>
      listAlerts(tx, other.id, { tab: "history" }, new Date()),
    );
    expect(history.map((a) => a.id)).toEqual([alert!.id]);
  });
});

describe("frequency controls", () => {
  test("max per day holds new alerts back to the next day; muted rules stay silent", async () => {
    const busy = await f.createUser(db.conn, { role: "sales_manager" });
    const quiet = await f.createUser(db.conn, { role: "sales_manager" });
    for (let i = 0; i < 5; i += 1) await stagnant(busy.id, 20 + i);
    await stagnant(quiet.id);
    await as(busy);
    expect(
      await actions.updateAlertPreferencesAction({ digestEnabled: false, maxPerDay: "2", mutedRules: [] }),
    ).toMatchObject({ ok: true });
    await as(quiet);
    expect(
      await actions.updateAlertPreferencesAction({
        digestEnabled: false,
        maxPerDay: "20",
        mutedRules: ["opportunity_stagnation"],
      }),
    ).toMatchObject({ ok: true });
    const today = new Date();
    const report = await evaluate(today);
    expect(report.deferred).toBeGreaterThanOrEqual(3);
    expect(await alertsFor(busy.id)).toHaveLength(2);
    await evaluate(today);
    expect(await alertsFor(busy.id)).toHaveLength(2);
    await evaluate(new Date(today.getTime() + DAY));
    expect(await alertsFor(busy.id)).toHaveLength(4);
    expect(await alertsFor(quiet.id)).toHaveLength(0);
  });

  test("bad preferences are refused field by field and nothing is saved", async () => {
    await as(sales);
    const result = await actions.updateAlertPreferencesAction({
      digestEnabled: true,
      maxPerDay: "0",
      mutedRules: ["no_such_rule"],
    });
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["maxPerDay", "mutedRules.0"]);
    expect(
      await db.conn.query("select 1 from public.alert_preferences where user_id = $1", [sales.id]),
    ).toHaveLength(0);
  });
});

describe("rule settings", () => {
  test("bad thresholds give field errors and nothing is saved", async () => {
    const before = await rule("opportunity_stagnation");
    await as(vp);
    const result = await actions.updateAlertRuleAction({
      key: "opportunity_stagnation",
      enabled: true,
      priority: "high",
      thresholds: { days: "0" },
    });
    expect(result).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { "thresholds.days": ["Use at least 1"] },
    });
    const order = await actions.updateAlertRuleAction({
      key: "relationship_maintenance",
      enabled: true,
      priority: "medium",
      thresholds: { daysByPriority: { high: "40", medium: "30", low: "60" } },
    });
    expect(order).toMatchObject({
      ok: false,
      fieldErrors: { "thresholds.daysByPriority.medium": [expect.stringContaining("at least as often")] },
    });
    expect(
      await actions.updateAlertRuleAction({
        key: "close_date",
        enabled: true,
        priority: "urgent",
        thresholds: { daysBefore: "x" },
      } as never),
    ).toMatchObject({
      ok: false,
      fieldErrors: { priority: ["Choose a priority"], "thresholds.daysBefore": ["Enter a number of days"] },
    });
    expect(await rule("opportunity_stagnation")).toEqual(before);
  });

  test("only the VP tunes rules; the high-value amount is typed in whole currency units", async () => {
    await as(sales);
    expect(
      await actions.updateAlertRuleAction({
        key: "task_overdue",
        enabled: false,
        priority: "low",
        thresholds: { escalateAfterDays: "5" },
      }),
    ).toMatchObject({
      ok: false,
      status: 403,
    });
    await as(vp);
    expect(
      await actions.updateAlertRuleAction({
        key: "high_value_change",
        enabled: true,
        priority: "critical",
        thresholds: { amount: "250,000", withinDays: "3" },
      }),
    ).toMatchObject({
      ok: true,
    });
    expect(await rule("high_value_change")).toEqual({
      enabled: true,
      priority: "critical",
      thresholds: { amountMinor: 25_000_000, withinDays: 3 },
    });
  });

  test("a disabled rule raises nothing", async () => {
    await as(vp);
    expect(
      await actions.updateAlertRuleAction({
        key: "opportunity_stagnation",
        enabled: false,
        priority: "medium",
        thresholds: { days: "14" },
      }),
    ).toMatchObject({ ok: true });
    const lonely = await f.createUser(db.conn, { role: "sales_manager" });
    await stagnant(lonely.id);
    await evaluate();
    expect(await alertsFor(lonely.id)).toHaveLength(0);
    expect(
      await actions.updateAlertRuleAction({
        key: "opportunity_stagnation",
        enabled: true,
        priority: "medium",
        thresholds: { days: "14" },
      }),
    ).toMatchObject({ ok: true });
  });
});

describe("evaluation on change, and the digest", () => {
  test("moving a high-value deal alerts the VP in the same transaction", async () => {
    const deal = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.lead,
      valueMinor: 90_000_000,
    });
    await as(sales);
    expect(await moveOpportunityAction({ id: deal.id, toStageId: stages.demo })).toMatchObject({ ok: true });
    const vpAlerts = await db.conn.query<{ title: string }>(
      "select title from public.alerts where user_id = $1 and entity_id = $2",
      [vp.id, deal.id],
    );
    expect(vpAlerts.map((a) => a.title)).toEqual([expect.stringContaining("moved to Demo")]);
  });

  test("the daily digest emails only new open alerts, once", async () => {
    const reader = await f.createUser(db.conn, { role: "sales_manager" });
    await as(reader);
    expect(
      await actions.updateAlertPreferencesAction({ digestEnabled: "on", maxPerDay: "20", mutedRules: [] }),
    ).toMatchObject({ ok: true });
    await stagnant(reader.id);
    await evaluate();
    const now = new Date(Date.now() + 60_000);
    const digest = () => withSystem("test.digest", (tx) => sendAlertDigests(tx, now), db.conn);
    expect(await digest()).toMatchObject({ sent: 1 });
    const mail = await db.conn.query<{ subject: string; text_body: string }>(
      "select subject, text_body from public.email_outbox where to_email = $1",
      [reader.email],
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe("1 new alert in PartnerOS");
    expect(mail[0]!.text_body).toContain("/pipeline?opportunity=");
    expect(await digest()).toMatchObject({ sent: 0 });
    expect(
      await db.conn.query("select 1 from public.email_outbox where to_email = $1", [reader.email]),
    ).toHaveLength(1);
  });
});
