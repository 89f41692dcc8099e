import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "./connection";

/**
 * Runs a named system step inside a user's transaction (an outbox row or a notification written in the
 * same commit as the change that causes it), then returns to the `authenticated` role.
 */
export async function systemStep<T>(tx: Tx, job: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  await tx.execute(sql`select set_config('role', 'none', true), set_config('app.job', ${job}, true)`);
  try {
    return await fn(tx);
  } finally {
    await tx.execute(sql`select set_config('role', 'authenticated', true), set_config('app.job', '', true)`);
  }
}
