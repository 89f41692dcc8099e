import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { prepareDatabase } from "./prepare-db";

/** The app as end-to-end tests see it: a production build on a fresh embedded database seeded with the demo company. */
const port = process.env.E2E_PORT ?? "3100";
const dataDir = process.env.E2E_DATA_DIR ?? path.join(process.cwd(), ".data", "e2e-pglite");
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: port,
  APP_URL: `http://localhost:${port}`,
  PGLITE_DATA_DIR: dataDir,
  SESSION_SECRET: process.env.E2E_SESSION_SECRET ?? "e2e-session-secret-0123456789-abcdefghijkl",
  CRON_SECRET: "e2e-cron-secret-0123456789",
  DEV_MAILBOX: "on",
  NEXT_TELEMETRY_DISABLED: "1",
};
delete env.DATABASE_URL;
delete env.SENDGRID_API_KEY;
delete env.NEXT_PUBLIC_SUPABASE_URL;

if (!fs.existsSync(".next/BUILD_ID")) {
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
fs.rmSync(dataDir, { recursive: true, force: true });
await prepareDatabase(env);

const child = spawn("npx", ["next", "start", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
