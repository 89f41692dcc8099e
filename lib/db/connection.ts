import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Engine = "pglite" | "postgres";

export interface Connection {
  engine: Engine;
  db: Database;
  /** Runs a script of several statements without parameters, in one transaction. */
  execScript(sqlText: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface ConnectionOptions {
  /** A PostgreSQL URL; without one the embedded engine is used. */
  url?: string;
  /** PGlite data folder; omitted means in memory. */
  dataDir?: string;
  maxConnections?: number;
}

export async function openConnection(options: ConnectionOptions): Promise<Connection> {
  return options.url ? openPostgres(options.url, options.maxConnections ?? 10) : openPglite(options.dataDir);
}

async function openPglite(dataDir: string | undefined): Promise<Connection> {
  if (dataDir) await mkdir(dirname(dataDir), { recursive: true });
  const pg = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite({ client: pg, schema }) as unknown as Database;
  return {
    engine: "pglite",
    db,
    async execScript(sqlText) {
      await pg.transaction(async (tx) => {
        await tx.exec(sqlText);
      });
    },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pg.query<T>(text, params);
      return result.rows;
    },
    async listen(channel, onPayload) {
      const unsubscribe = await pg.listen(channel, onPayload);
      return async () => unsubscribe();
    },
    async close() {
      await pg.close();
    },
  };
}

async function openPostgres(url: string, max: number): Promise<Connection> {
  const client = postgres(url, {
    max,
    onnotice: () => {},
    prepare: process.env.DATABASE_PREPARE !== "false",
    connection: { application_name: "partneros" },
  });
  const db = drizzlePostgres({ client, schema }) as unknown as Database;
  return {
    engine: "postgres",
    db,
    async execScript(sqlText) {
      await client.begin(async (tx) => {
        await tx.unsafe(sqlText);
      });
    },
    async query<T>(text: string, params: unknown[] = []) {
      const rows = await client.unsafe(text, params as never[]);
      return rows as unknown as T[];
    },
    async listen(channel, onPayload) {
      const sub = await client.listen(channel, onPayload);
      return async () => sub.unlisten();
    },
    async close() {
      await client.end({ timeout: 5 });
    },
  };
}
