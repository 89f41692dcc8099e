import "server-only";
import { sql } from "drizzle-orm";
import { getConnection } from "./client";
import type { Connection, Tx } from "./connection";
import type { AppRole } from "./schema";

/** The JWT claims PostgREST would hand Postgres for this user (Supabase's claim shape). */
export interface SessionClaims {
  sub: string;
  email: string;
  role: "authenticated";
  aud: "authenticated";
  app_metadata: { role?: AppRole; provider?: string };
  /** The server-side session record this token belongs to (Supabase's claim name); checked on every request. */
  session_id?: string;
  iat?: number;
  exp?: number;
}

export interface DbSession {
  claims: SessionClaims;
}

/** Runs `fn` in one transaction as the `authenticated` role with the user's claims, so RLS decides. */
export async function withSession<T>(session: DbSession, fn: (tx: Tx) => Promise<T>, conn?: Connection): Promise<T> {
  const c = conn ?? (await getConnection());
  return runAsUser(c, session.claims, fn);
}

export function runAsUser<T>(conn: Connection, claims: SessionClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const claimsJson = JSON.stringify(claims);
  return conn.db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${claimsJson}, true)`,
    );
    return fn(tx);
  });
}

/** Anonymous requests: the `anon` role with no claims. */
export async function withAnon<T>(fn: (tx: Tx) => Promise<T>, conn?: Connection): Promise<T> {
  const c = conn ?? (await getConnection());
  return c.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('role', 'anon', true), set_config('request.jwt.claims', '', true)`);
    return fn(tx);
  });
}

const JOB_NAME = /^[a-z][a-z0-9:._-]{2,63}$/;

/**
 * A named system job (webhooks, schedulers, auth flows, seeding) running as the table owner. The job
 * name is what the audit log records as the actor.
 */
export async function withSystem<T>(job: string, fn: (tx: Tx) => Promise<T>, conn?: Connection): Promise<T> {
  if (!JOB_NAME.test(job)) throw new Error(`Invalid system job name: ${job}`);
  const c = conn ?? (await getConnection());
  return c.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.job', ${job}, true), set_config('request.jwt.claims', '', true)`);
    return fn(tx);
  });
}

export { rows } from "./rows";
