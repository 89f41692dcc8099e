import { prepareDatabase, printDemoLogins } from "./prepare-db";

/**
 * Migrates and seeds the database of `DATABASE_URL` (or the embedded one) when needed: the first step of
 * `npm run dev`, which runs it as a process of its own. `--print-logins` then prints the demo logins.
 */
await prepareDatabase(process.env);
if (process.argv.includes("--print-logins")) printDemoLogins(process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`);
