import "server-only";
import path from "node:path";
import { openConnection, type Connection } from "./connection";

const globalForDb = globalThis as typeof globalThis & { __partnerosDb?: Promise<Connection> };

export function defaultDataDir(): string {
  return process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
}

/** The process-wide connection: one per process, kept on globalThis because route bundles duplicate modules. */
export function getConnection(): Promise<Connection> {
  globalForDb.__partnerosDb ??= openConnection(
    process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: defaultDataDir() },
  );
  return globalForDb.__partnerosDb;
}
