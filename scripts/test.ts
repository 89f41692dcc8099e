import { spawnSync } from "node:child_process";

/**
 * `npm test`: typecheck, lint, unit tests, database suites on PGlite and (with TEST_DATABASE_URL) on
 * PostgreSQL, a production build, the fuzz suite against it, then the Playwright flows. Stops at the first failing step.
 */
const steps: { name: string; cmd: string[]; env?: Record<string, string>; skip?: string }[] = [
  { name: "typecheck", cmd: ["npx", "tsc", "--noEmit"] },
  { name: "lint", cmd: ["npx", "eslint", ".", "--max-warnings=0"] },
  { name: "unit", cmd: ["npx", "vitest", "run", "--project", "unit"] },
  { name: "database (PGlite)", cmd: ["npx", "vitest", "run", "--project", "db-pglite"] },
  {
    name: "database (PostgreSQL)",
    cmd: ["npx", "vitest", "run", "--project", "db-postgres"],
    skip: process.env.TEST_DATABASE_URL ? undefined : "TEST_DATABASE_URL is not set",
  },
  { name: "build", cmd: ["npx", "tsx", "scripts/build.ts", "--if-stale"], env: { NEXT_TELEMETRY_DISABLED: "1", SESSION_SECRET: process.env.SESSION_SECRET ?? "build-only-secret-0123456789-abcdefghijkl" } },
  {
    // Every route handler, page and server action of the build with bad input; reads the data through a
    // second connection while the server runs, so it needs PostgreSQL.
    name: "fuzz",
    cmd: ["npx", "tsx", "tests/fuzz/run.ts"],
    skip: process.env.TEST_DATABASE_URL ? undefined : "TEST_DATABASE_URL is not set",
  },
  // With TEST_DATABASE_URL the Playwright config adds the `supabase` project: the auth, invitation and onboarding
  // flows again on Supabase Auth against the GoTrue contract server, on a PostgreSQL database of its own.
  { name: process.env.TEST_DATABASE_URL ? "end-to-end (local and Supabase Auth)" : "end-to-end (local auth; Supabase Auth needs TEST_DATABASE_URL)", cmd: ["npx", "playwright", "test"] },
];

const only = process.argv.slice(2);
const results: string[] = [];
for (const step of steps) {
  if (only.length && !only.some((o) => step.name.toLowerCase().includes(o.toLowerCase()))) continue;
  if (step.skip) {
    console.log(`\n▶ ${step.name}: skipped (${step.skip})`);
    results.push(`- ${step.name}: skipped (${step.skip})`);
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd.join(" ")}`);
  const started = Date.now();
  const run = spawnSync(step.cmd[0]!, step.cmd.slice(1), { stdio: "inherit", env: { ...process.env, ...step.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  if (run.status !== 0) {
    console.error(`\n✗ ${step.name} failed after ${seconds} s`);
    process.exit(run.status ?? 1);
  }
  results.push(`✓ ${step.name} (${seconds} s)`);
}
console.log(`\n${results.join("\n")}`);
