import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import postgres from "postgres";
import { prepareDatabase } from "../../scripts/prepare-db";

export const FUZZ_WEBHOOK_SECRET = "whsec_fuzz_local_0123456789";
export const FUZZ_CRON_SECRET = "fuzz-cron-secret-0123456789";

export interface FuzzServer {
  baseUrl: string;
  db: postgres.Sql;
  stop(): Promise<void>;
}

/** A port nobody holds right now (the e2e servers own 3100/3101/3199). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 240; i += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the fuzz server did not become healthy in 120 s");
}

/**
 * The production build on a fresh PostgreSQL database (migrated and seeded with the demo company). PostgreSQL,
 * not PGlite, because the fuzzer reads a fingerprint of the data through its own connection while the server
 * runs, and embedded PGlite allows one process only.
 */
export async function startFuzzServer(adminUrl: string): Promise<FuzzServer> {
  const name = `partneros_fuzz_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: url.toString(),
    PORT: String(port),
    APP_URL: baseUrl,
    SESSION_SECRET: "fuzz-session-secret-0123456789-abcdefghijkl",
    CRON_SECRET: FUZZ_CRON_SECRET,
    STRIPE_WEBHOOK_SECRET: FUZZ_WEBHOOK_SECRET,
    DEV_MAILBOX: "on",
    // Scheduled jobs would change data between a request and its fingerprint.
    PARTNEROS_SCHEDULER: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  for (const key of ["SENDGRID_API_KEY", "NEXT_PUBLIC_SUPABASE_URL", "STRIPE_SECRET_KEY", "STRIPE_API_BASE", "PGLITE_DATA_DIR"]) delete env[key];
  await prepareDatabase(env);
  const child = spawn("npx", ["next", "start", "--port", String(port)], { env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const log: string[] = [];
  const keep = (chunk: Buffer) => {
    log.push(chunk.toString());
    if (log.length > 2000) log.shift();
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const db = postgres(url.toString(), { max: 1, onnotice: () => {} });
  const stop = async () => {
    // The server's own output explains a 5xx; kept on request because it is long.
    if (process.env.FUZZ_SERVER_LOG) fs.writeFileSync(process.env.FUZZ_SERVER_LOG, log.join(""));
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
    await db.end();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (error) {
    console.error(log.join(""));
    await stop();
    throw error;
  }
  return { baseUrl, db, stop };
}
