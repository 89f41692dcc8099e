import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import postgres from "postgres";
import { describe, expect, test } from "vitest";
import { openConnection } from "@/lib/db/connection";
import { migrate, readMigrations } from "@/lib/db/migrate";

const run = promisify(execFile);
const adminUrl = process.env.TEST_DATABASE_URL;

describe.runIf(process.env.TEST_DB_ENGINE === "postgres" && adminUrl)("Supabase CLI compatibility", () => {
  test("`supabase migration up` applies our migrations unchanged and our migrator agrees it is up to date", async () => {
    const name = `partneros_cli_${randomBytes(4).toString("hex")}`;
    const admin = postgres(adminUrl!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl!);
    url.pathname = `/${name}`;
    try {
      const { stdout, stderr } = await run("npx", ["supabase", "migration", "up", `--remote=${url}`, "--yes"], { cwd: process.cwd(), timeout: 120_000 });
      expect(`${stdout}${stderr}`).toContain("up to date");
      const conn = await openConnection({ url: url.toString(), maxConnections: 2 });
      try {
        expect(await migrate(conn)).toEqual([]);
        const recorded = await conn.query<{ version: string }>("select version from supabase_migrations.schema_migrations order by version");
        expect(recorded.map((r) => r.version)).toEqual((await readMigrations()).map((m) => m.version));
      } finally {
        await conn.close();
      }
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
