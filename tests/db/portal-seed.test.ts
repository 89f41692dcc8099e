import { sql } from "drizzle-orm";
import { afterEach, expect, test } from "vitest";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Connection } from "@/lib/db/connection";
import { rows, withSystem } from "@/lib/db/session";
import { seedDemo } from "@/lib/seed/demo";
import { pickTier } from "@/lib/tiers/evaluate";
import { listTierCriteria, trailingMetrics } from "@/lib/tiers/metrics";
import { createTestDatabase, type TestDatabase } from "../support/db";

const NOW = new Date("2026-11-20T12:00:00Z");
let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

/** The demo seed, which includes the portal activity with tiers settled. */
async function seeded() {
  db = await createTestDatabase();
  await seedDemo(db.conn, { now: NOW });
  const [demo] = await db.conn.query<{ id: string }>(
    "select partner_id as id from public.profiles where email = 'partner@demo.partneros.dev'",
  );
  return { conn: db.conn, demoId: demo!.id };
}

/** Program partners whose tier is not the one the trailing-90-day rules give. */
function drift(conn: Connection) {
  return withSystem(
    "test.check",
    async (tx) => {
      const tiers = await listTierCriteria(tx);
      const partners = await rows<{ id: string; tier_id: string }>(
        tx,
        sql`select id, tier_id from public.partners where kind in ('program', 'isv_and_program') and tier_id is not null`,
      );
      const metrics = await trailingMetrics(
        tx,
        partners.map((p) => p.id),
        "2026-11-20",
      );
      return partners.filter((p) => pickTier(tiers, metrics.get(p.id)!)?.id !== p.tier_id).map((p) => p.id);
    },
    conn,
  );
}

test("the demo's portal activity: registrations of every status, joining tiers, badges and XP", async () => {
  const { conn, demoId } = await seeded();
  const [counts] = await conn.query<{ registrations: number; achievements: number; xp: number }>(
    `select (select count(*)::int from public.deal_registrations) as registrations,
       (select count(*)::int from public.partner_achievements) as achievements,
       (select count(*)::int from public.partner_xp_events) as xp`,
  );
  expect(counts!.registrations).toBeGreaterThan(5);
  expect(counts!.achievements).toBeGreaterThan(0);
  expect(counts!.xp).toBeGreaterThan(0);
  const statuses = await conn.query<{ status: string; self_referral: boolean }>(
    "select distinct status::text as status, self_referral from public.deal_registrations where partner_id = $1 order by 1, 2",
    [demoId],
  );
  expect(statuses).toEqual(
    expect.arrayContaining([
      { status: "approved", self_referral: false },
      { status: "pending", self_referral: false },
      { status: "pending", self_referral: true },
      { status: "rejected", self_referral: false },
    ]),
  );
  const [history] = await conn.query<{ n: number }>(
    "select count(*)::int as n from public.tier_history where partner_id = $1",
    [demoId],
  );
  expect(history!.n).toBeGreaterThanOrEqual(1);
  const again = await withSystem("seed.demo", (tx) => evaluateAchievements(tx, "all", NOW, 3), conn);
  expect(again).toEqual({ achievements: 0, xp: 0 });
}, 240_000);

test("the seed leaves every partner on the tier its trailing 90 days give, every tier populated, without notifying anyone", async () => {
  const { conn } = await seeded();
  expect(await drift(conn)).toEqual([]);
  const tiers = await conn.query<{ n: number }>(
    "select count(p.id)::int as n from public.tiers t left join public.partners p on p.tier_id = t.id and p.kind = 'program' group by t.id",
  );
  expect(tiers.every((t) => t.n > 0)).toBe(true);
  // A pyramid a buyer believes: most partners start at the entry tier, but not nearly all of them.
  const [starter, ...higher] = await conn.query<{ n: number }>(
    "select count(p.id)::int as n from public.tiers t left join public.partners p on p.tier_id = t.id and p.kind = 'program' group by t.id, t.rank order by t.rank",
  );
  const programPartners = starter!.n + higher.reduce((sum, t) => sum + t.n, 0);
  expect(starter!.n).toBeLessThanOrEqual(Math.ceil(programPartners * 0.65));
  expect(higher.every((t) => t.n >= 2)).toBe(true);
  const [sent] = await conn.query<{ n: number }>(
    "select count(*)::int as n from public.email_outbox where template = 'tier_changed'",
  );
  expect(sent!.n).toBe(0);
}, 240_000);
