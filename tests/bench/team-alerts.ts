/**
 * Alert evaluation over the `--scale` data set (100k deals, 5k partners, 100 people): every enabled rule,
 * timed as the scheduled job runs it (cold: nothing alerted yet; warm: everything alerted or held back by
 * the daily cap), and one deal-change evaluation as a stage move runs it. Aim: under 2 s for all rules.
 */
import postgres from "postgres";
import { evaluateAlerts, type EvaluationReport } from "../../lib/alerts/engine";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { withSystem } from "../../lib/db/session";
import { seedScale } from "../../lib/seed/scale";
import { report } from "./stats";

const S = "team";

async function timed(
  conn: Connection,
  label: string,
  now: Date,
  options: Parameters<typeof evaluateAlerts>[2] = {},
) {
  const started = performance.now();
  const result: EvaluationReport = await withSystem(
    "bench.alerts",
    (tx) => evaluateAlerts(tx, now, options),
    conn,
  );
  const ms = performance.now() - started;
  const rules = Object.entries(result.rules).map(
    ([key, r]) => `${key} ${r!.ms.toFixed(0)} ms (${r!.candidates} found, ${r!.created} new)`,
  );
  console.log(
    `# ${label}: ${rules.join(", ")}; ${result.created} created, ${result.deferred} held back by the daily cap`,
  );
  return { ms, result };
}

/** Runs on `conn` when given (a database already holding the scale data), else on a scratch database. */
export async function benchAlertEvaluation(conn?: Connection): Promise<void> {
  if (conn) return run(conn);
  const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) {
    console.log(`${S}.alert_evaluation_ms: skipped (set TEST_DATABASE_URL)`);
    return;
  }
  const name = `partneros_bench_alerts_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const scratch = await openConnection({ url: target.toString(), maxConnections: 4 });
  try {
    await migrate(scratch);
    await seedScale(scratch);
    await run(scratch);
  } finally {
    await scratch.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function run(conn: Connection): Promise<void> {
  await conn.query("analyze");
  const now = new Date();
  const cold = await timed(conn, "cold", now);
  report(S, "alert_evaluation_ms", cold.ms, "ms");
  for (const [key, r] of Object.entries(cold.result.rules)) report(S, `alert_rule_${key}_ms`, r!.ms, "ms");
  report(S, "alerts_created", cold.result.created, "alerts");
  const warm = await timed(conn, "warm", now);
  report(S, "alert_evaluation_warm_ms", warm.ms, "ms");
  const [deal] = await conn.query<{ id: string }>(
    "select id from public.opportunities order by value_minor desc limit 1",
  );
  const change = await timed(conn, "one deal changed", now, { opportunityIds: [deal!.id] });
  report(S, "alert_evaluation_after_deal_change_ms", change.ms, "ms");
}

// Run directly: `npx tsx --conditions=react-server tests/bench/team-alerts.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  await benchAlertEvaluation();
  process.exit(0);
}
