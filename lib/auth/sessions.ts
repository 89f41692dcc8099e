import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { SESSION_TTL_SECONDS } from "./jwt";

/** What the sign-in request tells about the device, for the session list on the profile page. */
export interface SessionMeta {
  ip?: string;
  userAgent?: string | null;
}

export interface ActiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
}

/**
 * Opens a server-side session record (auth system jobs only). `ttlSeconds` null leaves the lifetime to the
 * auth provider (Supabase refresh tokens); the local adapter's cookie and its record expire together.
 */
export async function startSession(
  tx: Tx,
  userId: string,
  meta: SessionMeta,
  opts: { id?: string; ttlSeconds?: number | null; now?: Date } = {},
): Promise<string> {
  const ttl = opts.ttlSeconds === undefined ? SESSION_TTL_SECONDS : opts.ttlSeconds;
  const expiresAt = ttl === null ? null : new Date((opts.now ?? new Date()).getTime() + ttl * 1000).toISOString();
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into private.sessions (id, user_id, expires_at, user_agent, ip)
        values (coalesce(${opts.id ?? null}::uuid, gen_random_uuid()), ${userId}, ${expiresAt}, ${meta.userAgent?.slice(0, 300) ?? null}, ${meta.ip ?? null})
        on conflict (id) do nothing
        returning id`,
  );
  return row?.id ?? opts.id!;
}

/** Ends every session of `userId` except `keep` (auth system jobs: password change and reset). */
export async function revokeUserSessions(tx: Tx, userId: string, keep?: string): Promise<void> {
  await tx.execute(sql`update private.sessions set revoked_at = now()
    where user_id = ${userId} and revoked_at is null and id is distinct from ${keep ?? null}::uuid`);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isSessionId(value: string | undefined): value is string {
  return typeof value === "string" && UUID.test(value);
}

/**
 * A filter that holds only while the caller's session is live (runs as the user, inside withSession). It goes
 * into the query that reads the profile, so the check costs no extra round trip.
 */
export function sessionIsLive(sessionId: string): SQL {
  return sql`private.session_active(${sessionId}::uuid)`;
}

/** Sign out of this session (runs as the user). */
export async function endSession(tx: Tx, sessionId: string | undefined): Promise<void> {
  if (!isSessionId(sessionId)) return;
  await tx.execute(sql`select private.end_session(${sessionId}::uuid)`);
}

/** Sign out everywhere (runs as the user); answers how many sessions ended. */
export async function endAllSessions(tx: Tx): Promise<number> {
  const [row] = await rows<{ ended: number }>(tx, sql`select private.end_all_sessions() as ended`);
  return Number(row?.ended ?? 0);
}

/** The caller's live sessions, most recently used first (runs as the user). */
export async function listMySessions(tx: Tx): Promise<ActiveSession[]> {
  const list = await rows<{ id: string; created_at: string | Date; last_seen_at: string | Date; user_agent: string | null; ip: string | null }>(
    tx,
    sql`select id, created_at, last_seen_at, user_agent, ip from private.my_sessions()`,
  );
  return list.map((s) => ({ id: s.id, createdAt: new Date(s.created_at), lastSeenAt: new Date(s.last_seen_at), userAgent: s.user_agent, ip: s.ip }));
}
