import { spawn, spawnSync } from "node:child_process";
import { ensureCurrentBuild } from "./build-state";
import { ensureLocalEnv } from "./local-env";
import { refuseUnworkableConfig } from "./startup-checks";

refuseUnworkableConfig();

/**
 * README command 1. By default the app runs as a production build on the embedded database: built once per
 * change of the sources (usually already at `npm install`), it starts in seconds and every page answers at
 * once. `npm run dev:watch` is the development server with hot reload, for changing the code.
 */
const watch = process.argv.includes("--watch");
const env = ensureLocalEnv();
const port = env.PORT ?? "3000";
env.APP_URL ??= `http://localhost:${port}`;
// Mail lands in the local mailbox (/dev/mailbox) unless SendGrid is configured.
if (!env.SENDGRID_API_KEY) env.DEV_MAILBOX ??= "on";

if (!watch && !ensureCurrentBuild(env)) {
  console.error("\nThe build failed (above). `npm run dev:watch` runs the development server, which shows build errors in the page.");
  process.exit(1);
}
// Migrated and seeded in a process of its own, so the embedded database's memory is returned before the server starts.
const prepared = spawnSync(process.execPath, ["--import", "tsx", "scripts/db-prepare.ts", "--print-logins"], { stdio: "inherit", env });
if (prepared.status !== 0) process.exit(prepared.status ?? 1);

// The production server is the custom one `npm start` runs (scripts/next-server.ts).
const child = watch
  ? spawn("npx", ["next", "dev", "--port", port], { stdio: "inherit", env })
  : spawn(process.execPath, ["--import", "tsx", "scripts/next-server.ts"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
