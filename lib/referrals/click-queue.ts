import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "@/lib/db/client";
import type { Connection } from "@/lib/db/connection";
import { rows, withSystem } from "@/lib/db/session";
import { REDIRECT_BURST, type BurstRule } from "./burst-limit";
import { flushClickFollowUps, queueClickFollowUps } from "./click-follow-up";
import { clickJson, type ClickRecord } from "./click-record";
import { fileSpool, type ClickSpool } from "./click-spool";

/** One /r/ request: the burst bucket it takes a token from (none when it already took one) and its click. */
export interface RedirectRequest {
  bucket: string | null;
  click: ClickRecord | null;
}

export interface RedirectOutcome {
  granted: boolean;
  /** Seconds until the bucket has a token again (0 when granted). */
  retryAfter: number;
  /** Where the click is now: committed, in the local spool, lost (neither could take it), or no click. */
  stored: "database" | "spool" | "lost" | "none";
}

export interface ClickQueueStats {
  pending: number;
  inFlight: number;
  recorded: number;
  spooled: number;
  replayed: number;
  lost: number;
  failedBatches: number;
}

export interface ClickQueue {
  /** Resolves once the request's token is decided and its click is durable (committed, or spooled). */
  submit(request: RedirectRequest): Promise<RedirectOutcome>;
  /** Resolves once every submitted request has its answer: the shutdown path. */
  drain(): Promise<void>;
  /** Writes the spooled clicks to the database; resolves with the spool files still waiting. */
  replaySpool(): Promise<number>;
  stats(): ClickQueueStats;
}

export interface ClickQueueOptions {
  connection?: () => Promise<Connection>;
  spool?: ClickSpool;
  rule?: BurstRule;
  /** How long a redirect waits for the database before its click goes to the spool instead. */
  deadlineMs?: number;
  /** How often spooled clicks are retried while some wait; null leaves replay to `replaySpool` calls. */
  replayEveryMs?: number | null;
  onRecorded?: (partnerIds: readonly string[]) => void;
  afterDrain?: () => Promise<void>;
}

/** Two batches in the database at once: while one commits, the requests that arrive form the next. */
const MAX_IN_FLIGHT = 2;
const BATCH_ROWS = 500;
const COMMIT_DEADLINE_MS = 1_000;
/** After a failed or late batch, the next ones go straight to the spool for this long, then one tries again. */
const OUTAGE_PAUSE_MS = 2_000;
const REPLAY_EVERY_MS = 5_000;

interface Waiter {
  request: RedirectRequest;
  resolve: (outcome: RedirectOutcome) => void;
  done: boolean;
}

/**
 * Group commit for /r/: every redirect waits for the commit of the micro-batch that carries its click
 * (one call of private.record_referral_clicks, which also takes the burst tokens), so a 302 always follows
 * a durable click. Batches form by themselves: a batch starts as soon as a slot is free, with every
 * request that arrived meanwhile. A batch the database fails or does not answer within the deadline
 * goes to the local spool, its visitors are let through, and the spool is replayed once the database answers.
 */
export function createClickQueue(options: ClickQueueOptions = {}): ClickQueue {
  const connection = options.connection ?? getConnection;
  const spool = options.spool ?? fileSpool();
  const rule = options.rule ?? REDIRECT_BURST;
  const deadlineMs = options.deadlineMs ?? COMMIT_DEADLINE_MS;
  const replayEveryMs = options.replayEveryMs === undefined ? REPLAY_EVERY_MS : options.replayEveryMs;
  const pending: Waiter[] = [];
  const drained = new Set<() => void>();
  const counts = { recorded: 0, spooled: 0, replayed: 0, lost: 0, failedBatches: 0 };
  let inFlight = 0;
  let unsettled = 0;
  let scheduled = false;
  let pausedUntil = 0;
  let replayTimer: NodeJS.Timeout | undefined;
  let replaying: Promise<void> | null = null;

  function settle(waiter: Waiter, outcome: RedirectOutcome) {
    if (waiter.done) return;
    waiter.done = true;
    waiter.resolve(outcome);
    unsettled -= 1;
    if (unsettled > 0) return;
    for (const resolve of drained) resolve();
    drained.clear();
  }

  async function record(requests: readonly RedirectRequest[]) {
    const payload = JSON.stringify(
      requests.map((r, i) => ({ i, bucket: r.bucket, ...(r.click ? clickJson(r.click) : {}) })),
    );
    return withSystem(
      "referrals.clicks",
      (tx) =>
        rows<{ i: number; granted: boolean; retry_after: number }>(
          tx,
          sql`select i, granted, retry_after
              from private.record_referral_clicks(${payload}::jsonb, ${rule.capacity}, ${rule.refillPerSecond})`,
        ),
      await connection(),
    );
  }

  /** The database did not take the batch: its clicks go to the spool and its visitors through (fail open). */
  async function fallBack(batch: readonly Waiter[]) {
    const open = batch.filter((w) => !w.done);
    const clicks = open.flatMap((w) => (w.request.click ? [w.request.click] : []));
    let stored: "spool" | "lost" = "spool";
    try {
      await spool.append(clicks);
      counts.spooled += clicks.length;
      scheduleReplay();
    } catch (error) {
      stored = "lost";
      counts.lost += clicks.length;
      console.error(`[referrals] ${clicks.length} clicks could be neither recorded nor spooled`, error);
    }
    for (const w of open) settle(w, { granted: true, retryAfter: 0, stored: w.request.click ? stored : "none" });
  }

  function accept(batch: readonly Waiter[], result: { i: number; granted: boolean; retry_after: number }[]) {
    const byIndex = new Map(result.map((r) => [Number(r.i), r]));
    const partners = new Set<string>();
    batch.forEach((w, i) => {
      const row = byIndex.get(i);
      const granted = row?.granted ?? true;
      if (granted && w.request.click) {
        counts.recorded += 1;
        partners.add(w.request.click.partnerId);
      }
      const stored = granted && w.request.click ? "database" : "none";
      settle(w, { granted, retryAfter: granted ? 0 : Number(row?.retry_after ?? 1), stored });
    });
    if (partners.size > 0) options.onRecorded?.([...partners]);
  }

  async function commit(batch: Waiter[]) {
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight -= 1;
      pump();
    };
    const late = setTimeout(() => {
      pausedUntil = Date.now() + OUTAGE_PAUSE_MS;
      release();
      void fallBack(batch);
    }, deadlineMs);
    try {
      if (Date.now() < pausedUntil) await fallBack(batch);
      else {
        accept(batch, await record(batch.map((w) => w.request)));
        if (pausedUntil > 0 || counts.spooled > counts.replayed) scheduleReplay(0);
        pausedUntil = 0;
      }
    } catch (error) {
      counts.failedBatches += 1;
      if (pausedUntil === 0) console.error("[referrals] clicks go to the local spool until the database answers", error);
      pausedUntil = Date.now() + OUTAGE_PAUSE_MS;
      await fallBack(batch);
    } finally {
      clearTimeout(late);
      release();
    }
  }

  function pump() {
    scheduled = false;
    while (pending.length > 0 && inFlight < MAX_IN_FLIGHT) {
      inFlight += 1;
      void commit(pending.splice(0, BATCH_ROWS));
    }
  }

  function scheduleReplay(delayMs = replayEveryMs) {
    if (replayTimer || delayMs === null) return;
    replayTimer = setTimeout(() => {
      replayTimer = undefined;
      void replaySpool().then((left) => {
        if (left > 0) scheduleReplay(replayEveryMs);
      });
    }, delayMs);
    replayTimer.unref();
  }

  async function replaySpool(): Promise<number> {
    replaying ??= (async () => {
      try {
        counts.replayed += await spool.drain(async (clicks) => {
          for (let i = 0; i < clicks.length; i += BATCH_ROWS) {
            await record(clicks.slice(i, i + BATCH_ROWS).map((click) => ({ bucket: null, click })));
          }
          options.onRecorded?.([...new Set(clicks.map((c) => c.partnerId))]);
        });
      } catch (error) {
        console.error("[referrals] replaying spooled clicks failed; trying again shortly", error);
      } finally {
        replaying = null;
      }
    })();
    await replaying;
    return spool.size();
  }

  return {
    submit(request) {
      unsettled += 1;
      return new Promise<RedirectOutcome>((resolve) => {
        pending.push({ request, resolve, done: false });
        // Requests read in the same turn of the event loop share a batch.
        if (!scheduled) {
          scheduled = true;
          setImmediate(pump);
        }
      });
    },
    async drain() {
      if (unsettled > 0) await new Promise<void>((resolve) => drained.add(resolve));
      await options.afterDrain?.();
    },
    replaySpool,
    stats: () => ({ pending: pending.length, inFlight, ...counts }),
  };
}

const globalForClicks = globalThis as typeof globalThis & { __partnerosClickQueue?: ClickQueue };

/** The process-wide queue (on globalThis: route bundles duplicate modules; scripts/next-server.ts drains it). */
export function clickQueue(): ClickQueue {
  if (!globalForClicks.__partnerosClickQueue) {
    const queue = createClickQueue({ onRecorded: queueClickFollowUps, afterDrain: flushClickFollowUps });
    globalForClicks.__partnerosClickQueue = queue;
    // `next start` and `npm start` both stop on these; each request's answer is written before the process ends.
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void queue.drain());
  }
  return globalForClicks.__partnerosClickQueue;
}

export const recordRedirect = (request: RedirectRequest) => clickQueue().submit(request);
export const shutdownClickQueue = () => clickQueue().drain();
export const clickQueueStats = () => clickQueue().stats();
/** At start: clicks a previous process spooled during a database outage (and any it left behind). */
export const recoverClickSpool = () => clickQueue().replaySpool();
