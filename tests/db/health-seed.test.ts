import { afterAll, beforeAll, expect, test } from "vitest";
import { withSystem } from "@/lib/db/session";
import { healthScore, NEW_PARTNER_DAYS } from "@/lib/health/score";
import { seedDemo } from "@/lib/seed/demo";
import { HEALTH_HISTORY_WEEKS, seedHealthHistory } from "@/lib/seed/demo-health";
import { createTestDatabase, type TestDatabase } from "../support/db";
import type { HealthBreakdown } from "@/lib/health/job";

const NOW = new Date("2026-11-20T12:00:00Z");
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.conn, { now: NOW });
});
afterAll(async () => db?.close());

test("the demo gets weekly health history and a current score from the real function", async () => {
  const summary = await withSystem("test.seed-health", (tx) => seedHealthHistory(tx, NOW), db.conn);
  expect(summary.partners).toBeGreaterThan(10);
  // Every scored partner has today's snapshot and one a week before, except weeks within its first days.
  expect(summary.snapshots).toBeLessThanOrEqual(summary.partners * (HEALTH_HISTORY_WEEKS + 1));
  expect(summary.snapshots).toBeGreaterThan(summary.partners * HEALTH_HISTORY_WEEKS * 0.8);
  const early = await db.conn.query(
    `select 1 from public.partner_health_snapshots s join public.partners p on p.id = s.partner_id
     where s.taken_on < (p.joined_at + make_interval(days => ${NEW_PARTNER_DAYS}))::date`,
  );
  expect(early).toHaveLength(0);
  const latest = await db.conn.query<{ score: number; health: number; breakdown: HealthBreakdown }>(
    `select s.score, p.health_score as health, s.breakdown from public.partner_health_snapshots s join public.partners p on p.id = s.partner_id
     where s.taken_on = '2026-11-20'`,
  );
  expect(latest).toHaveLength(summary.partners);
  for (const row of latest) {
    expect(row.health).toBe(row.score);
    expect(healthScore(row.breakdown.inputs, row.breakdown.weights).score).toBe(row.score);
  }
  // The history is not flat: scores differ between partners and over time.
  expect(new Set(latest.map((r) => r.score)).size).toBeGreaterThan(3);
  expect(new Set(latest.map((r) => r.breakdown.band)).size).toBeGreaterThanOrEqual(3);
});
