import { afterAll, beforeAll, expect, test } from "vitest";
import { withSystem } from "@/lib/db/session";
import type { StaffKey } from "@/lib/seed/demo-data";
import { POC_CHECKLIST, seedTasks } from "@/lib/seed/demo-tasks";
import { runTaskRollover } from "@/lib/tasks/rollover";
import { addDays, weekStartOf } from "@/lib/tasks/week";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages } from "../support/pipeline";

// A Wednesday, so "this week" already has overdue tasks.
const NOW = new Date("2026-11-18T15:00:00Z");
const ROLES: Record<StaffKey, "vp" | "sales_manager" | "partnership_manager" | "finance"> = {
  vp: "vp",
  sales1: "sales_manager",
  sales2: "sales_manager",
  sales3: "sales_manager",
  pm1: "partnership_manager",
  pm2: "partnership_manager",
  finance: "finance",
};

let db: TestDatabase;
let ids: Record<StaffKey, string>;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  const stages = await createDefaultStages(db.conn);
  ids = {} as Record<StaffKey, string>;
  for (const [key, role] of Object.entries(ROLES))
    ids[key as StaffKey] = (await f.createUser(db.conn, { role })).id;
  for (const seller of ["sales1", "sales2", "sales3"] as const) {
    for (let i = 0; i < 3; i += 1)
      await f.createOpportunity(db.conn, {
        ownerId: ids[seller],
        stageId: stages.demo,
        customerName: `${seller} customer ${i}`,
      });
  }
  for (let i = 0; i < 3; i += 1) await f.createPartner(db.conn, { name: `Partner ${i}`, ownerId: ids.pm1 });
  await withSystem("seed.demo", (tx) => seedTasks(tx, ids, NOW), db.conn);
});
afterAll(async () => db?.close());

test("the demo team has done, overdue and rolled-over tasks this week, each with its history", async () => {
  const thisWeek = weekStartOf(NOW);
  const [summary] = await db.conn.query<{
    this_week: number;
    last_week: number;
    done: number;
    overdue: number;
    rolled: number;
    unlinked_opportunity: number;
  }>(
    `select count(*) filter (where week_start = $1)::int as this_week,
       count(*) filter (where week_start = $2)::int as last_week,
       count(*) filter (where completed_at is not null)::int as done,
       count(*) filter (where completed_at is null and due_date < $3)::int as overdue,
       count(*) filter (where rollover_count = 1 and week_start = $1)::int as rolled,
       count(*) filter (where category = 'opportunity' and opportunity_id is null)::int as unlinked_opportunity
     from public.tasks`,
    [thisWeek, addDays(thisWeek, -7), NOW.toISOString().slice(0, 10)],
  );
  expect(summary!.this_week).toBeGreaterThan(10);
  expect(summary!.last_week).toBeGreaterThan(5);
  expect(summary!.done).toBeGreaterThan(5);
  expect(summary!.overdue).toBeGreaterThan(3);
  expect(summary!.rolled).toBe(5);
  expect(summary!.unlinked_opportunity).toBe(0);

  const [history] = await db.conn.query<{ missing_created: number; rolled_without_event: number }>(
    `select count(*) filter (where not exists (select 1 from public.task_events e where e.task_id = t.id and e.kind = 'created'))::int as missing_created,
       count(*) filter (where t.rollover_count > 0 and not exists (select 1 from public.task_events e where e.task_id = t.id and e.kind = 'rolled_over'))::int as rolled_without_event
     from public.tasks t`,
  );
  expect(history).toEqual({ missing_created: 0, rolled_without_event: 0 });
  // Sellers' opportunity tasks point at their own deals.
  const [foreign] = await db.conn.query<{ n: number }>(
    "select count(*)::int as n from public.tasks t join public.opportunities o on o.id = t.opportunity_id where o.owner_id <> t.assignee_id",
  );
  expect(foreign!.n).toBe(0);
});

test("the POC checklist template exists, and the seeded week is already rolled over", async () => {
  const templates = await db.conn.query<{ title: string }>(
    "select tt.title from public.task_templates tt join public.stages s on s.id = tt.stage_id where s.key = 'poc' order by tt.position",
  );
  expect(templates.map((t) => t.title)).toEqual(POC_CHECKLIST.map((t) => t.title));
  expect((await runTaskRollover(NOW)).moved).toBe(0);
});
