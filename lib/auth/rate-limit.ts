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
  await tx.execute(sql`delete from private.rate_limits where window_start < ${new Date(now.getTime() - 86_400_000).toISOString()}`);
}
