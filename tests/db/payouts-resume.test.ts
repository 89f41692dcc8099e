import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { withSystem } from "@/lib/db/session";
import { registerInstanceStart } from "@/lib/runtime/instance";
import { simulatedPayouts } from "@/lib/payments/simulated";
import { buildStatements } from "@/lib/payouts/statements";
import { insertBatch, resumeStalePayouts, triggerBatch } from "@/lib/payouts/trigger";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { approvedLines, payoutMethod } from "../support/payouts";
import { createDefaultStages } from "../support/pipeline";

let db: TestDatabase;
let stages: Awaited<ReturnType<typeof createDefaultStages>>;
let owner: f.TestUser;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.workspace_settings (company_name, minimum_payout_minor) values ('Resume Co', 0)");
  stages = await createDefaultStages(db.conn);
  owner = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => db?.close());

/** A confirmed one-payout batch, triggered by `instance`, which dies after the transfer and before recording it. */
async function leftInFlightBy(instance: string): Promise<string> {
  const partner = await f.createPartner(db.conn);
  await payoutMethod(db.conn, partner.id);
  await approvedLines(db.conn, { partnerId: partner.id, ownerId: owner.id, stageId: stages.closed_won }, [{ amountMinor: 12_000 }]);
  const batchId = await withSystem(
    "test.payouts",
    async (tx) => {
      const built = await buildStatements(tx, { periodEnd: "2026-01-31" }, { stripeConfigured: true });
      const mine = built.statements.filter((s) => s.partnerId === partner.id);
      const id = await insertBatch(tx, { periodStart: "2026-01-01", periodEnd: "2026-01-31", createdBy: owner.id }, mine);
      await tx.execute(sql`update public.payout_batches set status = 'confirmed' where id = ${id}`);
      return id;
    },
    db.conn,
  );
  const died = () => Promise.reject(new Error("process died"));
  await expect(
    triggerBatch(batchId, { actorId: null, conn: db.conn, port: simulatedPayouts, instanceId: instance, beforeResultCommit: died }),
  ).rejects.toThrow("process died");
  return batchId;
}

const payoutOf = async (batchId: string) =>
  (await db.conn.query<{ status: string; claimed_by: string | null }>(
    `select p.status::text as status, c.instance_id as claimed_by
     from public.payouts p left join private.payout_claims c on c.payout_id = p.id where p.batch_id = $1`,
    [batchId],
  ))[0]!;
const silence = (instance: string, seconds: number) =>
  db.conn.query("update private.app_instances set heartbeat_at = now() - make_interval(secs => $2) where id = $1", [instance, seconds]);

test("a payout whose claiming process stopped heartbeating is resumed at once; a live claimant's is left alone", async () => {
  const dead = await leftInFlightBy("host-a:101:dead");
  const live = await leftInFlightBy("host-b:202:live");
  expect(await payoutOf(dead)).toEqual({ status: "processing", claimed_by: "host-a:101:dead" });
  await silence("host-a:101:dead", 180);

  // Well inside the 10-minute lease: only the claim of the silent process is taken over.
  expect(await resumeStalePayouts({ conn: db.conn, port: simulatedPayouts })).toMatchObject({ sent: 1, batches: 1 });
  expect(await payoutOf(dead)).toMatchObject({ status: "paid" });
  expect(await payoutOf(live)).toEqual({ status: "processing", claimed_by: "host-b:202:live" });

  // A trigger from another process respects the live claim too.
  expect(await triggerBatch(live, { actorId: null, conn: db.conn, port: simulatedPayouts, instanceId: "host-c:303:other" })).toEqual({
    sent: 0,
    failed: 0,
    alreadyProcessing: 1,
  });

  await silence("host-b:202:live", 121);
  expect(await resumeStalePayouts({ conn: db.conn, port: simulatedPayouts })).toMatchObject({ sent: 1, batches: 1 });
  expect(await payoutOf(live)).toMatchObject({ status: "paid" });
});

test("a claim without a recorded process (made before claims were recorded) still waits for the lease", async () => {
  const batchId = await leftInFlightBy("host-d:404:old");
  await db.conn.query("delete from private.payout_claims where payout_id in (select id from public.payouts where batch_id = $1)", [batchId]);
  await silence("host-d:404:old", 3600);
  expect(await resumeStalePayouts({ conn: db.conn, port: simulatedPayouts })).toMatchObject({ sent: 0, batches: 0 });
  expect(await resumeStalePayouts({ conn: db.conn, port: simulatedPayouts, staleAfterMs: 0 })).toMatchObject({ sent: 1 });
});

test("a starting process on the embedded database takes over every other claim; on PostgreSQL others keep theirs", async () => {
  const batchId = await leftInFlightBy("host-e:505:previous");
  await registerInstanceStart(db.conn, "host-e:506:restarted");
  const resumed = await resumeStalePayouts({ conn: db.conn, port: simulatedPayouts, instanceId: "host-e:506:restarted" });
  if (db.engine === "pglite") {
    expect(resumed).toMatchObject({ sent: 1, batches: 1 });
    expect(await payoutOf(batchId)).toMatchObject({ status: "paid" });
  } else {
    expect(resumed).toMatchObject({ sent: 0, batches: 0 });
    expect(await payoutOf(batchId)).toEqual({ status: "processing", claimed_by: "host-e:505:previous" });
  }
});
