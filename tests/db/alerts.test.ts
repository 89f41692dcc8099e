import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DAY, evaluateAt, isoDay, mondayOf } from "../support/alerts";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const actions = await import("@/lib/alerts/actions");

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let sales: f.TestUser;
let manager: f.TestUser;
let finance: f.TestUser;

const evaluate = (now = new Date()) => evaluateAt(db.conn, now);
const alertsOf = (rule: string) =>
  db.conn.query<{
    id: string;
    user_id: string;
    status: string;
    dedupe_key: string;
    priority: string;
    link: string;
    recommended_action: string;
  }>(
    "select id, user_id, status, dedupe_key, priority, link, recommended_action from public.alerts where rule_key = $1 order by created_at, dedupe_key",
    [rule],
  );

/** Acceptance for one rule: exactly one alert for `who`, acknowledge it, evaluate again, still exactly one. */
async function expectOneAlertThenNoDuplicate(
  rule: string,
  who: f.TestUser,
  where: (a: { dedupe_key: string; user_id: string }) => boolean = () => true,
) {
  await evaluate();
  const first = (await alertsOf(rule)).filter(where);
  expect(first).toHaveLength(1);
  expect(first[0]).toMatchObject({ user_id: who.id, status: "open" });
  expect(first[0]!.link).toMatch(/^\//);
  expect(first[0]!.recommended_action.length).toBeGreaterThan(10);
  await as(who);
  expect(await actions.acknowledgeAlertsAction({ ids: [first[0]!.id] })).toMatchObject({
    ok: true,
    data: { updated: 1 },
  });
  await evaluate();
  const again = (await alertsOf(rule)).filter(where);
  expect(again).toHaveLength(1);
  expect(again[0]).toMatchObject({ id: first[0]!.id, status: "acknowledged" });
  return first[0]!;
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Alert Co')");
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  sales = await f.createUser(db.conn, { role: "sales_manager", displayName: "Sam Seller" });
  manager = await f.createUser(db.conn, { role: "partnership_manager" });
  finance = await f.createUser(db.conn, { role: "finance" });
});
afterAll(async () => db?.close());

describe("each rule alerts once per condition", () => {
  test("opportunity stagnation: the owner, once per stay in a stage", async () => {
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      stageEnteredAt: new Date(Date.now() - 20 * DAY),
    });
    const alert = await expectOneAlertThenNoDuplicate("opportunity_stagnation", sales);
    expect(alert.dedupe_key).toContain(opp.id);
    expect(alert.link).toBe(`/pipeline?opportunity=${opp.id}`);
  });

  test("close date approaching, then passed: two conditions, one alert each", async () => {
    const opp = await f.createOpportunity(db.conn, {
      ownerId: manager.id,
      stageId: stages.proposal,
      expectedCloseDate: isoDay(3),
    });
    await expectOneAlertThenNoDuplicate("close_date", manager, (a) => a.dedupe_key.endsWith(":soon"));
    await db.conn.query("update public.opportunities set expected_close_date = $1 where id = $2", [
      isoDay(-2),
      opp.id,
    ]);
    const passed = await expectOneAlertThenNoDuplicate("close_date", manager, (a) =>
      a.dedupe_key.endsWith(":passed"),
    );
    expect(passed.priority).toBe("critical");
  });

  test("high-value stage move: the VP hears of it, not the owner who made it", async () => {
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      valueMinor: 25_000_000,
    });
    await db.conn.query(
      "insert into public.opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, moved_by) values ($1, $2, $3, $4)",
      [opp.id, stages.lead, stages.demo, sales.id],
    );
    await expectOneAlertThenNoDuplicate("high_value_change", vp, (a) =>
      a.dedupe_key.startsWith("high_value:move:"),
    );
  });

  test("high-value value change (from the audit log) alerts the VP and the owner; a small deal does not", async () => {
    const big = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      valueMinor: 30_000_000,
    });
    const small = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.demo,
      valueMinor: 100_000,
    });
    await db.conn.query(
      "update public.opportunities set value_minor = value_minor - 50000 where id in ($1, $2)",
      [big.id, small.id],
    );
    await evaluate();
    const changes = (await alertsOf("high_value_change")).filter((a) =>
      a.dedupe_key.startsWith("high_value:value:"),
    );
    expect(changes.map((a) => a.user_id).sort()).toEqual([vp.id, sales.id].sort());
    await evaluate();
    expect(
      (await alertsOf("high_value_change")).filter((a) => a.dedupe_key.startsWith("high_value:value:")),
    ).toHaveLength(2);
  });

  test("relationship maintenance: the partner's owner; a new interaction starts a new condition", async () => {
    const partner = await f.createPartner(db.conn, {
      ownerId: manager.id,
      joinedAt: new Date(Date.now() - 90 * DAY),
    });
    const alert = await expectOneAlertThenNoDuplicate("relationship_maintenance", manager, (a) =>
      a.dedupe_key.includes(partner.id),
    );
    expect(alert.dedupe_key).toBe(`relationship:${partner.id}:never`);
    await db.conn.query(
      "insert into public.partner_interactions (partner_id, kind, summary, author_id) values ($1, 'call', 'Check-in', $2)",
      [partner.id, manager.id],
    );
    await evaluate(new Date(Date.now() + 30 * DAY));
    expect(
      (await alertsOf("relationship_maintenance")).filter((a) => a.dedupe_key.includes(partner.id)),
    ).toHaveLength(1);
    // Low priority (no tier): 60 days without contact raise a new condition.
    await evaluate(new Date(Date.now() + 61 * DAY));
    expect(
      (await alertsOf("relationship_maintenance")).filter((a) => a.dedupe_key.includes(partner.id)),
    ).toHaveLength(2);
  });

  test("relationship priority: an ISV partner is high priority, due after 14 days, and its alert ranks higher", async () => {
    const isv = await f.createPartner(db.conn, {
      kind: "isv",
      ownerId: sales.id,
      joinedAt: new Date(Date.now() - 20 * DAY),
    });
    const program = await f.createPartner(db.conn, {
      ownerId: sales.id,
      joinedAt: new Date(Date.now() - 20 * DAY),
    });
    await evaluate();
    const found = (await alertsOf("relationship_maintenance")).filter(
      (a) => a.dedupe_key.includes(isv.id) || a.dedupe_key.includes(program.id),
    );
    expect(found.map((a) => [a.dedupe_key, a.priority])).toEqual([[`relationship:${isv.id}:never`, "high"]]);
  });

  test("goal milestone: 75 % then reached alert the goal's owner; a domain goal alerts the VP", async () => {
    const now = new Date();
    const [year, quarter] = [now.getUTCFullYear(), Math.floor(now.getUTCMonth() / 3) + 1];
    await db.conn.query(
      "insert into public.quarterly_goals (year, quarter, owner_id, target_minor) values ($1, $2, $3, 10000000)",
      [year, quarter, sales.id],
    );
    await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.closed_won,
      valueMinor: 8_000_000,
      actualCloseDate: isoDay(0),
      domain: "security",
    });
    await expectOneAlertThenNoDuplicate("goal_milestone", sales, (a) => a.dedupe_key.endsWith(":milestone"));
    await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.closed_won,
      valueMinor: 2_500_000,
      actualCloseDate: isoDay(0),
      domain: "security",
    });
    await expectOneAlertThenNoDuplicate("goal_milestone", sales, (a) => a.dedupe_key.endsWith(":reached"));
    await db.conn.query(
      "insert into public.quarterly_goals (year, quarter, domain, target_minor) values ($1, $2, 'security', 10000000)",
      [year, quarter],
    );
    await expectOneAlertThenNoDuplicate("goal_milestone", vp, (a) => a.user_id === vp.id);
  });

  test("task overdue: the assignee; past escalateAfterDays also the VP", async () => {
    const taskId = randomUUID();
    const due = isoDay(-5);
    await db.conn.query(
      "insert into public.tasks (id, title, assignee_id, created_by, due_date, week_start) values ($1, 'Send the proposal', $2, $3, $4, $5)",
      [taskId, sales.id, vp.id, due, mondayOf(due)],
    );
    await expectOneAlertThenNoDuplicate("task_overdue", sales, (a) =>
      a.dedupe_key.startsWith("task_overdue:"),
    );
    const escalation = await expectOneAlertThenNoDuplicate("task_overdue", vp, (a) =>
      a.dedupe_key.startsWith("task_escalated:"),
    );
    expect(escalation.link).toBe(`/tasks?task=${taskId}`);
  });

  test("commission awaiting approval: finance, once per partner's oldest waiting line", async () => {
    const partner = await f.createPartner(db.conn, { ownerId: manager.id });
    const { agreement, version } = await f.createAgreement(db.conn, { partnerId: partner.id });
    const opp = await f.createOpportunity(db.conn, {
      ownerId: sales.id,
      stageId: stages.closed_won,
      referringPartnerId: partner.id,
    });
    const close = isoDay(-40);
    const [schedule] = await db.conn.query<{ id: string }>(
      `insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, direction, period_start, close_date,
         basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
       values ($1, $2, $3, $4, 'payable', $5, $5, 1000000, 150000, 'USD', 15, 'agreement', '[]', 'test') returning id`,
      [opp.id, agreement.id, version.id, partner.id, close],
    );
    await db.conn.query(
      `insert into public.commission_lines (line_key, opportunity_id, agreement_id, agreement_version_id, partner_id, direction, kind, label,
         amount_minor, currency, due_date, status, schedule_id)
       values ($1, $2, $3, $4, $5, 'payable', 'one_time', 'Referral commission', 150000, 'USD', $6, 'earned', $7)`,
      [randomUUID(), opp.id, agreement.id, version.id, partner.id, close, schedule!.id],
    );
    const alert = await expectOneAlertThenNoDuplicate("commission_approval", finance);
    expect(alert.link).toBe(`/payouts?tab=queue&partner=${partner.id}`);
  });
});
