import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { quarterOf } from "@/lib/domain/quarter";
import {
  elapsedShare,
  getDashboard,
  getQuarterSnapshot,
  getWinLoss,
  paceOf,
  type TeamMember,
} from "@/lib/dashboard/queries";
import { runAsUser } from "@/lib/db/session";
import { getQuarterForecast, quarterAt } from "@/lib/forecast/inputs";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, move, type StageIds } from "../support/pipeline";

const DAY = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

let db: TestDatabase;
let stages: StageIds;
let vp: f.TestUser;
let alice: f.TestUser;
let bob: f.TestUser;
let carol: f.TestUser;
let partnerUser: f.TestUser;
let isv: { id: string };
const ids: Record<string, string> = {};

/**
 * A small book whose numbers are worked out by hand (all money in USD cents unless noted):
 * Alice (sales): won 40,000 this quarter (FinOps, via the ISV), open demo 10,000 (25%, due in 5 days),
 *   open proposal 20,000 (75%, 10 days overdue → 2 started weeks → decay 0.8), an EUR lead and an EUR win
 *   (both left out of money totals), a loss last quarter and a win two quarters ago.
 * Bob (sales): won 15,000 this quarter, open POC 8,000 (50%, no close date).
 * Carol (partnerships): nothing.
 */
beforeAll(async () => {
  db = await createTestDatabase();
  stages = await createDefaultStages(db.conn);
  await db.conn.query(
    "insert into public.workspace_settings (company_name, currency, quarter_target_minor, stalled_after_days) values ('Test Co', 'USD', 25000000, 14)",
  );
  vp = await f.createUser(db.conn, { role: "vp" });
  alice = await f.createUser(db.conn, { role: "sales_manager", displayName: "Alice" });
  bob = await f.createUser(db.conn, { role: "sales_manager", displayName: "Bob" });
  carol = await f.createUser(db.conn, { role: "partnership_manager", displayName: "Carol" });
  const org = await f.createPartner(db.conn, { kind: "program", healthScore: 70 });
  partnerUser = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
  isv = await f.createPartner(db.conn, { kind: "isv", domain: "finops", healthScore: 80 });

  const now = new Date();
  const q = quarterOf(now);
  const last = quarterAt(now, -1);
  const twoBack = quarterAt(now, -2);
  const goal = (domain: string | null, owner: string | null, target: number) =>
    db.conn.query(
      "insert into public.quarterly_goals (year, quarter, domain, owner_id, target_minor, currency) values ($1, $2, $3, $4, $5, 'USD')",
      [q.year, q.quarter, domain, owner, target],
    );
  await goal(null, null, 50_000_000);
  await goal("finops", null, 6_000_000);
  await goal(null, alice.id, 10_000_000);

  const opp = (key: string, values: Parameters<typeof f.createOpportunity>[1]) =>
    f.createOpportunity(db.conn, values).then((o) => (ids[key] = o.id));
  await opp("aliceWon", {
    ownerId: alice.id,
    stageId: stages.proposal,
    valueMinor: 3_000_000,
    domain: "finops",
    isvPartnerId: isv.id,
    technicalContactName: "Ada",
  });
  await move(db.conn, alice.claims, ids.aliceWon!, stages.closed_won, {
    finalValueMinor: 4_000_000,
    closeDate: isoDate(now),
  });
  await opp("aliceDemo", {
    ownerId: alice.id,
    stageId: stages.demo,
    valueMinor: 1_000_000,
    expectedCloseDate: isoDate(new Date(now.getTime() + 5 * DAY)),
    stageEnteredAt: new Date(now.getTime() - 20 * DAY),
  });
  await opp("aliceOverdue", {
    ownerId: alice.id,
    stageId: stages.proposal,
    valueMinor: 2_000_000,
    expectedCloseDate: isoDate(new Date(now.getTime() - 10 * DAY)),
  });
  await opp("aliceEur", {
    ownerId: alice.id,
    stageId: stages.lead,
    valueMinor: 9_900_000,
    currency: "EUR",
    stageEnteredAt: new Date(now.getTime() - 30 * DAY),
  });
  await opp("aliceEurWon", {
    ownerId: alice.id,
    stageId: stages.closed_won,
    valueMinor: 7_700_000,
    currency: "EUR",
    actualCloseDate: q.start,
  });
  await opp("aliceLost", {
    ownerId: alice.id,
    stageId: stages.closed_lost,
    valueMinor: 500_000,
    actualCloseDate: last.start,
    lossReason: "Budget",
  });
  await opp("aliceOldWin", {
    ownerId: alice.id,
    stageId: stages.closed_won,
    valueMinor: 3_000_000,
    actualCloseDate: twoBack.start,
  });
  await opp("bobWon", {
    ownerId: bob.id,
    stageId: stages.closed_won,
    valueMinor: 1_500_000,
    actualCloseDate: q.start,
  });
  await opp("bobPoc", {
    ownerId: bob.id,
    stageId: stages.poc,
    valueMinor: 800_000,
    technicalContactName: "Grace",
  });

  // History inside the last four full quarters: the old win went all the way, the loss stopped after demo.
  const at = (days: number) => new Date(Date.parse(`${twoBack.start}T00:00:00Z`) + days * DAY).toISOString();
  const history = (opportunity: string, path: string[], startDay: number) =>
    Promise.all(
      path.map((to, i) =>
        db.conn.query(
          "insert into public.opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, moved_by, moved_at) values ($1, $2, $3, $4, $5)",
          [opportunity, i === 0 ? null : path[i - 1], to, alice.id, at(startDay + i * 2)],
        ),
      ),
    );
  await history(
    ids.aliceOldWin!,
    [stages.lead, stages.demo, stages.poc, stages.proposal, stages.closed_won],
    1,
  );
  await history(ids.aliceLost!, [stages.lead, stages.demo, stages.closed_lost], 3);
});
afterAll(async () => db?.close());

const dashboardAs = (user: f.TestUser, now = new Date()) =>
  getDashboard((fn) => runAsUser(db.conn, user.claims, fn), now);
const member = (team: TeamMember[], id: string) => team.find((m) => m.id === id);

describe("VP dashboard", () => {
  test("quarter bookings count this quarter's USD wins against the company goal", async () => {
    const d = await dashboardAs(vp);
    expect(d.currency).toBe("USD");
    expect(d.bookings).toEqual({ wonMinor: 5_500_000, wonCount: 2, targetMinor: 50_000_000 });
  });

  test("weighted pipeline: value × stage probability × overdue decay over open USD deals", async () => {
    const d = await dashboardAs(vp);
    // 1,000,000 × 25% + 2,000,000 × 75% × 0.8 + 800,000 × 50%
    expect(d.weighted).toEqual({
      totalMinor: 250_000 + 1_200_000 + 400_000,
      openMinor: 3_800_000,
      openCount: 3,
    });
    expect(d.stages.map((s) => [s.key, s.count, s.totalMinor, s.weightedMinor])).toEqual([
      ["lead", 0, 0, 0],
      ["demo", 1, 1_000_000, 250_000],
      ["poc", 1, 800_000, 400_000],
      ["proposal", 1, 2_000_000, 1_200_000],
    ]);
  });

  test("per-person numbers: bookings, open pipeline, win rate over four full quarters, recent moves and pace", async () => {
    const now = new Date();
    const d = await dashboardAs(vp, now);
    expect(d.team.map((m) => m.name)).toEqual(["Alice", "Bob", "Carol"]);
    const share = elapsedShare(quarterOf(now), now);
    expect(member(d.team, alice.id)).toMatchObject({
      wonMinor: 4_000_000,
      wonCount: 1,
      openMinor: 3_000_000,
      openCount: 2,
      closedWon: 1,
      closedLost: 1,
      winRate: 0.5,
      recentMoves: 1,
      goalMinor: 10_000_000,
      pace: paceOf(4_000_000, 10_000_000, share),
    });
    expect(member(d.team, bob.id)).toMatchObject({
      wonMinor: 1_500_000,
      wonCount: 1,
      openMinor: 800_000,
      openCount: 1,
      closedWon: 0,
      closedLost: 0,
      winRate: null,
      recentMoves: 0,
      goalMinor: null,
      pace: null,
    });
    expect(member(d.team, carol.id)).toMatchObject({
      wonMinor: 0,
      openMinor: 0,
      openCount: 0,
      winRate: null,
      recentMoves: 0,
      pace: null,
    });
    expect(member(d.team, vp.id)).toBeUndefined();
  });

  test("pace is green on or above straight-line pace, amber from 75% of it, red below", () => {
    expect([
      paceOf(50, 100, 0.5),
      paceOf(49, 100, 0.5),
      paceOf(37.5, 100, 0.5),
      paceOf(37, 100, 0.5),
      paceOf(0, 100, 0),
    ]).toEqual(["green", "amber", "amber", "red", "green"]);
  });

  test("domain goals, partner matrix, stalled deals and closes due", async () => {
    const d = await dashboardAs(vp);
    expect(d.domains.find((x) => x.domain === "finops")).toEqual({
      domain: "finops",
      goalMinor: 6_000_000,
      wonMinor: 4_000_000,
    });
    expect(d.domains.find((x) => x.domain === "security")).toEqual({
      domain: "security",
      goalMinor: null,
      wonMinor: 0,
    });
    expect(d.partners).toEqual([
      expect.objectContaining({ id: isv.id, healthScore: 80, wonMinor: 4_000_000 }),
    ]);
    expect(d.stalled.map((x) => [x.id, x.total])).toEqual([
      [ids.aliceEur, 2],
      [ids.aliceDemo, 2],
    ]);
    expect(d.stalled[1]!.daysInStage).toBe(20);
    expect(d.closesDue.map((x) => x.id)).toEqual([ids.aliceDemo]);
  });

  test("stage conversion comes from the stage history of the last four full quarters", async () => {
    const d = await dashboardAs(vp);
    expect(d.conversions.map((c) => [c.from.key, c.to.key, c.entered, c.advanced])).toEqual([
      ["lead", "demo", 2, 2],
      ["demo", "poc", 2, 1],
      ["poc", "proposal", 1, 1],
      ["proposal", "closed_won", 1, 1],
    ]);
  });

  test("getQuarterSnapshot still reports the workspace target and USD totals", async () => {
    const s = await runAsUser(db.conn, vp.claims, (tx) => getQuarterSnapshot(tx));
    expect(s).toMatchObject({
      currency: "USD",
      targetMinor: 25_000_000,
      wonMinor: 5_500_000,
      wonCount: 2,
      openMinor: 3_800_000,
      openCount: 3,
    });
  });
});

describe("reports", () => {
  test("the forecast is seeded per quarter and uses stage defaults below 20 closed deals", async () => {
    const now = new Date();
    const run = () => runAsUser(db.conn, vp.claims, (tx) => getQuarterForecast(tx, now));
    const [a, b] = [await run(), await run()];
    expect(a.simulation).toEqual(b.simulation);
    expect(a.simulation.trials).toBe(10_000);
    expect(a.alreadyWonMinor).toBe(5_500_000);
    expect(a.targetMinor).toBe(50_000_000);
    expect(a.stages.map((s) => [s.key, s.learned.source, s.learned.probability])).toEqual([
      ["lead", "default", 10],
      ["demo", "default", 25],
      ["poc", "default", 50],
      ["proposal", "default", 75],
    ]);
    // The overdue proposal always belongs to the quarter; the POC has no close date and never does.
    expect(a.deals.map((d) => d.id)).toContain(ids.aliceOverdue);
    expect(a.deals.map((d) => d.id)).not.toContain(ids.bobPoc);
  });

  test("win/loss over the last four full quarters", async () => {
    const w = await runAsUser(db.conn, vp.claims, (tx) => getWinLoss(tx));
    expect([w.won, w.lost]).toEqual([1, 1]);
    expect(w.owners).toEqual([{ key: alice.id, label: "Alice", won: 1, lost: 1, winRate: 0.5 }]);
    expect(w.lossReasons.map((r) => [r.label, r.lost])).toEqual([["Budget", 1]]);
    expect(w.sizes.map((r) => [r.label, r.won, r.lost])).toEqual([
      ["< $25K", 0, 1],
      ["$25K–$100K", 1, 0],
    ]);
  });
});

describe("row-level security", () => {
  test("a partner-role user gets no pipeline data", async () => {
    const d = await dashboardAs(partnerUser);
    expect(d.bookings.wonMinor).toBe(0);
    expect(d.weighted).toEqual({ totalMinor: 0, openMinor: 0, openCount: 0 });
    expect(d.stages).toEqual([]);
    expect(d.team).toEqual([]);
    expect(d.domains.every((x) => x.wonMinor === 0 && x.goalMinor === null)).toBe(true);
    expect(d.partners).toEqual([]);
    expect(d.stalled).toEqual([]);
    expect(d.closesDue).toEqual([]);
    expect(d.conversions).toEqual([]);
    const w = await runAsUser(db.conn, partnerUser.claims, (tx) => getWinLoss(tx));
    expect([w.won, w.lost]).toEqual([0, 0]);
    const forecast = await runAsUser(db.conn, partnerUser.claims, (tx) => getQuarterForecast(tx, new Date()));
    expect(forecast.deals).toEqual([]);
    expect(forecast.alreadyWonMinor).toBe(0);
  });
});
