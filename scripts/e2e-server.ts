import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { openConnection } from "../lib/db/connection";
import { GOTRUE_ANON_KEY, GOTRUE_SERVICE_ROLE_KEY, startGoTrueServer } from "../tests/support/gotrue-server";
import { startStripeServer, STRIPE_TEST_KEY } from "../tests/support/stripe-server";
import { ensureCurrentBuild } from "./build-state";
import { prepareDatabase } from "./prepare-db";

/**
 * The app as end-to-end tests see it: a production build on a fresh embedded database seeded with the demo
 * company. With E2E_STRIPE=1 a second instance pays through Stripe Connect against the local contract server.
 * With E2E_SUPABASE=1 a third runs on Supabase Auth against the local GoTrue contract server, which hands its
 * emails to the app's Send Email Hook (so they show in the dev mailbox); GoTrue writes the app's auth.users, so this one needs PostgreSQL (a database named after
 * TEST_DATABASE_URL's, with `_e2e_supabase` appended, created afresh).
 */
const stripe = process.env.E2E_STRIPE === "1";
const supabase = process.env.E2E_SUPABASE === "1";
const port = stripe
  ? (process.env.E2E_STRIPE_APP_PORT ?? "3101")
  : supabase
    ? (process.env.E2E_SUPABASE_APP_PORT ?? "3102")
    : (process.env.E2E_PORT ?? "3100");
const dataDir = stripe
  ? path.join(process.cwd(), ".data", "e2e-stripe-pglite")
  : (process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e-pglite"));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  PGLITE_DATA_DIR: dataDir,
  SESSION_SECRET: process.env.E2E_SESSION_SECRET ?? "e2e-session-secret-0123456789-abcdefghijkl",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  DEV_MAILBOX: "on",
  // The tests stand in for a proxy: they choose X-Forwarded-For to give each scenario its own address.
  TRUSTED_PROXY_HOPS: "1",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
delete env.SENDGRID_API_KEY;
delete env.NEXT_PUBLIC_SUPABASE_URL;
delete env.STRIPE_SECRET_KEY;
delete env.STRIPE_API_BASE;
delete env.DATABASE_PREPARE;
delete env.REALTIME_ADAPTER;
delete env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
delete env.SUPABASE_SERVICE_ROLE_KEY;
delete env.SUPABASE_AUTH_HOOK_SECRET;

async function waitForBuild(): Promise<void> {
  // The main instance builds; this one waits for the build rather than racing it.
  const mainHealth = `http://localhost:${process.env.E2E_PORT ?? "3100"}/api/health`;
  for (let i = 0; i < 1200; i += 1) {
    const up = await fetch(mainHealth).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the main e2e server did not start");
}

if (stripe) {
  const secret = "whsec_e2e_local_0123456789";
  const server = await startStripeServer({
    port: Number(process.env.E2E_STRIPE_SERVER_PORT ?? "3199"),
    webhook: { url: `http://localhost:${port}/api/webhooks/stripe`, secret },
  });
  Object.assign(env, {
    STRIPE_SECRET_KEY: STRIPE_TEST_KEY,
    STRIPE_API_BASE: server.baseUrl,
    STRIPE_WEBHOOK_SECRET: secret,
  });
  await waitForBuild();
} else if (supabase) {
  const base = process.env.TEST_DATABASE_URL;
  if (!base) throw new Error("E2E_SUPABASE needs TEST_DATABASE_URL (PostgreSQL): the GoTrue contract server writes the app's auth.users");
  const url = new URL(base);
  const name = `${url.pathname.slice(1) || "postgres"}_e2e_supabase`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  const hookSecret = `v1,whsec_${Buffer.from("e2e-supabase-hook-secret-0123456789").toString("base64")}`;
  await Promise.all([waitForBuild(), prepareDatabase(env)]);
  const gotrue = await startGoTrueServer({
    db: await openConnection({ url: env.DATABASE_URL, maxConnections: 2 }),
    port: Number(process.env.E2E_GOTRUE_PORT ?? "3198"),
    hook: { url: `http://localhost:${port}/api/auth/email-hook`, secret: hookSecret },
    siteUrl: `http://localhost:${port}`,
  });
  // Storage would answer under the same URL (its contract is tests/db/storage-supabase.test.ts); these flows upload nothing.
  Object.assign(env, {
    NEXT_PUBLIC_SUPABASE_URL: gotrue.url,
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: GOTRUE_ANON_KEY,
    SUPABASE_SERVICE_ROLE_KEY: GOTRUE_SERVICE_ROLE_KEY,
    SUPABASE_AUTH_HOOK_SECRET: hookSecret,
  });
} else if (!ensureCurrentBuild(env)) {
  process.exit(1);
}
if (!supabase) {
  fs.rmSync(dataDir, { recursive: true, force: true });
  await prepareDatabase(env);
}

// The production server `npm start` runs (scripts/next-server.ts), so the end-to-end flows exercise it too.
const child = spawn("npx", ["tsx", "scripts/next-server.ts"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
