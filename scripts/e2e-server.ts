import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startStripeServer, STRIPE_TEST_KEY } from "../tests/support/stripe-server";
import { ensureCurrentBuild } from "./build-state";
import { prepareDatabase } from "./prepare-db";

/**
 * The app as end-to-end tests see it: a production build on a fresh embedded database seeded with the demo
 * company. With E2E_STRIPE=1 a second instance pays through Stripe Connect against the local contract server.
 */
const stripe = process.env.E2E_STRIPE === "1";
const port = stripe ? (process.env.E2E_STRIPE_APP_PORT ?? "3101") : (process.env.E2E_PORT ?? "3100");
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
} else if (!ensureCurrentBuild(env)) {
  process.exit(1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
await prepareDatabase(env);

// The production server `npm start` runs (scripts/next-server.ts), so the end-to-end flows exercise it too.
const child = spawn("npx", ["tsx", "scripts/next-server.ts"], { stdio: "inherit", env: { ...env, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
