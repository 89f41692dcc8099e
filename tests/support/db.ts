import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openConnection, type Connection } from "@/lib/db/connection";
import { migrate, type MigrationFile } from "@/lib/db/migrate";

export interface TestDatabase {
  conn: Connection;
  engine: "pglite" | "postgres";
  /** The database's URL on PostgreSQL, so a test can open a second connection as another app instance would. */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file: in-memory PGlite, or a new database on TEST_DATABASE_URL's server. */
/** `options.migrations` applies only those (a test of a later migration upgrading existing data). */
export async function createTestDatabase(options: { migrations?: MigrationFile[] } = {}): Promise<TestDatabase> {
  const engine = process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "pglite";
  if (engine === "pglite") {
    const conn = await openConnection({});
    await migrate(conn, options.migrations);
    return { conn, engine, close: () => conn.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const name = `partneros_t_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const conn = await openConnection({ url: url.toString(), maxConnections: 10 });
  await migrate(conn, options.migrations);
  return {
    conn,
    engine,
    url: url.toString(),
    async close() {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
