/**
 * Full recalculation of the `--scale` data set through the database: every deal × agreement through the
 * engine with period context, written as schedules and lines in one transaction. Measured cold (nothing
 * stored yet) and warm (everything stored: only changed schedules are rewritten), then after one FX-rate
 * change that moves every deal in that currency.
 */
import postgres from "postgres";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { withSystem } from "../../lib/db/session";
import { recalculateCommissions } from "../../lib/commission-records/persist";
import { seedScale } from "../../lib/seed/scale";
import { report } from "./stats";

const S = "commissions";

async function recalcAll(conn: Connection, label: string) {
  const started = performance.now();
  const phases: string[] = [];
  const onPhase = (phase: string, ms: number) => phases.push(`${phase} ${(ms / 1000).toFixed(2)} s`);
  const result = await withSystem("bench.commissions-recalculate", (tx) => recalculateCommissions(tx, "all", { onPhase }), conn);
  console.log(`# ${label}: ${phases.join(", ")}`);
  return { seconds: (performance.now() - started) / 1000, result };
}

async function run(conn: Connection, engine: string) {
  await migrate(conn);
  await seedScale(conn);
  await conn.query("analyze");
  const [n] = await conn.query<{ n: number }>("select count(*)::int as n from public.opportunities");
  report(S, `opportunities_${engine}`, Number(n!.n), "rows");
  const cold = await recalcAll(conn, "cold");
  report(S, `full_recalculation_cold_seconds_${engine}`, cold.seconds, "s");
  report(S, `schedules_written_${engine}`, cold.result.written, "schedules");
  report(S, `lines_written_${engine}`, cold.result.lines, "lines");
  report(S, `recalculation_issues_${engine}`, cold.result.issues.length, "issues");
  const warm = await recalcAll(conn, "warm");
  report(S, `full_recalculation_warm_seconds_${engine}`, warm.seconds, "s");
  report(S, `schedules_rewritten_warm_${engine}`, warm.result.written, "schedules");
  // Every version's rate moves by one point: everything not frozen is rewritten.
  await conn.query("update public.agreement_versions set rate = rate + 1 where rate < 40");
  const changed = await recalcAll(conn, "after rate change");
  report(S, `full_recalculation_after_rate_change_seconds_${engine}`, changed.seconds, "s");
  report(S, `schedules_rewritten_after_rate_change_${engine}`, changed.result.written, "schedules");
  report(S, `schedules_rewritten_in_place_after_rate_change_${engine}`, changed.result.inPlace, "schedules");
}

export async function commissionsDatabaseBench(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (!url) {
    console.log(`${S}.postgres: skipped (set TEST_DATABASE_URL)`);
    return;
  }
  const name = `partneros_bench_comm_${Date.now().toString(36)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const conn = await openConnection({ url: target.toString(), maxConnections: 4 });
  try {
    await run(conn, "postgres");
  } finally {
    await conn.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
