import "server-only";

export interface BurstRule {
  capacity: number;
  refillPerSecond: number;
}

/** The redirect's burst guard: 30 requests at once, then 5 a second, per client address. */
export const REDIRECT_BURST: BurstRule = { capacity: 30, refillPerSecond: 5 };

/**
 * The shared bucket (private.rate_buckets) of one client address, named by the address's keyed hash so
 * the database never holds the address itself. Every instance takes from the same row, in the same
 * round trip that records the click (private.record_referral_clicks).
 */
export function redirectBucket(ipHash: string): string {
  return `r:${ipHash}`;
}
