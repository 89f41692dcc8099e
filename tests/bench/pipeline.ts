import { sql } from "drizzle-orm";
import postgres from "postgres";
import { openConnection, type Connection } from "../../lib/db/connection";
import { migrate } from "../../lib/db/migrate";
import { refreshPipelineAggregates } from "../../lib/dashboard/queries";
import { rows, runAsUser, withSystem, type SessionClaims } from "../../lib/db/session";
import { listBoardCards } from "../../lib/opportunities/queries";
import { subscribe } from "../../lib/realtime/hub";
import { seedScale } from "../../lib/seed/scale";
import { percentile, report, time } from "./stats";
import { serverRenderP95 } from "./http-render";
import { dashboardLoad } from "./pipeline-dashboard";

const S = "pipeline";

async function fixtures(conn: Connection) {
  const [owner] = await conn.query<{ id: string; email: string; n: number }>(`
    select p.id, p.email, count(*)::int as n from public.opportunities o join public.profiles p on p.id = o.owner_id
    join public.stages s on s.id = o.stage_id where p.role = 'sales_manager' and not s.is_won and not s.is_lost
    group by p.id, p.email order by abs(count(*) - 500) limit 1`);
  const [vp] = await conn.query<{ id: string; email: string }>("select id, email from public.profiles where role = 'vp' limit 1");
  const stageRows = await conn.query<{ id: string; key: string }>("select id, key from public.stages where key in ('lead', 'demo')");
  const claims = (u: { id: string; email: string }, role: "sales_manager" | "vp"): SessionClaims => ({ sub: u.id, email: u.email, role: "authenticated", aud: "authenticated", app_metadata: { role } });
  return { owner: owner!, ownerClaims: claims(owner!, "sales_manager"), vpClaims: claims(vp!, "vp"), lead: stageRows.find((s) => s.key === "lead")!.id, demo: stageRows.find((s) => s.key === "demo")!.id };
}

async function measure(label: string, engine: string, runs: number, withRls: () => Promise<unknown>, raw: () => Promise<unknown>, unit = "ms") {
  for (let i = 0; i < 3; i += 1) {
    await withRls();
    await raw();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    a.push(await time(withRls));
    b.push(await time(raw));
  }
  report(S, `${label}_p95_${engine}`, percentile(a, 95), unit);
  report(S, `${label}_raw_sql_p95_${engine}`, percentile(b, 95), unit);
  report(S, `${label}_to_raw_ratio_${engine}`, percentile(a, 95) / percentile(b, 95), "x");
}

async function moveBench(conn: Connection, engine: string, fx: Awaited<ReturnType<typeof fixtures>>) {
  const [opp] = await conn.query<{ id: string }>("select o.id from public.opportunities o where o.owner_id = $1 and o.stage_id = $2 limit 1", [fx.owner.id, fx.lead]);
  let toDemo = true;
  const moveOnce = () => {
    const target = toDemo ? fx.demo : fx.lead;
    toDemo = !toDemo;
    return runAsUser(conn, fx.ownerClaims, (tx) => tx.execute(sql`select * from public.move_opportunity(${opp!.id}, ${target}, null, null, 'bench', null, null, null)`));
  };
  let rawToDemo = true;
  const rawOnce = () => {
    const target = rawToDemo ? fx.demo : fx.lead;
    rawToDemo = !rawToDemo;
    return conn.db.transaction(async (tx) => {
      await tx.execute(sql`update public.opportunities set stage_id = ${target}, position = position + 1, stage_entered_at = now() where id = ${opp!.id}`);
      await tx.execute(sql`insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by, justification) values (${opp!.id}, ${target}, ${fx.owner.id}, 'bench')`);
    });
  };
  await measure("move", engine, 200, moveOnce, rawOnce);
  return { opportunityId: opp!.id, moveOnce };
}

async function realtimeBench(conn: Connection, engine: string, fx: Awaited<ReturnType<typeof fixtures>>, moveOnce: () => Promise<unknown>, opportunityId: string) {
  const g = globalThis as { __partnerosDb?: Promise<Connection>; __partnerosRealtime?: { listening?: unknown; subscribers: Set<unknown> } };
  g.__partnerosDb = Promise.resolve(conn);
  if (g.__partnerosRealtime) g.__partnerosRealtime.listening = undefined;
  let resolveNext: (() => void) | null = null;
  const stop = await subscribe({
    claims: fx.vpClaims,
    tables: new Set(["opportunities"]),
    send: (e) => {
      if (e.id === opportunityId) resolveNext?.();
    },
  });
  const samples: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const received = new Promise<void>((r) => (resolveNext = r));
    const started = performance.now();
    await moveOnce();
    await received;
    samples.push(performance.now() - started);
  }
  stop();
  report(S, `move_to_other_client_realtime_p95_${engine}`, percentile(samples.slice(5), 95), "ms");
}

async function run(conn: Connection, engine: string, url?: string) {
  await migrate(conn);
  const seeded = await seedScale(conn);
  await conn.query("analyze");
  const [n] = await conn.query<{ n: number }>("select count(*)::int as n from public.opportunities");
  report(S, `opportunities_${engine}`, Number(n!.n), "rows");
  if (!seeded.skipped) report(S, `scale_seed_seconds_${engine}`, seeded.seconds, "s");
  // The scheduler keeps the conversion aggregate fresh; the dashboard reads it.
  await withSystem("bench.pipeline-aggregates", (tx) => refreshPipelineAggregates(tx), conn);
  const fx = await fixtures(conn);
  const cards = await runAsUser(conn, fx.ownerClaims, (tx) => listBoardCards(tx, { owner: fx.owner.id }));
  report(S, `board_cards_for_one_owner_${engine}`, cards.length, "cards");
  await measure("board_load", engine, 40, () => runAsUser(conn, fx.ownerClaims, (tx) => listBoardCards(tx, { owner: fx.owner.id })), () => conn.db.transaction((tx) => listBoardCards(tx, { owner: fx.owner.id })));
  await measure("dashboard_data", engine, 20, () => runAsUser(conn, fx.vpClaims, (tx) => dashboardLoad(tx)), () => conn.db.transaction((tx) => dashboardLoad(tx)));
  if (url) {
    const [vp] = await conn.query<{ email: string }>("select email from public.profiles where role = 'vp' order by created_at limit 1");
    report(S, `dashboard_server_render_p95_${engine}`, await serverRenderP95(url, vp!.email, "/dashboard"), "ms");
    report(S, `board_server_render_p95_${engine}`, await serverRenderP95(url, fx.owner.email, `/pipeline?owner=${fx.owner.id}`), "ms");
  }
  const { opportunityId, moveOnce } = await moveBench(conn, engine, fx);
  await realtimeBench(conn, engine, fx, moveOnce, opportunityId);
  const [check] = await runAsUser(conn, fx.ownerClaims, (tx) => rows<{ n: number }>(tx, sql`select count(*)::int as n from public.opportunities`));
  report(S, `visible_to_sales_manager_${engine}`, Number(check!.n), "rows");
}

export async function pipelineSuite() {
  const url = process.env.TEST_DATABASE_URL ?? process.env.BENCH_DATABASE_URL;
  if (url) {
    const name = `partneros_bench_pipe_${Date.now().toString(36)}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    const conn = await openConnection({ url: target.toString(), maxConnections: 6 });
    try {
      await run(conn, "postgres", target.toString());
    } finally {
      await conn.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  } else console.log(`${S}.postgres: skipped (set TEST_DATABASE_URL)`);
  const pglite = await openConnection({});
  try {
    await run(pglite, "pglite");
  } finally {
    await pglite.close();
  }
}
