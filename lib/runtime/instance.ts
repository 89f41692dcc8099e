import "server-only";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { withSystem } from "@/lib/db/session";

/** How often a running process renews its heartbeat; private.instance_alive allows two minutes of silence. */
export const HEARTBEAT_EVERY_MS = 30_000;

const globalForInstance = globalThis as typeof globalThis & { __partnerosInstanceId?: string };

/** This server process, as payout claims name it: host, pid and a random part (pids are reused after a restart). */
export function instanceId(): string {
  globalForInstance.__partnerosInstanceId ??= `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  return globalForInstance.__partnerosInstanceId;
}

/** Marks the instance alive, in the caller's transaction (a claim writes it before it takes payouts). */
export async function heartbeat(tx: Tx, id: string = instanceId()): Promise<void> {
  await tx.execute(sql`insert into private.app_instances (id) values (${id})
    on conflict (id) do update set heartbeat_at = now()`);
}

/**
 * Registers a starting process. The embedded database can be open in one process only, so on PGlite every
 * other instance is gone for certain and its claims are resumable at once; on PostgreSQL other instances
 * may be alive and are judged by their heartbeat. Instances silent for a day are forgotten.
 */
export async function registerInstanceStart(conn: Connection, id: string = instanceId()): Promise<void> {
  await withSystem(
    "instances.start",
    async (tx) => {
      await heartbeat(tx, id);
      if (conn.engine === "pglite") await tx.execute(sql`delete from private.app_instances where id <> ${id}`);
      else await tx.execute(sql`delete from private.app_instances where heartbeat_at < now() - interval '1 day'`);
    },
    conn,
  );
}

export function beatOnce(conn?: Connection): Promise<void> {
  return withSystem("instances.heartbeat", (tx) => heartbeat(tx), conn);
}
