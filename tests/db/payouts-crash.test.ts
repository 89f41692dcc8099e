import { spawn } from "node:child_process";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, test } from "vitest";
import { withSystem } from "@/lib/db/session";
import { buildStatements } from "@/lib/payouts/statements";
import { insertBatch } from "@/lib/payouts/trigger";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { approvedLines, payoutMethod, unbalancedJournals } from "../support/payouts";
import { createDefaultStages } from "../support/pipeline";
import { startStripeServer, STRIPE_TEST_KEY, type StripeServer } from "../support/stripe-server";

// 2026-11-21: PGlite belongs to one process, so a second process cannot open the test database; PostgreSQL only.
const postgresOnly = process.env.TEST_DB_ENGINE !== "postgres";

let db: TestDatabase;
let stripe: StripeServer;
let databaseUrl: string;

/** Runs the trigger script in its own process group; `killOnTransfer` SIGKILLs it when the contract server sees the transfer. */
function runTrigger(batchId: string, options: { killOnTransfer?: boolean; staleAfterMs?: number } = {}) {
  const child = spawn(
    "npx",
    ["tsx", "--conditions=react-server", path.join("tests", "support", "trigger-batch-script.ts")],
    {
      cwd: process.cwd(),
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        BATCH_ID: batchId,
        DATABASE_URL: databaseUrl,
        STRIPE_SECRET_KEY: STRIPE_TEST_KEY,
        STRIPE_API_BASE: stripe.baseUrl,
        ...(options.staleAfterMs === undefined
          ? {}
          : { PAYOUT_STALE_AFTER_MS: String(options.staleAfterMs) }),
      },
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  const unsubscribe = options.killOnTransfer
    ? stripe.onTransferRequest(() => {
        unsubscribe?.();
        process.kill(-child.pid!, "SIGKILL");
      })
    : null;
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; err: string }>(
    (resolve) =>
      child.on("exit", (code, signal) => {
        unsubscribe?.();
        resolve({ code, signal, out, err });
      }),
  );
}

beforeAll(async () => {
  if (postgresOnly) return;
  stripe = await startStripeServer();
  db = await createTestDatabase();
  const [{ name }] = (await db.conn.query<{ name: string }>("select current_database() as name")) as [
    { name: string },
  ];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  await db.conn.query(
    "insert into public.workspace_settings (company_name, minimum_payout_minor) values ('Crash Test', 0)",
  );
});
afterAll(async () => {
  await db?.close();
  await stripe?.close();
});

test.skipIf(postgresOnly)(
  "a server killed between the Stripe call and the commit is resumed: one transfer, status sent",
  async () => {
    const stages = await createDefaultStages(db.conn);
    const owner = await f.createUser(db.conn, { role: "sales_manager" });
    const partner = await f.createPartner(db.conn);
    await payoutMethod(db.conn, partner.id);
    await approvedLines(db.conn, { partnerId: partner.id, ownerId: owner.id, stageId: stages.closed_won }, [
      { amountMinor: 31_000 },
    ]);
    process.env.STRIPE_SECRET_KEY = STRIPE_TEST_KEY;
    const batchId = await withSystem(
      "test.payouts",
      async (tx) => {
        const built = await buildStatements(tx, { periodEnd: "2026-01-31" }, { stripeConfigured: true });
        const id = await insertBatch(
          tx,
          { periodStart: "2026-01-01", periodEnd: "2026-01-31", createdBy: owner.id },
          built.statements,
        );
        await tx.execute(sql`update public.payout_batches set status = 'confirmed' where id = ${id}`);
        return id;
      },
      db.conn,
    );
    delete process.env.STRIPE_SECRET_KEY;
    const payoutOf = async () =>
      (
        await db.conn.query<{
          id: string;
          status: string;
          stripe_transfer_id: string | null;
          idempotency_key: string;
        }>(
          "select id, status::text as status, stripe_transfer_id, idempotency_key from public.payouts where batch_id = $1",
          [batchId],
        )
      )[0]!;

    const killed = await runTrigger(batchId, { killOnTransfer: true });
    expect(killed.signal).toBe("SIGKILL");
    expect(stripe.transfers).toHaveLength(1);
    expect(await payoutOf()).toMatchObject({ status: "processing", stripe_transfer_id: null });

    const resumed = await runTrigger(batchId, { staleAfterMs: 0 });
    expect(resumed.code, resumed.err).toBe(0);
    expect(JSON.parse(resumed.out.trim().split("\n").at(-1)!)).toMatchObject({ sent: 1, failed: 0 });
    const payout = await payoutOf();
    expect(stripe.transfers).toHaveLength(1);
    expect(stripe.requests.map((r) => r.idempotencyKey)).toEqual([
      payout.idempotency_key,
      payout.idempotency_key,
    ]);
    expect(payout).toMatchObject({ status: "sent", stripe_transfer_id: stripe.transfers[0]!.id });
    expect(await unbalancedJournals(db.conn)).toEqual([]);
  },
  120_000,
);
