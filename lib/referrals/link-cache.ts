import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "@/lib/db/client";
import type { Connection } from "@/lib/db/connection";
import { rows, withAnon } from "@/lib/db/session";

export interface ResolvedLink {
  linkId: string;
  partnerId: string;
  code: string;
  /** The allowlisted destination, read from the database only. */
  url: string;
  windowDays: number;
  /** False while the partner is not approved: the link answers the "not active yet" page and records no click. */
  active: boolean;
}

interface Entry {
  value: ResolvedLink | null;
  expiresAt: number;
}

const MAX_ENTRIES = 5_000;
const TTL_MS = 30_000;
const MISS_TTL_MS = 5_000;

const globalForLinks = globalThis as typeof globalThis & { __partnerosLinkCache?: Map<string, Entry> };
const cache: Map<string, Entry> = (globalForLinks.__partnerosLinkCache ??= new Map());

/** Reads a live link and where it leads: its landing page when active, the default landing page otherwise. */
export async function lookupLink(conn: Connection, code: string): Promise<ResolvedLink | null> {
  // Visitors are anonymous: a security definer function answers for exactly one live code.
  const [row] = await withAnon(
    (tx) =>
      rows<{
        link_id: string;
        partner_id: string;
        code: string;
        url: string | null;
        window_days: number | null;
        active: boolean;
      }>(
        tx,
        sql`select link_id, partner_id, code, url, window_days, active from private.resolve_referral_link(${code})`,
      ),
    conn,
  );
  if (!row?.url) return null;
  return {
    linkId: row.link_id,
    partnerId: row.partner_id,
    code: row.code,
    url: row.url,
    windowDays: Number(row.window_days ?? 90),
    active: row.active === true,
  };
}

/** What the cache holds for a code: the link, null for a known miss, undefined when it must be looked up. */
export function cachedLink(code: string, now = Date.now()): ResolvedLink | null | undefined {
  const hit = cache.get(code);
  if (!hit || hit.expiresAt <= now) return undefined;
  cache.delete(code);
  cache.set(code, hit);
  return hit.value;
}

/**
 * The link for a code through a small LRU with a short TTL (misses are cached briefly too, so a
 * flood of unknown codes does not reach the database for each request).
 */
export async function resolveLink(code: string, now = Date.now()): Promise<ResolvedLink | null> {
  const hit = cachedLink(code, now);
  if (hit !== undefined) return hit;
  const value = await lookupLink(await getConnection(), code);
  cache.delete(code);
  cache.set(code, { value, expiresAt: now + (value ? TTL_MS : MISS_TTL_MS) });
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}

/** Drops cached links after an archive or a landing-page change (every code when none is named). */
export function invalidateLinks(codes?: readonly string[]): void {
  if (!codes) cache.clear();
  else for (const code of codes) cache.delete(code);
}
