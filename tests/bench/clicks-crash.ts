import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { onBenchDatabase, referralFixtures, startAppServer, stopServer, waitUp } from "./app-server";
import { percentile, report } from "./stats";

const S = "clicks";
const PORT = 3261;
const BASE = `http://127.0.0.1:${PORT}`;
/** 500 requests/s; CLICKS_CRASH_RATE lowers it on a machine that cannot serve that many (figures then say so). */
const RATE = Number(process.env.CLICKS_CRASH_RATE ?? "500");
const BURST_SECONDS = 12;
const KILL_AT_MS = 4_000;

/**
 * Every request is its own visitor (own address and user agent); the click row keeps the user agent, so
 * each 302 received can be matched to its row.
 */
const userAgent = (i: number) =>
  `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${i} Safari/537.36`;
const address = (i: number) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;

interface Burst {
  answered: Set<number>;
  latencies: number[];
  failures: Map<string, number>;
  killedAfter: number;
}

/**
 * Open-loop load at RATE requests a second, evenly spaced, latency from each request's due time. At
 * KILL_AT_MS the server gets SIGKILL (no shutdown of any kind) and a new one is started on the same
 * database at once; the burst goes on throughout, so requests meet the dying server, no server, and the
 * new one.
 */
async function burst(codes: string[], restart: () => void): Promise<Burst> {
  const result: Burst = { answered: new Set(), latencies: [], failures: new Map(), killedAfter: 0 };
  const fail = (why: string) => {
    result.failures.set(why, (result.failures.get(why) ?? 0) + 1);
  };
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  for (let i = 0; i < RATE * BURST_SECONDS; i += 1) {
    const due = start + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (!result.killedAfter && due - start >= KILL_AT_MS) {
      result.killedAfter = i;
      restart();
    }
    const headers = { "x-forwarded-for": address(i), "user-agent": userAgent(i) };
    pending.push(
      fetch(`${BASE}/r/${codes[i % codes.length]}`, { redirect: "manual", headers, signal: AbortSignal.timeout(30_000) }).then(
        async (res) => {
          await res.arrayBuffer().catch(() => undefined);
          if (res.status === 302) {
            result.answered.add(i);
            result.latencies.push(performance.now() - due);
          } else fail(`HTTP ${res.status}`);
        },
        (error: Error & { cause?: { code?: string } }) => fail(error.cause?.code ?? error.name),
      ),
    );
  }
  await Promise.all(pending);
  return result;
}

async function measure(url: string) {
  const codes = await referralFixtures(url, 5, "bench.clicks-crash");
  const spool = await fs.mkdtemp(path.join(os.tmpdir(), "partneros-bench-spool-"));
  const env = { CLICK_SPOOL_DIR: spool };
  let server = startAppServer(PORT, url, env);
  try {
    await waitUp(BASE);
    let restarted = Promise.resolve(0);
    const result = await burst(codes, () => {
      const killed = server;
      killed.kill("SIGKILL");
      restarted = new Promise<number>((resolve) => {
        killed.once("exit", () => {
          const at = performance.now();
          server = startAppServer(PORT, url, env);
          void waitUp(BASE).then(() => resolve(performance.now() - at));
        });
      });
    });
    const downMs = await restarted;
    await waitUp(BASE);
    report(S, "server_exit_code_after_restart", (await stopServer(server)) ?? -1, "");

    const sql = postgres(url, { max: 1, onnotice: () => {} });
    const found = await sql<{ user_agent: string }[]>`select user_agent from public.referral_clicks`;
    await sql.end();
    const recorded = new Set(found.map((r) => Number(/Chrome\/126\.0\.(\d+) /.exec(r.user_agent)?.[1] ?? -1)));
    const lost = [...result.answered].filter((i) => !recorded.has(i)).length;
    const unanswered = [...recorded].filter((i) => !result.answered.has(i)).length;

    report(S, "rate", RATE, "req/s");
    report(S, "requests", RATE * BURST_SECONDS, "count");
    report(S, "killed_at_request", result.killedAfter, "index");
    report(S, "restart_to_ready", downMs, "ms");
    report(S, "sent_302", result.answered.size, "count");
    report(S, "recorded", found.length, "count");
    report(S, "lost", lost, "count");
    // Committed, but the kill cut the connection before the 302 went out: counted, never a loss.
    report(S, "recorded_without_302", unanswered, "count");
    report(S, "not_answered", RATE * BURST_SECONDS - result.answered.size, "count");
    report(S, "p50", percentile(result.latencies, 50), "ms");
    report(S, "p95", percentile(result.latencies, 95), "ms");
    console.log(`${S}.failures: ${[...result.failures].map(([k, n]) => `${k} ${n}`).join(", ") || "none"}`);
    const leftInSpool = (await fs.readdir(spool)).length;
    report(S, "spool_files_left", leftInSpool, "count");
    if (lost > 0 || leftInSpool > 0) process.exitCode = 1;
  } finally {
    await stopServer(server);
    await fs.rm(spool, { recursive: true, force: true });
  }
}

/**
 * `npm run bench -- clicks-crash`: the production server on PostgreSQL under a 500 requests/s burst on
 * /r/<code>, killed with SIGKILL mid-burst and restarted; every 302 received must have its click row.
 */
export async function clicksCrashSuite() {
  await onBenchDatabase(S, "partneros_bench_crash", measure);
}
