import "server-only";

export interface BurstRule {
  capacity: number;
  refillPerSecond: number;
}

/** The redirect's burst guard: 30 requests at once, then 5 a second, per client address. */
export const REDIRECT_BURST: BurstRule = { capacity: 30, refillPerSecond: 5 };

interface Bucket {
  tokens: number;
  at: number;
}

const MAX_KEYS = 50_000;
const globalForBursts = globalThis as typeof globalThis & { __partnerosBursts?: Map<string, Bucket> };
const buckets: Map<string, Bucket> = (globalForBursts.__partnerosBursts ??= new Map());

/**
 * A token bucket kept in process memory: the redirect must answer without a database round trip, so
 * this guard is per instance (the click table's unique constraint still stops double counting).
 * Returns the seconds to wait when the key is over its budget, or 0.
 */
export function takeBurstToken(key: string, rule: BurstRule = REDIRECT_BURST, now = Date.now()): number {
  const bucket = buckets.get(key) ?? { tokens: rule.capacity, at: now };
  bucket.tokens = Math.min(rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * rule.refillPerSecond);
  bucket.at = now;
  buckets.delete(key);
  buckets.set(key, bucket);
  if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value!);
  if (bucket.tokens < 1) return Math.max(1, Math.ceil((1 - bucket.tokens) / rule.refillPerSecond));
  bucket.tokens -= 1;
  return 0;
}

export function resetBurstLimits(): void {
  buckets.clear();
}
