import { spawn } from "node:child_process";
import { ensureLocalEnv } from "./local-env";
import { prepareDatabase, printDemoLogins } from "./prepare-db";
import { refuseUnworkableConfig } from "./startup-checks";

refuseUnworkableConfig();

const env = ensureLocalEnv();
const port = env.PORT ?? "3000";
env.APP_URL ??= `http://localhost:${port}`;

await prepareDatabase(env);
printDemoLogins(env.APP_URL);

const child = spawn("npx", ["next", "dev", "--port", port], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
