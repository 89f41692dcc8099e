import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { prepareDatabase } from "./prepare-db";

/** Drops everything PartnerOS created, then migrates and seeds again. */
if (process.env.DATABASE_URL) {
  const sql = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`
      drop schema if exists public cascade;
      create schema public;
      grant usage on schema public to anon, authenticated, service_role;
      drop schema if exists private cascade;
      drop schema if exists supabase_migrations cascade;
      do $$ begin
        if exists (select 1 from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'auth' and c.relname = 'users')
           and not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
          drop schema auth cascade;
        end if;
      end $$;
    `);
  } finally {
    await sql.end();
  }
} else {
  const dir = process.env.PGLITE_DATA_DIR ?? path.join(process.cwd(), ".data", "pglite");
  fs.rmSync(dir, { recursive: true, force: true });
}
await prepareDatabase();
console.log("[db] reset complete");
