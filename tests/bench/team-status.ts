/** Weekly status autosave: p95 of one save (revision check + update + read back) through withSession, aim < 100 ms. */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { withSession, withSystem, type SessionClaims } from "../../lib/db/session";
import { saveStatus } from "../../lib/status/save";
import { weekStartOf } from "../../lib/status/week";
import { percentile, report } from "./stats";

const RUNS = 200;
const WARMUP = 10;
const PARAGRAPH =
  "- Moved Northbeam from Demo to POC; technical contact confirmed and success criteria drafted with their SE.\n";

async function seller(conn: Connection): Promise<{ id: string; claims: SessionClaims }> {
  const id = randomUUID();
  const email = `bench-${id.slice(0, 8)}@bench.partneros.dev`;
  await withSystem(
    "bench.team",
    async (tx) => {
      await tx.execute(
        sql`insert into public.workspace_settings (company_name) values ('Bench Co') on conflict do nothing`,
      );
      await tx.execute(sql`insert into auth.users (id, email) values (${id}, ${email})`);
      await tx.execute(
        sql`insert into public.profiles (id, email, display_name, role) values (${id}, ${email}, 'Bench Seller', 'sales_manager')`,
      );
    },
    conn,
  );
  return {
    id,
    claims: {
      sub: id,
      email,
      role: "authenticated",
      aud: "authenticated",
      app_metadata: { role: "sales_manager" },
    },
  };
}

async function measure(conn: Connection, engine: string) {
  const user = await seller(conn);
  const weekStart = weekStartOf(new Date());
  let revision = 0;
  const saveOnce = async (i: number) => {
    const started = performance.now();
    const saved = await withSession(
      { claims: user.claims },
      (tx) =>
        saveStatus(
          tx,
          user.id,
          {
            weekStart,
            baseRevision: revision,
            accomplishments: PARAGRAPH.repeat(20) + `edit ${i}`,
            plans: PARAGRAPH.repeat(5),
            kpis: { meetingsHeld: i % 9, demos: 2 },
          },
          { now: new Date() },
        ),
      conn,
    );
    if (!saved) throw new Error("status save lost its revision in a single-writer benchmark");
    revision = saved.revision;
    return performance.now() - started;
  };
  for (let i = 0; i < WARMUP; i += 1) await saveOnce(i);
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) samples.push(await saveOnce(WARMUP + i));
  report(
    "team",
    engine === "pglite" ? "status_save_p95" : `status_save_p95_${engine}`,
    percentile(samples, 95),
    "ms",
  );
  report("team", `status_save_p50_${engine}`, percentile(samples, 50), "ms");
}

async function onPostgres(adminUrl: string) {
  const name = `partneros_bench_team_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    const conn = await openConnection({ url: url.toString(), maxConnections: 4 });
    try {
      await migrate(conn);
      await measure(conn, "postgres");
    } finally {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
    }
  } finally {
    await admin.end();
  }
}

export async function benchStatusSave(): Promise<void> {
  const conn = await openConnection({});
  try {
    await migrate(conn);
    await measure(conn, "pglite");
  } finally {
    await conn.close();
  }
  const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (url) await onPostgres(url);
  else console.log("team.status_save_postgres: skipped (set TEST_DATABASE_URL)");
}
