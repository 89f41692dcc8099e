import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { parseCsv } from "@/lib/csv/parse";
import { rows, runAsUser, withSystem } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createPortalWorld, type PortalWorld } from "../support/portal";
import { signInAs } from "../support/next-session";

const { moveOpportunityAction } = await import("@/lib/opportunities/actions");
const { evaluateAchievements } = await import("@/lib/achievements/evaluate");
const { reevaluateAllPartners } = await import("@/lib/jobs/tiers-nightly");
const { saveTierAction } = await import("@/lib/tiers/actions");
const { JOBS } = await import("@/lib/jobs/registry");
const { GET: exportEarnings } = await import("@/app/api/portal/earnings/route");

let db: TestDatabase;
let world: PortalWorld;
let stages: PortalWorld["stages"];
let users: PortalWorld["users"];
let orgA: PortalWorld["orgA"];
let tiers: PortalWorld["tiers"];
let payableA: string;
const today = new Date().toISOString().slice(0, 10);

const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  world = await createPortalWorld(db.conn);
  ({ stages, users, orgA, tiers, payableA } = world);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

function partnerRowCounts(table: string) {
  const count = (user: f.TestUser) =>
    runAsUser(db.conn, user.claims, (tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier("public")}.${sql.identifier(table)} where partner_id = ${orgA.id}`,
      ),
    );
  return Promise.all([count(users.partnerA), count(users.partnerB)]).then(([[a], [b]]) => ({
    mine: a!.n,
    theirs: b!.n,
  }));
}

async function wonDeal(valueMinor: number) {
  const opp = await f.createOpportunity(db.conn, {
    ownerId: users.sales.id,
    stageId: stages.proposal,
    referringPartnerId: orgA.id,
    valueMinor,
    technicalContactName: "Ada",
  });
  await signInAs(users.sales);
  const moved = await moveOpportunityAction({
    id: opp.id,
    toStageId: stages.closed_won,
    closeDate: today,
    finalValue: (valueMinor / 100).toFixed(2),
  });
  expect(moved, JSON.stringify(moved)).toMatchObject({ ok: true });
  return opp.id;
}

describe("tiers", () => {
  test("winning a referred deal moves the partner up with history, a new agreement version, a notification and an email", async () => {
    await wonDeal(2_000_000);
    const [partner] = await q<{ tier_id: string }>("select tier_id from public.partners where id = $1", [
      orgA.id,
    ]);
    expect(partner!.tier_id).toBe(tiers.active.id);
    const history = await q<{
      from_tier_id: string;
      to_tier_id: string;
      metrics: { revenueMinor: number; wonDeals: number };
    }>(
      "select from_tier_id, to_tier_id, metrics from public.tier_history where partner_id = $1 order by changed_at",
      [orgA.id],
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      from_tier_id: tiers.starter.id,
      to_tier_id: tiers.active.id,
      metrics: { revenueMinor: 2_000_000, wonDeals: 1 },
    });
    const versions = await q<{
      version: number;
      rate: string;
      effective_from: string;
      effective_to: string | null;
    }>(
      "select version, rate::text, effective_from::text, effective_to::text from public.agreement_versions where agreement_id = $1 order by version",
      [payableA],
    );
    // As the published terms say: the higher rate applies to deals that close after the promotion.
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(versions).toEqual([
      { version: 1, rate: "20.0000", effective_from: "2025-01-01", effective_to: tomorrow },
      { version: 2, rate: "22.0000", effective_from: tomorrow, effective_to: null },
    ]);
    // The deal that earned the promotion keeps the rate it closed under.
    const [line] = await q<{ amount_minor: string }>(
      `select l.amount_minor::text from public.commission_lines l join public.opportunities o on o.id = l.opportunity_id
       where o.referring_partner_id = $1 and l.direction = 'payable' and l.status <> 'forecast'`,
      [orgA.id],
    );
    expect(line?.amount_minor).toBe("400000");
    const notes = await q<{ user_id: string; title: string }>(
      "select user_id, title from public.notifications where kind = 'tier_changed'",
    );
    expect(notes.map((n) => n.user_id).sort()).toEqual([users.partnerA.id, users.partnerA2.id].sort());
    expect(notes[0]!.title).toBe("You moved up to Active");
    const mails = await q<{ to_email: string; subject: string }>(
      "select to_email, subject from public.email_outbox where template = 'tier_changed'",
    );
    expect(mails).toEqual([{ to_email: users.partnerA.email, subject: "You reached the Active tier" }]);
  });

  test("un-winning the deal moves the partner back down the same day, withdrawing the version that never came into force", async () => {
    const [deal] = await q<{ id: string }>(
      "select o.id from public.opportunities o join public.stages s on s.id = o.stage_id where s.is_won and o.referring_partner_id = $1",
      [orgA.id],
    );
    await signInAs(users.vp);
    const back = await moveOpportunityAction({
      id: deal!.id,
      toStageId: stages.proposal,
      justification: "Signed the wrong order form",
    });
    expect(back).toMatchObject({ ok: true });
    const [partner] = await q<{ tier_id: string }>("select tier_id from public.partners where id = $1", [
      orgA.id,
    ]);
    expect(partner!.tier_id).toBe(tiers.starter.id);
    const history = await q<{ to_tier_id: string }>(
      "select to_tier_id from public.tier_history where partner_id = $1 order by changed_at",
      [orgA.id],
    );
    expect(history.map((h) => h.to_tier_id)).toEqual([tiers.active.id, tiers.starter.id]);
    const [open] = await q<{ rate: string; n: number }>(
      "select rate::text, (select count(*)::int from public.agreement_versions where agreement_id = $1) as n from public.agreement_versions where agreement_id = $1 and effective_to is null",
      [payableA],
    );
    expect(open).toEqual({ rate: "20.0000", n: 1 });
    const [down] = await q<{ subject: string }>(
      "select subject from public.email_outbox where template = 'tier_changed' order by created_at desc limit 1",
    );
    expect(down!.subject).toBe("Your tier is now Starter");
  });

  test("the nightly pass applies the highest tier whose criteria are met and changes nothing on a rerun", async () => {
    await wonDeal(3_000_000);
    await wonDeal(3_000_000);
    const [partner] = await q<{ tier_id: string }>("select tier_id from public.partners where id = $1", [
      orgA.id,
    ]);
    expect(partner!.tier_id).toBe(tiers.performer.id);
    const rerun = await withSystem("test.nightly", (tx) => reevaluateAllPartners(tx), db.conn);
    expect(rerun.tierChanges).toBe(0);
  });
});

describe("tier settings", () => {
  const form = {
    name: "Legend",
    commissionRate: "32.5",
    payoutCadence: "realtime" as const,
    minTrailingRevenue: "250,000",
    minTrailingDeals: "9",
    perks: "Advisory board seat\n\nCo-marketing funds",
    color: "#f59e0b",
  };

  test("only the VP configures tiers; bad input comes back per field", async () => {
    await signInAs(users.pm);
    expect(await saveTierAction(form)).toMatchObject({ ok: false, status: 403 });
    await signInAs(users.vp);
    const bad = await saveTierAction({
      ...form,
      commissionRate: "150",
      color: "orange",
      minTrailingDeals: "-1",
    });
    expect(bad).toMatchObject({ ok: false, status: 422 });
    if (!bad.ok)
      expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual([
        "color",
        "commissionRate",
        "minTrailingDeals",
      ]);
  });

  test("a new tier ranks above the others with its criteria in minor units; an edit keeps its rank", async () => {
    await signInAs(users.vp);
    expect(await saveTierAction(form)).toMatchObject({ ok: true });
    const [created] = await q<{
      id: string;
      key: string;
      rank: number;
      min_trailing_revenue_minor: string;
      perks: string[];
    }>(
      "select id, key, rank, min_trailing_revenue_minor::text, perks from public.tiers where name = 'Legend'",
    );
    expect(created).toMatchObject({
      key: "legend",
      rank: 3,
      min_trailing_revenue_minor: "25000000",
      perks: ["Advisory board seat", "Co-marketing funds"],
    });
    expect(
      await saveTierAction({ ...form, id: created!.id, name: "Legend+", minTrailingDeals: "10" }),
    ).toMatchObject({ ok: true });
    const [edited] = await q<{ name: string; rank: number; min_trailing_deals: number }>(
      "select name, rank, min_trailing_deals from public.tiers where id = $1",
      [created!.id],
    );
    expect(edited).toEqual({ name: "Legend+", rank: 3, min_trailing_deals: 10 });
  });

  test("the nightly re-evaluation is a scheduled job", () => {
    expect(JOBS["partner-tiers"].everySeconds).toBe(86_400);
  });
});

describe("achievements and XP", () => {
  test("won referred deals earn first sale and XP once per deal; evaluating again adds nothing", async () => {
    const again = await withSystem("test.achievements", (tx) => evaluateAchievements(tx, [orgA.id]), db.conn);
    expect(again).toEqual({ achievements: 0, xp: 0 });
    const keys = (
      await q<{ key: string }>(
        "select key from public.partner_achievements where partner_id = $1 order by key",
        [orgA.id],
      )
    ).map((r) => r.key);
    // First month also needs activity (a click, referral or registration), which this partner has none of.
    expect(keys).toEqual(["first_sale"]);
    const xp = await q<{ kind: string; n: number }>(
      "select kind, count(*)::int as n from public.partner_xp_events where partner_id = $1 group by kind order by kind",
      [orgA.id],
    );
    expect(xp).toEqual([
      { kind: "achievement", n: 1 },
      { kind: "won_deal", n: 3 },
    ]);
  });
});

describe("partners see only their own organisation's portal rows", () => {
  test.each(["tier_history", "partner_achievements", "partner_xp_events", "commission_lines"])(
    "%s: partner B sees none of partner A's rows, partner A sees its own",
    async (table) => {
      const { mine, theirs } = await partnerRowCounts(table);
      expect(mine).toBeGreaterThan(0);
      expect(theirs).toBe(0);
    },
  );
});

test("the earnings CSV holds the partner's own payable lines only", async () => {
  const get = (query = "") => exportEarnings(new Request(`http://localhost/api/portal/earnings${query}`));
  await signInAs(users.partnerA);
  const mine = await get();
  expect(mine.status).toBe(200);
  const body = await mine.text();
  expect(body.split("\r\n")[0]).toBe("due_date,customer,line,status,amount,currency,rate_percent,calculation,trace_json");
  expect(body.split("\r\n").filter(Boolean).length).toBeGreaterThan(1);
  // The calculation reads as sentences; the machine trace beside it keeps the rule keys and minor units.
  const [first] = parseCsv(body).rows;
  const calculation = first!.cells[7]!;
  expect(calculation).toMatch(/rate on \$[\d,]+\.\d{2} = \$[\d,]+\.\d{2}\./);
  expect(calculation).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  expect(JSON.parse(first!.cells[8]!)).toEqual(expect.arrayContaining([expect.objectContaining({ rule: "commission_exact" })]));
  expect((await get("?status=bogus")).status).toBe(400);
  await signInAs(users.partnerB);
  expect((await (await get()).text()).split("\r\n").filter(Boolean)).toHaveLength(1);
  await signInAs(users.sales);
  expect((await get()).status).toBe(403);
});
