import { afterAll, beforeAll, expect, test } from "vitest";
import { countStageConversions, getStageConversions, refreshPipelineAggregates } from "@/lib/dashboard/queries";
import { withSystem } from "@/lib/db/session";
import { lastFourQuarters, listForecastStages } from "@/lib/forecast/inputs";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, type StageIds } from "../support/pipeline";

let db: TestDatabase;
let stages: StageIds;
const now = new Date("2026-11-21T12:00:00Z");

beforeAll(async () => {
  db = await createTestDatabase();
  stages = await createDefaultStages(db.conn);
  const owner = await f.createUser(db.conn, { role: "sales_manager" });
  // Two deals entered Demo last quarter; one went on to Proposal.
  for (const [i, reached] of [["a", stages.proposal], ["b", null]] as const) {
    const opp = await f.createOpportunity(db.conn, { ownerId: owner.id, stageId: reached ?? stages.demo, customerName: `Deal ${i}` });
    await db.conn.query("insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_at) values ($1, $2, '2026-08-01T10:00:00Z')", [opp.id, stages.demo]);
    if (reached) await db.conn.query("insert into public.opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, moved_at) values ($1, $2, $3, '2026-08-15T10:00:00Z')", [opp.id, stages.demo, reached]);
  }
});
afterAll(async () => db?.close());

const sys = <T>(fn: Parameters<typeof withSystem<T>>[1]) => withSystem("test.aggregates", fn, db.conn);

test("the scheduled aggregate matches a fresh count and is used while fresh", async () => {
  const window = lastFourQuarters(now);
  const counted = await sys(async (tx) => countStageConversions(tx, window, await listForecastStages(tx)));
  const demo = counted.find((c) => c.from.key === "demo")!;
  expect({ entered: demo.entered, advanced: demo.advanced, to: demo.to.key }).toEqual({ entered: 2, advanced: 1, to: "poc" });

  await sys((tx) => refreshPipelineAggregates(tx, now));
  // Tamper with the stored payload to prove the fresh aggregate is what the dashboard reads.
  await db.conn.query("update public.pipeline_aggregates set payload = jsonb_set(payload, '{1,advanced}', '99')");
  const read = await sys(async (tx) => getStageConversions(tx, window, await listForecastStages(tx), now));
  expect(read.find((c) => c.from.key === "demo")?.advanced).toBe(99);

  const later = new Date(now.getTime() + 16 * 60_000);
  const stale = await sys(async (tx) => getStageConversions(tx, window, await listForecastStages(tx), later));
  expect(stale.find((c) => c.from.key === "demo")?.advanced).toBe(1);

  await db.conn.query("update public.stages set name = 'Discovery' where id = $1", [stages.demo]);
  const renamed = await sys(async (tx) => getStageConversions(tx, window, await listForecastStages(tx), now));
  expect(renamed.find((c) => c.from.key === "demo")).toMatchObject({ advanced: 1, from: { name: "Discovery" } });
});
