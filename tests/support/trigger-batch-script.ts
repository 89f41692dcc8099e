// Triggers one payout batch in its own process, as the server would: `tsx --conditions=react-server tests/support/trigger-batch-script.ts`.
// Reads BATCH_ID, DATABASE_URL, STRIPE_SECRET_KEY, STRIPE_API_BASE and optionally PAYOUT_STALE_AFTER_MS; prints the result as JSON.
import { getConnection } from "@/lib/db/client";
import { triggerBatch } from "@/lib/payouts/trigger";

const batchId = process.env.BATCH_ID;
if (!batchId) throw new Error("BATCH_ID is required");
const stale = process.env.PAYOUT_STALE_AFTER_MS;
const result = await triggerBatch(batchId, {
  actorId: null,
  staleAfterMs: stale === undefined ? undefined : Number(stale),
});
process.stdout.write(`${JSON.stringify(result)}\n`);
await (await getConnection()).close();
