import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";

export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

export const LOGIN_FAILURES: RateLimitRule = { name: "login-failure", limit: 10, windowSeconds: 60 };
export const SIGNUPS: RateLimitRule = { name: "signup", limit: 10, windowSeconds: 600 };
export const RESET_REQUESTS: RateLimitRule = { name: "password-reset", limit: 5, windowSeconds: 600 };

export interface RateLimitState {
  limited: boolean;
  retryAfterSeconds: number;
}

function windowOf(rule: RateLimitRule, now: Date) {
  const windowMs = rule.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { start: new Date(start), retryAfterSeconds: Math.max(1, Math.ceil((start + windowMs - now.getTime()) / 1000)) };
}

/** Fixed-window counters in Postgres, so every app instance shares them. */
export async function peekLimit(tx: Tx, rule: RateLimitRule, key: string, now = new Date()): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await rows<{ hits: number }>(
    tx,
    sql`select hits from private.rate_limits where bucket = ${`${rule.name}:${key}`} and window_start = ${start.toISOString()}`,
  );
  return { limited: (row?.hits ?? 0) >= rule.limit, retryAfterSeconds };
}

export async function hitLimit(tx: Tx, rule: RateLimitRule, key: string, now = new Date()): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = windowOf(rule, now);
  const [row] = await rows<{ hits: number }>(
    tx,
    sql`insert into private.rate_limits (bucket, window_start, hits)
        values (${`${rule.name}:${key}`}, ${start.toISOString()}, 1)
        on conflict (bucket, window_start) do update set hits = private.rate_limits.hits + 1
        returning hits`,
  );
  return { limited: Number(row?.hits ?? 0) > rule.limit, retryAfterSeconds };
}

export async function pruneRateLimits(tx: Tx, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  await tx.execute(sql`delete from private.rate_limits where window_start < ${dayAgo}`);
  await tx.execute(sql`delete from private.login_backoff where last_failure_at < ${dayAgo}`);
  // A token bucket left alone this long is full again, which is what a missing row means.
  await tx.execute(sql`delete from private.rate_buckets where refilled_at < ${new Date(now.getTime() - 600_000).toISOString()}`);
  // Ended sessions are kept a month for the record, then dropped with the other auth counters.
  const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  await tx.execute(sql`delete from private.sessions where revoked_at < ${monthAgo} or expires_at < ${monthAgo}`);
}

/** Failures per email (across addresses) allowed before the backoff starts. */
export const ACCOUNT_FREE_FAILURES = 10;
const ACCOUNT_BACKOFF_BASE_SECONDS = 60;
const ACCOUNT_BACKOFF_MAX_SECONDS = 15 * 60;

/** Seconds to wait after the `failures`-th consecutive failure: none while free, then doubling to a cap. */
export function accountBackoffSeconds(failures: number): number {
  if (failures < ACCOUNT_FREE_FAILURES) return 0;
  return Math.min(ACCOUNT_BACKOFF_MAX_SECONDS, ACCOUNT_BACKOFF_BASE_SECONDS * 2 ** (failures - ACCOUNT_FREE_FAILURES));
}

/** Whether sign-in for `email` is in its backoff delay. A delay, not a lock: it ends by itself. */
export async function peekAccountBackoff(tx: Tx, email: string, now = new Date()): Promise<RateLimitState> {
  const [row] = await rows<{ blocked_until: string | Date | null }>(
    tx,
    sql`select blocked_until from private.login_backoff where email = ${email.toLowerCase()}`,
  );
  const until = row?.blocked_until ? new Date(row.blocked_until).getTime() : 0;
  return { limited: until > now.getTime(), retryAfterSeconds: Math.max(1, Math.ceil((until - now.getTime()) / 1000)) };
}

/** Records a failed password for `email`; consecutive failures older than a day are forgotten. */
export async function recordAccountFailure(tx: Tx, email: string, now = new Date()): Promise<void> {
  const dayAgo = new Date(now.getTime() - 86_400_000).toISOString();
  const [row] = await rows<{ failures: number }>(
    tx,
    sql`insert into private.login_backoff (email, failures, last_failure_at) values (${email.toLowerCase()}, 1, ${now.toISOString()})
        on conflict (email) do update set
          failures = case when private.login_backoff.last_failure_at < ${dayAgo} then 1 else private.login_backoff.failures + 1 end,
          last_failure_at = excluded.last_failure_at
        returning failures`,
  );
  const wait = accountBackoffSeconds(Number(row?.failures ?? 0));
  if (wait > 0) {
    await tx.execute(sql`update private.login_backoff set blocked_until = ${new Date(now.getTime() + wait * 1000).toISOString()}
      where email = ${email.toLowerCase()}`);
  }
}

/** A correct password or a used reset link (proof of the mailbox) clears the account's backoff. */
export async function clearAccountBackoff(tx: Tx, email: string): Promise<void> {
  await tx.execute(sql`delete from private.login_backoff where email = ${email.toLowerCase()}`);
}
