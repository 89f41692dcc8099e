// Fuzz suite: drives every route handler, page and server action of the production build with bad input.
import fs from "node:fs";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../lib/seed/demo";
import { fuzzActions } from "./actions";
import { Fuzzer, signIn, type Identity } from "./client";
import { EXCLUDED_TABLES, fingerprinter } from "./fingerprint";
import { fuzzCron, fuzzHandlers, fuzzPages, fuzzStripe } from "./routes";
import { startFuzzServer } from "./server";
import { actionTargets, routeTargets } from "./targets";

/**
 * Needs PostgreSQL (TEST_DATABASE_URL): the data fingerprint is read through a second connection while the
 * server runs, which embedded PGlite cannot allow. Without it the suite says so and exits 0.
 */
const adminUrl = process.env.TEST_DATABASE_URL;
if (!adminUrl) {
  console.log("fuzz: skipped (TEST_DATABASE_URL is not set; the fuzz suite reads the data through a second connection)");
  process.exit(0);
}
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("fuzz: no production build (.next/BUILD_ID); run `npx next build` first");
  process.exit(1);
}

const ROLES = ["vp", "sales_manager", "partnership_manager", "finance", "partner"];

async function identities(baseUrl: string): Promise<Identity[]> {
  const out: Identity[] = [{ name: "anonymous", role: null, cookie: null }];
  for (const role of ROLES) {
    const login = DEMO_LOGINS.find((l) => l.role === role);
    if (login) out.push(await signIn(baseUrl, role, role, login.email, DEMO_PASSWORD));
  }
  return out;
}

/** Records of partners other than the demo partner's own organisation, for "foreign id" inputs. */
async function foreignIds(db: import("postgres").Sql, partnerEmail: string): Promise<string[]> {
  const rows = await db<{ id: string }[]>`
    with mine as (select partner_id from public.profiles where email = ${partnerEmail})
    (select id::text from public.partners where id not in (select partner_id from mine where partner_id is not null) limit 1)
    union all (select id::text from public.referrals where partner_id not in (select partner_id from mine where partner_id is not null) limit 1)`;
  return rows.map((r) => r.id);
}

const started = Date.now();
const server = await startFuzzServer(adminUrl);
let exitCode = 1;
try {
  const fp = await fingerprinter(server.db);
  const fuzzer = new Fuzzer(server.baseUrl, fp);
  const who = await identities(server.baseUrl);
  const partnerEmail = DEMO_LOGINS.find((l) => l.role === "partner")?.email ?? "";
  const foreign = await foreignIds(server.db, partnerEmail).catch(() => []);
  const actions = actionTargets();
  // FUZZ_PATHS narrows handlers and pages to path prefixes (e.g. "/api/auth,/auth" for the auth routes alone).
  const prefixes = process.env.FUZZ_PATHS?.split(",").filter(Boolean);
  const wanted = (t: { path: string }) => !prefixes || prefixes.some((p) => t.path.startsWith(p));
  const all = routeTargets();
  const pages = all.pages.filter(wanted);
  const handlers = all.handlers.filter(wanted);
  console.log(`fuzz: ${actions.length} actions, ${handlers.length} route handlers, ${pages.length} pages, ${who.length} identities`);
  console.log(`fuzz: fingerprint = newest audit id (${fp.audited} audited tables) + row hashes of ${fp.hashed.join(", ")}; excluded: ${EXCLUDED_TABLES.join(", ")}`);
  const only = process.env.FUZZ_ONLY ?? "stripe,cron,handlers,pages,actions";
  const anon = who[0]!;
  if (only.includes("stripe")) await fuzzStripe(fuzzer, anon);
  if (only.includes("cron")) await fuzzCron(fuzzer, anon);
  if (only.includes("handlers")) await fuzzHandlers(fuzzer, handlers, who);
  if (only.includes("pages")) await fuzzPages(fuzzer, pages, who);
  if (only.includes("actions")) await fuzzActions(fuzzer, actions, who, foreign);
  for (const line of fuzzer.serverErrors) console.log(`  5xx: ${line}`);
  for (const line of fuzzer.changedByRefused) console.log(`  changed by refused input: ${line}`);
  const statuses = [...fuzzer.statuses].sort((a, b) => a[0].localeCompare(b[0])).map(([s, n]) => `${s}×${n}`);
  console.log(`fuzz: answers ${statuses.join(" ")} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`fuzz: accepted requests that changed data: ${fuzzer.changedByAccepted}`);
  console.log(`fuzz: sessions ended by fuzzed sign-outs and signed in again: ${fuzzer.renewedSessions}`);
  console.log(`fuzz.requests: ${fuzzer.requests}`);
  console.log(`5xx: ${fuzzer.serverErrors.length}`);
  console.log(`rows changed by refused input: ${fuzzer.changedByRefused.length}`);
  exitCode = fuzzer.serverErrors.length || fuzzer.changedByRefused.length ? 1 : 0;
} finally {
  await server.stop();
}
process.exit(exitCode);
