import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "@/lib/db/client";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import { withSystem } from "@/lib/db/session";

export interface ClickRecord {
  linkId: string;
  partnerId: string;
  clickedAt: Date;
  visitorHash: string;
  ipHash: string;
  userAgent: string | null;
  referrer: string | null;
  isBot: boolean;
}

const FLUSH_INTERVAL_MS = 300;
const FLUSH_AT = 500;
const BATCH_ROWS = 1_000;

interface ClickQueue {
  pending: ClickRecord[];
  timer?: NodeJS.Timeout;
  /** Resolves when the clicks queued before it are written (or given up on after retries). */
  next?: { promise: Promise<void>; resolve: () => void };
  flushing: Promise<void>;
  hooked: boolean;
  recorded: number;
  failed: number;
}

const globalForClicks = globalThis as typeof globalThis & { __partnerosClickQueue?: ClickQueue };

function queue(): ClickQueue {
  return (globalForClicks.__partnerosClickQueue ??= {
    pending: [],
    flushing: Promise.resolve(),
    hooked: false,
    recorded: 0,
    failed: 0,
  });
}

export function hourBucket(at: Date): Date {
  return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
}

/** One statement with one JSON parameter: cheap to build and to plan however many clicks it carries. */
function insertClicks(batch: ClickRecord[]) {
  const json = JSON.stringify(
    batch.map((c) => ({
      link_id: c.linkId,
      partner_id: c.partnerId,
      clicked_at: c.clickedAt.toISOString(),
      visitor_hash: c.visitorHash,
      hour_bucket: hourBucket(c.clickedAt).toISOString(),
      ip_hash: c.ipHash,
      user_agent: c.userAgent,
      referrer: c.referrer,
      is_bot: c.isBot,
    })),
  );
  // One click per link, visitor and hour: the unique constraint drops repeats.
  return sql`insert into public.referral_clicks (link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash, user_agent, referrer, is_bot)
    select link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash, user_agent, referrer, is_bot
    from jsonb_to_recordset(${json}::jsonb) as x(link_id uuid, partner_id uuid, clicked_at timestamptz, visitor_hash text,
      hour_bucket timestamptz, ip_hash text, user_agent text, referrer text, is_bot boolean)
    on conflict do nothing`;
}

async function writeBatch(batch: ClickRecord[]): Promise<void> {
  const conn = await getConnection();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await withSystem(
        "referrals.clicks",
        async (tx) => {
          await tx.execute(insertClicks(batch));
          // First-click badges and click XP, once per partner in the batch.
          await evaluateAchievements(tx, [...new Set(batch.map((c) => c.partnerId))]);
        },
        conn,
      );
      queue().recorded += batch.length;
      return;
    } catch (error) {
      if (attempt >= 3) {
        queue().failed += batch.length;
        console.error(`[referrals] ${batch.length} clicks could not be recorded`, error);
        return;
      }
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
}

/** Writes everything queued so far; later calls wait for earlier flushes, so batches land in order. */
export function flushClicks(): Promise<void> {
  const q = queue();
  clearTimeout(q.timer);
  q.timer = undefined;
  const batch = q.pending.splice(0);
  const done = q.next;
  q.next = undefined;
  q.flushing = q.flushing.then(async () => {
    for (let i = 0; i < batch.length; i += BATCH_ROWS) await writeBatch(batch.slice(i, i + BATCH_ROWS));
    done?.resolve();
  });
  return q.flushing;
}

function hookShutdown(q: ClickQueue) {
  if (q.hooked) return;
  q.hooked = true;
  // Next's own handler closes the server, waits for `after()` work (each click registers its flush), then exits.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdownClickQueue());
  process.once("beforeExit", () => void shutdownClickQueue());
}

/** Writes every queued click and waits for the writes in flight: the shutdown path. */
export async function shutdownClickQueue(): Promise<{ recorded: number; failed: number }> {
  await flushClicks();
  const q = queue();
  return { recorded: q.recorded, failed: q.failed };
}

/**
 * Queues a click without touching the database; returns a promise that settles once it is written,
 * for `after()` so a graceful shutdown waits for it.
 */
export function enqueueClick(click: ClickRecord): Promise<void> {
  const q = queue();
  hookShutdown(q);
  q.pending.push(click);
  if (!q.next) {
    let resolve!: () => void;
    const promise = new Promise<void>((r) => (resolve = r));
    q.next = { promise, resolve };
  }
  const written = q.next.promise;
  if (q.pending.length >= FLUSH_AT) void flushClicks();
  else if (!q.timer) q.timer = setTimeout(() => void flushClicks(), FLUSH_INTERVAL_MS);
  return written;
}

export function clickQueueStats() {
  const q = queue();
  return { pending: q.pending.length, recorded: q.recorded, failed: q.failed };
}
