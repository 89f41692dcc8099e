import { spawn, type ChildProcess } from "node:child_process";
import postgres from "postgres";
import { ensureCurrentBuild } from "../../scripts/build-state";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { partners } from "../../lib/db/schema";
import { withSystem } from "../../lib/db/session";
import { ensureDefaultLink } from "../../lib/referrals/default-link";

/** Builds the app once when .next holds no build. */
export function ensureBuild(): void {
  if (!ensureCurrentBuild()) throw new Error("next build failed");
}

/** A fresh database on the server of `adminUrl` for the length of `fn`, dropped afterwards. */
export async function withBenchDatabase(adminUrl: string, prefix: string, fn: (url: string) => Promise<void>): Promise<void> {
  const name = `${prefix}_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    await fn(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/** A bench suite against a production build on PostgreSQL (TEST_DATABASE_URL), in a database of its own. */
export async function onBenchDatabase(suite: string, prefix: string, measure: (url: string) => Promise<void>): Promise<void> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (!adminUrl) {
    console.log(`${suite}: skipped (set TEST_DATABASE_URL)`);
    return;
  }
  ensureBuild();
  await withBenchDatabase(adminUrl, prefix, measure);
}

/** Migrates the database and gives `count` program partners a default link each; returns their codes. */
export async function referralFixtures(url: string, count: number, job: string): Promise<string[]> {
  const conn: Connection = await openConnection({ url, maxConnections: 2 });
  try {
    await migrate(conn);
    await conn.query("insert into public.workspace_settings (company_name) values ('Bench Co')");
    const codes: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const code = await withSystem(
        job,
        async (tx) => {
          const [partner] = await tx
            .insert(partners)
            .values({ name: `Bench ${i}`, slug: `bench-${i}`, kind: "program", status: "active" })
            .returning({ id: partners.id });
          return ensureDefaultLink(tx, partner!.id);
        },
        conn,
      );
      codes.push(code);
    }
    return codes;
  } finally {
    await conn.close();
  }
}

/**
 * The production server `npm start` runs (scripts/next-server.ts), as one Node process (no npx or tsx
 * wrapper in between), so a signal sent to it reaches the server itself. The bench stands in for one proxy:
 * X-Forwarded-For gives each simulated visitor its own address.
 */
export function startAppServer(port: number, url: string, env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/next-server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: url,
      SESSION_SECRET: "bench-session-secret-0123456789-abcdefghij",
      APP_URL: `http://localhost:${port}`,
      PARTNEROS_SCHEDULER: "off",
      PARTNEROS_BENCH_ROUTES: "on",
      TRUSTED_PROXY_HOPS: "1",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

export async function waitUp(base: string, tries = 240): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the app server at ${base} did not start`);
}

/** Sends `signal` and resolves with the exit code (null when the signal ended it). */
export function stopServer(server: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve(server.exitCode);
  return new Promise((resolve) => {
    server.once("exit", (code) => resolve(code));
    server.kill(signal);
  });
}
