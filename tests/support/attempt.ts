import { sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { runAsUser, type SessionClaims } from "@/lib/db/session";

export type Actor = { claims: SessionClaims } | "anon";

export interface Attempt<T> {
  ok: boolean;
  value?: T;
  error?: { code?: string; message: string };
}

class Rollback extends Error {}

function pgError(error: unknown): { code?: string; message: string } {
  let current: unknown = error;
  for (let i = 0; i < 4 && current; i += 1) {
    const c = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof c.code === "string") return { code: c.code, message: String(c.message) };
    current = c.cause;
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

/** Runs `fn` as the actor in a transaction that is always rolled back, so each attempt leaves the data as it was. */
export async function attempt<T>(conn: Connection, actor: Actor, fn: (tx: Tx) => Promise<T>): Promise<Attempt<T>> {
  let outcome: Attempt<T> = { ok: false };
  try {
    await conn.db.transaction(async (tx) => {
      if (actor === "anon") {
        await tx.execute(sql`select set_config('role', 'anon', true)`);
        outcome = { ok: true, value: await fn(tx) };
        throw new Rollback();
      }
      await runAsUserInTx(tx, actor.claims);
      outcome = { ok: true, value: await fn(tx) };
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) outcome = { ok: false, error: pgError(error) };
  }
  return outcome;
}

async function runAsUserInTx(tx: Tx, claims: SessionClaims) {
  await tx.execute(sql`select set_config('role', 'authenticated', true), set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`);
}

export { runAsUser };
