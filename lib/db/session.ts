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

/** Work a request hands to a named system job once its own transaction has committed. */
interface AfterCommitJob {
  job: string;
  run: (tx: Tx) => Promise<unknown>;
}

const afterCommitJobs = new WeakMap<Tx, AfterCommitJob[]>();

export async function runAsUser<T>(conn: Connection, claims: SessionClaims, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const claimsJson = JSON.stringify(claims);
  const jobs: AfterCommitJob[] = [];
  const result = await conn.db.transaction(async (tx) => {
    // `set local role` (not set_config): a request never switches role again inside its transaction.
    await tx.execute(sql`set local role authenticated`);
    await tx.execute(sql`select set_config('request.jwt.claims', ${claimsJson}, true)`);
    afterCommitJobs.set(tx, jobs);
    return fn(tx);
  });
  for (const job of jobs) {
    // The user's change has committed: a failing follow-up is logged and left to its scheduled job.
    await withSystem(job.job, job.run, conn, claims).catch((error: unknown) => console.error(`[${job.job}] failed after commit`, error));
  }
  return result;
}

/**
 * Queues a named system job to run right after the user's transaction commits (never inside it). The
 * job must be safe to repeat and must not depend on being run: a durable queue or a scheduled job
 * covers a crash between the commit and the job.
 */
export function runAfterCommit(tx: Tx, job: string, run: (tx: Tx) => Promise<unknown>): void {
  const jobs = afterCommitJobs.get(tx);
  if (!jobs) throw new Error(`runAfterCommit("${job}") needs the transaction of withSession`);
  if (!JOB_NAME.test(job)) throw new Error(`Invalid system job name: ${job}`);
  jobs.push({ job, run });
}

/** Anonymous requests: the `anon` role with no claims. */
export async function withAnon<T>(fn: (tx: Tx) => Promise<T>, conn?: Connection): Promise<T> {
  const c = conn ?? (await getConnection());
  return c.db.transaction(async (tx) => {
    await tx.execute(sql`set local role anon`);
    await tx.execute(sql`select set_config('request.jwt.claims', '', true)`);
    return fn(tx);
  });
}

const JOB_NAME = /^[a-z][a-z0-9:._-]{2,63}$/;

/**
 * A named system job (webhooks, schedulers, auth flows, seeding) running as the table owner. The job
 * name is what the audit log records as the actor; `onBehalfOf` (a request's follow-up job) also
 * records the person whose request caused it.
 */
export async function withSystem<T>(
  job: string,
  fn: (tx: Tx) => Promise<T>,
  conn?: Connection,
  onBehalfOf?: Pick<SessionClaims, "sub" | "email">,
): Promise<T> {
  if (!JOB_NAME.test(job)) throw new Error(`Invalid system job name: ${job}`);
  const c = conn ?? (await getConnection());
  const claims = onBehalfOf ? JSON.stringify({ sub: onBehalfOf.sub, email: onBehalfOf.email }) : "";
  return c.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.job', ${job}, true), set_config('request.jwt.claims', ${claims}, true)`);
    return fn(tx);
  });
}

export { rows } from "./rows";
