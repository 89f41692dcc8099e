import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { withSystem } from "@/lib/db/session";
import { createScheduledBatches } from "@/lib/payouts/schedule";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { approvedLines, payoutMethod } from "../support/payouts";
import { createDefaultStages, type StageIds } from "../support/pipeline";

let db: TestDatabase;
let stages: StageIds;
let sales: f.TestUser;
let finance: f.TestUser;

async function partnerOn(cadence: "weekly" | "monthly", amountMinor: number, dueDate: string) {
  const tier = await f.createTier(db.conn, { payoutCadence: cadence });
  const partner = await f.createPartner(db.conn, { tierId: tier.id });
  await payoutMethod(db.conn, partner.id);
  await approvedLines(db.conn, { partnerId: partner.id, ownerId: sales.id, stageId: stages.closed_won }, [
    { amountMinor, dueDate },
  ]);
  return partner;
}

const schedule = (today: string) =>
  withSystem("payouts.schedule", (tx) => createScheduledBatches(tx, today), db.conn);

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Schedule Test')");
  stages = await createDefaultStages(db.conn);
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  finance = await f.createUser(db.conn, { role: "finance" });
});
afterAll(async () => db?.close());

describe("scheduled payout batches by tier cadence", () => {
  test("each cadence gets a draft batch for its last complete period, once, holding only its partners", async () => {
    const weekly = await partnerOn("weekly", 20_000, "2026-11-12");
    const monthly = await partnerOn("monthly", 30_000, "2026-10-20");
    // Due after the weekly period ends: waits for a later batch.
    await partnerOn("weekly", 40_000, "2026-11-18");

    const first = await schedule("2026-11-21");
    const made = first.filter((b) => b.batchId);
    expect(made.map((b) => [b.cadence, b.period, b.statements])).toEqual([
      ["monthly", { start: "2026-10-01", end: "2026-10-31" }, 1],
      ["weekly", { start: "2026-11-09", end: "2026-11-15" }, 1],
    ]);
    const batches = await db.conn.query<{
      origin: string;
      status: string;
      created_by: string | null;
      partner_id: string;
    }>(
      `select b.origin, b.status::text as status, b.created_by, p.partner_id from public.payout_batches b
       join public.payouts p on p.batch_id = b.id order by b.origin`,
    );
    expect(batches).toEqual([
      { origin: "monthly", status: "draft", created_by: null, partner_id: monthly.id },
      { origin: "weekly", status: "draft", created_by: null, partner_id: weekly.id },
    ]);
    const notes = await db.conn.query<{ title: string; link: string }>(
      "select title, link from public.notifications where user_id = $1 and kind = 'payout_batch_scheduled' order by title",
      [finance.id],
    );
    expect(notes.map((n) => n.title)).toEqual([
      "Scheduled monthly payout batch ready",
      "Scheduled weekly payout batch ready",
    ]);

    // Running again (another scheduler, a restart) creates nothing new.
    expect((await schedule("2026-11-21")).filter((b) => b.batchId)).toEqual([]);
    const counted = await db.conn.query<{ n: number }>("select count(*)::int as n from public.payout_batches");
    expect(counted[0]?.n).toBe(2);
  });

  test("the next week picks up the line that was not yet due", async () => {
    const next = await schedule("2026-11-24");
    expect(next.filter((b) => b.batchId).map((b) => [b.cadence, b.period.start, b.statements])).toEqual([
      ["weekly", "2026-11-16", 1],
    ]);
  });
});
