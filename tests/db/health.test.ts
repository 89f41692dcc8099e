import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages, type StageIds } from "../support/pipeline";

const actions = await import("@/lib/health/actions");
const { recomputePartnerHealth } = await import("@/lib/health/job");
const { healthScore, DEFAULT_WEIGHTS } = await import("@/lib/health/score");
const { withSystem, runAsUser } = await import("@/lib/db/session");
const { listDirectory, listCompared } = await import("@/lib/health/queries");

let db: TestDatabase;
let vp: f.TestUser;
let manager: f.TestUser;
let sales: f.TestUser;
let finance: f.TestUser;
let partnerUser: f.TestUser;
let stages: StageIds;
let partnerId: string;
let quietId: string;
let prospectId: string;

const NOW = new Date("2026-11-18T12:00:00Z");
const daysAgo = (n: number, from = NOW) => new Date(from.getTime() - n * 86_400_000);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const recompute = (now: Date) => withSystem("test.health", (tx) => recomputePartnerHealth(tx, now), db.conn);
const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const snapshots = async (id: string) =>
  q<{ takenOn: string; score: number }>(
    `select taken_on::text as "takenOn", score from public.partner_health_snapshots where partner_id = $1 order by taken_on`,
    [id],
  );
const scoreOf = async (id: string) =>
  (await q<{ s: number | null }>("select health_score as s from public.partners where id = $1", [id]))[0]!.s;
const refusedByRls = async (work: Promise<unknown>) => {
  const error = (await work.then(
    () => null,
    (e: unknown) => e,
  )) as { message?: string; cause?: { message?: string } } | null;
  expect(error?.cause?.message ?? error?.message).toMatch(/row-level security|permission denied/);
};
const weights = async () =>
  (
    await q<Record<string, number>>(
      "select recency, frequency, pipeline, revenue_trend, open_issues from public.health_weights",
    )
  )[0]!;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await q(
    "insert into public.workspace_settings (company_name, quarter_target_minor) values ('Health Co', 25000000)",
  );
  stages = await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  manager = await f.createUser(db.conn, { role: "partnership_manager" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  finance = await f.createUser(db.conn, { role: "finance" });
  partnerId = (await f.createPartner(db.conn, { name: "Engaged Co", kind: "isv", status: "active" })).id;
  quietId = (await f.createPartner(db.conn, { name: "Quiet Co", status: "active" })).id;
  prospectId = (await f.createPartner(db.conn, { name: "Prospect Co", status: "prospect" })).id;
  partnerUser = await f.createUser(db.conn, { role: "partner", partnerId });

  // Engaged Co: 3 interactions (last 4 days ago), 2 open deals worth $20K, $10K won recently vs $5K before,
  // one overdue task and one pending deal registration.
  for (const n of [4, 20, 40, 120]) {
    await q(
      "insert into public.partner_interactions (partner_id, kind, occurred_at, summary, author_id) values ($1, 'call', $2, 'Sync', $3)",
      [partnerId, daysAgo(n).toISOString(), manager.id],
    );
  }
  await f.createOpportunity(db.conn, {
    ownerId: sales.id,
    stageId: stages.demo,
    isvPartnerId: partnerId,
    valueMinor: 1_000_000,
  });
  await f.createOpportunity(db.conn, {
    ownerId: sales.id,
    stageId: stages.poc,
    referringPartnerId: partnerId,
    valueMinor: 1_000_000,
  });
  await f.createOpportunity(db.conn, {
    ownerId: sales.id,
    stageId: stages.closed_won,
    isvPartnerId: partnerId,
    valueMinor: 1_000_000,
    actualCloseDate: isoDay(daysAgo(30)),
  });
  await f.createOpportunity(db.conn, {
    ownerId: sales.id,
    stageId: stages.closed_won,
    isvPartnerId: partnerId,
    valueMinor: 500_000,
    actualCloseDate: isoDay(daysAgo(100)),
  });
  await q(
    "insert into public.tasks (title, partner_id, assignee_id, created_by, due_date, week_start, category) values ('Send QBR deck', $1, $2, $2, $3, '2026-11-09', 'partner')",
    [partnerId, manager.id, isoDay(daysAgo(3))],
  );
  await q(
    "insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor) values ($1, 'Acme', 'acme.example', 'Ann', 'ann@acme.example', 100000)",
    [partnerId],
  );
});
afterAll(async () => db?.close());

describe("the health job", () => {
  test("scores partners from their real figures, exactly as the pure function does", async () => {
    const result = await recompute(NOW);
    expect(result.partners).toBe(2);
    const expected = healthScore(
      {
        daysSinceLastInteraction: 4,
        interactions90d: 3,
        openDeals: 2,
        openPipelineMinor: 2_000_000,
        pipelineReferenceMinor: 2_500_000,
        revenueRecentMinor: 1_000_000,
        revenuePreviousMinor: 500_000,
        pendingRegistrations: 1,
        overdueTasks: 1,
        pendingEscalations: 0,
      },
      DEFAULT_WEIGHTS,
    );
    // recency 100·.3 + frequency 50·.2 + pipeline (33+40=73)·.2 + trend 100·.2 + issues 50·.1 = 79.6
    expect(expected.score).toBe(80);
    expect(await scoreOf(partnerId)).toBe(expected.score);
    const [snap] = await q<{
      breakdown: { score: number; band: string; breakdown: { key: string; subScore: number }[] };
    }>("select breakdown from public.partner_health_snapshots where partner_id = $1", [partnerId]);
    expect(snap!.breakdown).toMatchObject({ score: 80, band: "excellent" });
    expect(snap!.breakdown.breakdown.map((c) => c.subScore)).toEqual([100, 50, 73, 100, 50]);
    // Quiet Co: never contacted, no deals, no revenue → only the trend's 25 and no issues' 100 count.
    expect(await scoreOf(quietId)).toBe(Math.round(25 * 0.2 + 100 * 0.1));
    expect(await scoreOf(prospectId)).toBeNull();
  });

  test("writes one snapshot per partner per day, however often it runs", async () => {
    await recompute(NOW);
    await recompute(new Date(NOW.getTime() + 3 * 3_600_000));
    expect(await snapshots(partnerId)).toEqual([{ takenOn: "2026-11-18", score: 80 }]);
    await recompute(new Date(NOW.getTime() + 86_400_000));
    const after = await snapshots(partnerId);
    expect(after.map((s) => s.takenOn)).toEqual(["2026-11-18", "2026-11-19"]);
    expect(await snapshots(prospectId)).toEqual([]);
  });

  test("a partner in its first 30 days is not scored, however its first days went", async () => {
    const fresh = (await f.createPartner(db.conn, { name: "Fresh Co", status: "active" })).id;
    await q("update public.partners set joined_at = $2, health_score = 15 where id = $1", [fresh, daysAgo(2).toISOString()]);
    await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.closed_won, isvPartnerId: fresh, valueMinor: 1_800_000, actualCloseDate: isoDay(NOW) });
    await recompute(NOW);
    expect(await scoreOf(fresh)).toBeNull();
    expect(await snapshots(fresh)).toEqual([]);
    const { getHealthHistory } = await import("@/lib/health/partner-queries");
    const history = await runAsUser(db.conn, vp.claims, (tx) => getHealthHistory(tx, fresh, 182, NOW));
    expect(history.latest).toBeNull();
    expect(history.firstScoredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // From its 30th day on it is scored like everyone else.
    await recompute(daysAgo(-29));
    expect(await scoreOf(fresh)).toEqual(expect.any(Number));
    await q("delete from public.opportunities where isv_partner_id = $1", [fresh]);
    await q("delete from public.partner_health_snapshots where partner_id = $1", [fresh]);
    await q("delete from public.partners where id = $1", [fresh]);
  });

  test("nobody signed in may write snapshots directly", async () => {
    await refusedByRls(
      runAsUser(db.conn, vp.claims, (tx) =>
        tx.execute(
          sql`insert into public.partner_health_snapshots (partner_id, taken_on, score, breakdown) values (${partnerId}, '2026-01-01', 50, '{}')`,
        ),
      ),
    );
  });
});

describe("weights", () => {
  test("bad weights give field errors and write nothing", async () => {
    await as(vp);
    const before = await weights();
    const sum = await actions.updateHealthWeightsAction({
      recency: 40,
      frequency: 20,
      pipeline: 20,
      revenueTrend: 20,
      openIssues: 10,
    });
    expect(sum).toMatchObject({
      ok: false,
      status: 422,
      fieldErrors: { total: ["The weights add up to 110; they must add up to 100"] },
    });
    const fraction = new FormData();
    for (const [k, v] of Object.entries({
      recency: "30.5",
      frequency: "abc",
      pipeline: "20",
      revenueTrend: "20",
      openIssues: "-1",
    }))
      fraction.set(k, v);
    const bad = await actions.updateHealthWeightsAction(fraction);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
      "frequency",
      "openIssues",
      "recency",
    ]);
    expect(await weights()).toEqual(before);
  });

  test("only the VP tunes weights", async () => {
    for (const user of [manager, sales, finance, partnerUser]) {
      await as(user);
      expect(
        await actions.updateHealthWeightsAction({ ...DEFAULT_WEIGHTS, recency: 50, frequency: 0 }),
      ).toMatchObject({ ok: false, status: 403 });
    }
    expect(await weights()).toMatchObject({ recency: 30, frequency: 20 });
  });

  test("the VP's new weights are saved and every partner is rescored with them", async () => {
    await as(vp);
    const result = await actions.updateHealthWeightsAction({
      recency: 0,
      frequency: 0,
      pipeline: 0,
      revenueTrend: 0,
      openIssues: 100,
    });
    expect(result).toMatchObject({ ok: true });
    expect(await weights()).toEqual({
      recency: 0,
      frequency: 0,
      pipeline: 0,
      revenue_trend: 0,
      open_issues: 100,
    });
    // Only open issues count now: Engaged Co has two (50), Quiet Co none (100).
    expect(await scoreOf(partnerId)).toBe(50);
    expect(await scoreOf(quietId)).toBe(100);
    await actions.updateHealthWeightsAction(DEFAULT_WEIGHTS);
  });
});

describe("interactions", () => {
  const input = () => ({
    partnerId: quietId,
    kind: "qbr" as const,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    summary: "Quarterly business review",
    nextSteps: "Share the joint plan",
  });
  const countFor = async (id: string) =>
    (
      await q<{ n: number }>(
        "select count(*)::int as n from public.partner_interactions where partner_id = $1",
        [id],
      )
    )[0]!.n;

  test("staff log interactions and the partner is rescored at once", async () => {
    const before = await scoreOf(quietId);
    await as(sales);
    const result = await actions.logInteractionAction(input());
    expect(result).toMatchObject({ ok: true });
    const [row] = await q<{ author_id: string; kind: string; next_steps: string }>(
      "select author_id, kind, next_steps from public.partner_interactions where partner_id = $1",
      [quietId],
    );
    expect(row).toEqual({ author_id: sales.id, kind: "qbr", next_steps: "Share the joint plan" });
    expect(await scoreOf(quietId)).toBeGreaterThan(before!);
  });

  test("partner users and finance cannot log interactions, by action or directly", async () => {
    const before = await countFor(partnerId);
    for (const user of [partnerUser, finance]) {
      await as(user);
      expect(await actions.logInteractionAction({ ...input(), partnerId })).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    await refusedByRls(
      runAsUser(db.conn, partnerUser.claims, (tx) =>
        tx.execute(
          sql`insert into public.partner_interactions (partner_id, kind, summary, author_id) values (${partnerId}, 'call', 'Hi', ${partnerUser.id})`,
        ),
      ),
    );
    expect(await countFor(partnerId)).toBe(before);
  });

  test("bad input gives field errors and writes nothing", async () => {
    const before = await countFor(quietId);
    await as(manager);
    const result = await actions.logInteractionAction({
      ...input(),
      kind: "lunch" as never,
      occurredAt: "2999-01-01T10:00",
      summary: "   ",
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors ?? {}).sort()).toEqual([
      "kind",
      "occurredAt",
      "summary",
    ]);
    expect(
      await actions.logInteractionAction({ ...input(), partnerId: "00000000-0000-4000-8000-000000000000" }),
    ).toMatchObject({ ok: false, status: 404 });
    expect(await countFor(quietId)).toBe(before);
  });
});

describe("contacts", () => {
  test("a partnership manager adds a primary contact and switches the primary", async () => {
    await as(manager);
    const first = await actions.saveContactAction({
      partnerId,
      name: "Pat Lee",
      email: "PAT@engaged.example",
      title: "Alliances",
      primary: true,
    });
    expect(first).toMatchObject({ ok: true });
    const firstId = first.ok ? first.data.contactId : "";
    const primary = async () =>
      (
        await q<{ c: string | null }>("select primary_contact_id as c from public.partners where id = $1", [
          partnerId,
        ])
      )[0]!.c;
    expect(await primary()).toBe(firstId);
    const other = await f.createContact(db.conn, partnerId);
    expect(await actions.setPrimaryContactAction({ partnerId, contactId: other.id })).toMatchObject({
      ok: true,
    });
    expect(await primary()).toBe(other.id);
    expect(
      await actions.saveContactAction({
        partnerId,
        contactId: firstId,
        name: "Pat Lee-Smith",
        email: "not-an-email",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { email: ["Enter a valid email address"] } });
  });

  test("a contact of another partner cannot be made primary; sales managers cannot edit contacts", async () => {
    const stranger = await f.createContact(db.conn, quietId);
    await as(manager);
    expect(await actions.setPrimaryContactAction({ partnerId, contactId: stranger.id })).toMatchObject({
      ok: false,
      status: 404,
    });
    await as(sales);
    expect(await actions.saveContactAction({ partnerId, name: "Someone" })).toMatchObject({
      ok: false,
      status: 403,
    });
  });
});

describe("directory and ranking queries", () => {
  const list = (params: Parameters<typeof listDirectory>[1]) =>
    runAsUser(db.conn, sales.claims, (tx) => listDirectory(tx, params, NOW, "USD"));

  test("search, filters and sorts narrow and order the partners", async () => {
    await recompute(NOW);
    expect((await list({ q: "engaged" })).map((p) => p.name)).toEqual(["Engaged Co"]);
    expect((await list({ q: "%" })).map((p) => p.name)).toEqual([]);
    expect((await list({ kind: "isv" })).map((p) => p.name)).toEqual(["Engaged Co"]);
    expect((await list({ status: "prospect" })).map((p) => p.name)).toEqual(["Prospect Co"]);
    expect((await list({ band: "unscored" })).map((p) => p.name)).toEqual(["Prospect Co"]);
    const excellent = await list({ band: "excellent" });
    expect(excellent.map((p) => p.name)).toEqual(["Engaged Co"]);
    expect((await list({ band: "at_risk" })).every((p) => p.healthScore !== null && p.healthScore < 40)).toBe(
      true,
    );
    const byRevenue = await list({ sort: "revenue" });
    expect(byRevenue[0]).toMatchObject({ name: "Engaged Co", revenueMinor: 1_500_000 });
    // Best first, unscored last.
    expect((await list({ sort: "health" })).map((p) => p.name)).toEqual([
      "Engaged Co",
      "Quiet Co",
      "Prospect Co",
    ]);
    expect((await list({ sort: "name" })).map((p) => p.name)).toEqual([
      "Engaged Co",
      "Prospect Co",
      "Quiet Co",
    ]);
  });

  test("comparison rows carry the latest breakdown; unknown ids are dropped", async () => {
    const rows = await runAsUser(db.conn, sales.claims, (tx) =>
      listCompared(tx, [partnerId, "00000000-0000-4000-8000-000000000000", quietId], NOW, "USD"),
    );
    expect(rows.map((r) => r.name)).toEqual(["Engaged Co", "Quiet Co"]);
    expect(rows[0]!.breakdown?.inputs).toMatchObject({ openDeals: 2, overdueTasks: 1 });
  });
});
