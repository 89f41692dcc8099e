import { spawn } from "node:child_process";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { runAsUser } from "../../lib/db/session";
import { seedDemo } from "../../lib/seed/demo";
import { mean, percentile, report, time } from "./stats";

const ITERATIONS = 2000;

async function overhead(conn: Connection, label: string) {
  const [vp] = await conn.query<{ id: string; email: string }>("select id, email from public.profiles where role = 'vp' limit 1");
  const claims = { sub: vp!.id, email: vp!.email, role: "authenticated" as const, aud: "authenticated" as const, app_metadata: { role: "vp" as const } };
  const plain: number[] = [];
  const session: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    await conn.db.transaction((tx) => tx.execute(sql`select 1`));
    await runAsUser(conn, claims, (tx) => tx.execute(sql`select 1`));
  }
  for (let i = 0; i < ITERATIONS; i += 1) {
    plain.push(await time(() => conn.db.transaction((tx) => tx.execute(sql`select 1`))));
    session.push(await time(() => runAsUser(conn, claims, (tx) => tx.execute(sql`select 1`))));
  }
  report("auth", `with_session_overhead_mean_${label}`, mean(session) - mean(plain), "ms");
  report("auth", `with_session_overhead_p95_${label}`, percentile(session, 95) - percentile(plain, 95), "ms");
  report("auth", `with_session_tx_p95_${label}`, percentile(session, 95), "ms");
  report("auth", `plain_tx_p95_${label}`, percentile(plain, 95), "ms");
  report("auth", `with_session_to_plain_ratio_${label}`, mean(session) / mean(plain), "x");
}

async function onPglite() {
  const conn = await openConnection({});
  await migrate(conn);
  await seedDemo(conn);
  await overhead(conn, "pglite");
  await conn.close();
}

async function onPostgres(adminUrl: string) {
  const name = `partneros_bench_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const conn = await openConnection({ url: url.toString(), maxConnections: 4 });
  try {
    await migrate(conn);
    await seedDemo(conn);
    await overhead(conn, "postgres");
  } finally {
    await conn.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function loginToFirstPage() {
  const port = "3200";
  const server = spawn("npx", ["tsx", "scripts/e2e-server.ts"], {
    env: { ...process.env, E2E_PORT: port, E2E_DATA_DIR: ".data/bench-pglite", PARTNEROS_SCHEDULER: "off" },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 600; i += 1) {
      const up = await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const accounts = [
      ["vp@demo.partneros.dev", "/dashboard"],
      ["sales1@demo.partneros.dev", "/pipeline"],
      ["partnerships1@demo.partneros.dev", "/partners"],
      ["finance@demo.partneros.dev", "/payouts"],
      ["partner@demo.partneros.dev", "/portal"],
    ] as const;
    const samples: number[] = [];
    for (let i = 0; i < 60; i += 1) {
      const [email, home] = accounts[i % accounts.length]!;
      samples.push(
        await time(async () => {
          const login = await fetch(`${base}/api/auth/login`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": `192.0.2.${i % 250}` },
            body: JSON.stringify({ email, password: "partneros-demo" }),
          });
          if (!login.ok) throw new Error(`login failed: ${login.status}`);
          const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
          const page = await fetch(`${base}${home}`, { headers: { cookie } });
          if (page.status !== 200) throw new Error(`${home} answered ${page.status}`);
          await page.text();
        }),
      );
    }
    report("auth", "login_to_first_page_p50_pglite", percentile(samples.slice(5), 50), "ms");
    report("auth", "login_to_first_page_p95_pglite", percentile(samples.slice(5), 95), "ms");
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

export async function authSuite() {
  await onPglite();
  const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (url) await onPostgres(url);
  else console.log("auth.with_session_overhead_postgres: skipped (set TEST_DATABASE_URL)");
  await loginToFirstPage();
}
