import fs from "node:fs/promises";
import path from "node:path";
import type { Connection } from "./connection";

export interface MigrationFile {
  version: string;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;

export async function readMigrations(dir = path.join(process.cwd(), "supabase", "migrations")): Promise<MigrationFile[]> {
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith(".sql")).sort();
  return Promise.all(
    files.map(async (file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name must be <14-digit version>_<name>.sql: ${file}`);
      return { version: match[1]!, name: match[2]!, sql: await fs.readFile(path.join(dir, file), "utf8") };
    }),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, recording them where the
 * Supabase CLI does so `supabase migration list` and this migrator agree.
 */
export async function migrate(conn: Connection, migrations?: MigrationFile[]): Promise<string[]> {
  const files = migrations ?? (await readMigrations());
  await conn.execScript(`
    create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (
      version text not null primary key,
      statements text[],
      name text
    );
  `);
  const applied = new Set(
    (await conn.query<{ version: string }>("select version from supabase_migrations.schema_migrations")).map(
      (r) => r.version,
    ),
  );
  const done: string[] = [];
  for (const file of files) {
    if (applied.has(file.version)) continue;
    const record = `insert into supabase_migrations.schema_migrations (version, name, statements)
      values (${literal(file.version)}, ${literal(file.name)}, array[${literal(file.sql)}]);`;
    // An advisory lock keeps two app instances from applying the same file at once.
    await conn.execScript(`select pg_advisory_xact_lock(727274);\n${file.sql}\n;${record}`);
    done.push(`${file.version}_${file.name}`);
  }
  return done;
}

function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
