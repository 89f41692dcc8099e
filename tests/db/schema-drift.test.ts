import { is } from "drizzle-orm";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import * as schema from "@/lib/db/schema";
import { createTestDatabase, type TestDatabase } from "../support/db";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

const tables = Object.values(schema).filter((v) => is(v, PgTable)) as PgTable[];

function normalise(sqlType: string): string {
  return sqlType
    .replace(/^timestamp with time zone$/, "timestamptz")
    .replace(/^timestamp\b.*with time zone$/, "timestamptz")
    .replace(/^character\((\d+)\)$/, "char($1)")
    .replace(/\s+/g, " ")
    .replace(/, /g, ",");
}

test("the Drizzle schema matches the migrated database, table by table and column by column", async () => {
  const columns = await db.conn.query<{ table_name: string; column_name: string; type: string; not_null: boolean }>(`
    select c.relname as table_name, a.attname as column_name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as not_null
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped`);
  const database = new Map<string, Map<string, { type: string; notNull: boolean }>>();
  for (const c of columns) {
    if (!database.has(c.table_name)) database.set(c.table_name, new Map());
    database.get(c.table_name)!.set(c.column_name, { type: normalise(c.type), notNull: c.not_null });
  }

  const drizzleTables = new Set<string>();
  for (const table of tables) {
    const config = getTableConfig(table);
    drizzleTables.add(config.name);
    const dbColumns = database.get(config.name);
    expect(dbColumns, `table ${config.name} is in Drizzle but not in the database`).toBeDefined();
    const seen = new Set<string>();
    for (const column of config.columns) {
      seen.add(column.name);
      const actual = dbColumns!.get(column.name);
      expect(actual, `${config.name}.${column.name} is in Drizzle but not in the database`).toBeDefined();
      const expected = normalise(column.getSQLType());
      expect(`${config.name}.${column.name}: ${actual!.type}`).toBe(`${config.name}.${column.name}: ${expected}`);
      expect(`${config.name}.${column.name} not null: ${actual!.notNull}`).toBe(`${config.name}.${column.name} not null: ${column.notNull}`);
    }
    for (const name of dbColumns!.keys()) {
      expect(seen.has(name), `${config.name}.${name} is in the database but not in Drizzle`).toBe(true);
    }
  }
  for (const name of database.keys()) {
    expect(drizzleTables.has(name), `table ${name} is in the database but not in Drizzle`).toBe(true);
  }
});
