import { spawn } from "node:child_process";
import { ensureCurrentBuild } from "./build-state";
import { ensureLocalEnv } from "./local-env";
import { prepareDatabase, printDemoLogins } from "./prepare-db";
import { refuseUnworkableConfig } from "./startup-checks";

refuseUnworkableConfig();

const env = ensureLocalEnv();
const port = env.PORT ?? "3000";
env.APP_URL ??= `http://localhost:${port}`;

if (!ensureCurrentBuild(env)) process.exit(1);
await prepareDatabase(env);
printDemoLogins(env.APP_URL);

// Not `next start`: the custom server records the socket address that rate limits rely on (scripts/next-server.ts).
const child = spawn("npx", ["tsx", "scripts/next-server.ts"], { stdio: "inherit", env: { ...env, PORT: port, NODE_ENV: "production" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
