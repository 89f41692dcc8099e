import autocannon from "autocannon";
import postgres from "postgres";
import { onBenchDatabase, referralFixtures, startAppServer, stopServer, waitUp } from "./app-server";
import { report } from "./stats";

const S = "referral";
const PORT = 3203;
const BASE = `http://127.0.0.1:${PORT}`;
const PARTNERS = 5;

interface Load {
  label: string;
  path: () => string;
  rate?: number;
  amount: number;
  connections: number;
}

/** Each request is a distinct visitor (own address and user agent) except every second one, which repeats the previous visitor. */
class Visitors {
  private n = 0;
  readonly expected = new Set<string>();
  constructor(private readonly codes: string[]) {}

  next() {
    const i = this.n++;
    const visitor = Math.floor(i / 2);
    const code = this.codes[visitor % this.codes.length]!;
    const ip = `10.${(visitor >> 16) & 255}.${(visitor >> 8) & 255}.${visitor & 255}`;
    return {
      visitor,
      code,
      ip,
      ua: `Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.${visitor} Safari/537.36`,
    };
  }

  /** One click per link, visitor and hour: what the table must hold for the redirects answered. */
  answered(code: string, visitor: number) {
    this.expected.add(`${code}|${visitor}|${Math.floor(Date.now() / 3_600_000)}`);
  }
}

async function run(load: Load, visitors: Visitors | null) {
  const result = await autocannon({
    url: BASE,
    connections: load.connections,
    amount: load.amount,
    overallRate: load.rate,
    timeout: 10,
    requests: [
      visitors
        ? {
            method: "GET",
            setupRequest: (req, context: { code?: string; visitor?: number }) => {
              const v = visitors.next();
              context.code = v.code;
              context.visitor = v.visitor;
              return {
                ...req,
                path: `/r/${v.code}?url=https%3A%2F%2Felsewhere.example`,
                headers: { "x-forwarded-for": v.ip, "user-agent": v.ua },
              };
            },
            onResponse: (status, _body, context: { code?: string; visitor?: number }) => {
              if (status === 302) visitors.answered(context.code!, context.visitor!);
            },
          }
        : { method: "GET", path: load.path() },
    ],
  });
  const answered = result["3xx"];
  if (answered !== result.requests.total || result.errors || result.timeouts) {
    throw new Error(
      `${load.label}: ${answered} redirects of ${result.requests.total} requests (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx)`,
    );
  }
  return {
    throughput: result.requests.average,
    p99: result.latency.p99,
    p50: result.latency.p50,
    total: result.requests.total,
  };
}

/**
 * Open-loop load at a fixed rate with requests evenly spaced (not a burst per second): request i is due at
 * start + i/rate and its latency is measured from that due time, so a slow server cannot hide its queue.
 */
async function paced(label: string, rate: number, total: number, visitors: Visitors | null, path: string) {
  const latencies: number[] = [];
  const pending: Promise<void>[] = [];
  const start = performance.now() + 50;
  let failures = 0;
  const why = new Map<string, number>();
  const fail = (reason: string) => {
    failures += 1;
    why.set(reason, (why.get(reason) ?? 0) + 1);
  };
  for (let i = 0; i < total; i += 1) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const v = visitors?.next();
    const target = v ? `${BASE}/r/${v.code}?url=https%3A%2F%2Felsewhere.example` : `${BASE}${path}`;
    const headers: Record<string, string> = v ? { "x-forwarded-for": v.ip, "user-agent": v.ua } : {};
    pending.push(
      fetch(target, { redirect: "manual", headers }).then(
        async (res) => {
          await res.arrayBuffer();
          latencies.push(performance.now() - due);
          if (res.status === 302) {
            if (v) visitors!.answered(v.code, v.visitor);
          } else fail(`HTTP ${res.status}`);
        },
        (error: Error & { cause?: { code?: string } }) => fail(error.cause?.code ?? error.message),
      ),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  if (failures) throw new Error(`${label}: ${failures} of ${total} requests were not redirects (${[...why].map(([k, n]) => `${k}: ${n}`).join(", ")})`);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { throughput: total / elapsed, p50: at(0.5), p95: at(0.95), p99: at(0.99), total };
}

async function measure(url: string) {
  const codes = await referralFixtures(url, PARTNERS, "bench.referral");
  const server = startAppServer(PORT, url);
  let stopped = false;
  try {
    await waitUp(BASE);
    const visitors = new Visitors(codes);
    const redirect = (label: string, rate: number | undefined, amount: number, connections: number) =>
      run({ label, path: () => "", rate, amount, connections }, visitors);
    const bare = (label: string, rate: number | undefined, amount: number, connections: number) =>
      run({ label, path: () => "/api/bench/redirect", rate, amount, connections }, null);

    await redirect("warm-up", undefined, 2_000, 20);
    await bare("warm-up", undefined, 2_000, 20);

    await paced("paced warm-up", 500, 1_000, visitors, "");
    const fixedRedirect = await paced("redirect at 500/s", 500, 10_000, visitors, "");
    const fixedBare = await paced("bare at 500/s", 500, 10_000, null, "/api/bench/redirect");
    report(S, "redirect_500rps_throughput", fixedRedirect.throughput, "req/s");
    report(S, "redirect_500rps_p50", fixedRedirect.p50, "ms");
    report(S, "redirect_500rps_p95", fixedRedirect.p95, "ms");
    report(S, "redirect_500rps_p99", fixedRedirect.p99, "ms");
    report(S, "bare_302_500rps_throughput", fixedBare.throughput, "req/s");
    report(S, "bare_302_500rps_p95", fixedBare.p95, "ms");
    report(S, "bare_302_500rps_p99", fixedBare.p99, "ms");
    report(S, "redirect_to_bare_500rps_p99_ratio", fixedRedirect.p99 / Math.max(fixedBare.p99, 1), "x");

    const maxRedirect = await redirect("redirect at max rate", undefined, 20_000, 100);
    const maxBare = await bare("bare at max rate", undefined, 20_000, 100);
    report(S, "redirect_max_throughput", maxRedirect.throughput, "req/s");
    report(S, "redirect_max_p99", maxRedirect.p99, "ms");
    report(S, "bare_302_max_throughput", maxBare.throughput, "req/s");
    report(S, "bare_302_max_p99", maxBare.p99, "ms");
    report(S, "redirect_to_bare_max_throughput_ratio", maxRedirect.throughput / maxBare.throughput, "x");

    const exitCode = await stopServer(server);
    stopped = true;
    const sqlClient = postgres(url, { max: 1, onnotice: () => {} });
    const [row] = await sqlClient<{ n: number }[]>`select count(*)::int as n from public.referral_clicks`;
    await sqlClient.end();
    report(S, "server_exit_code", exitCode ?? -1, "");
    report(S, "clicks_recorded", row!.n, "clicks");
    report(S, "clicks_expected_after_dedupe", visitors.expected.size, "clicks");
    console.log(`${S}.clicks_match: ${row!.n === visitors.expected.size ? "yes" : "NO"}`);
    if (row!.n !== visitors.expected.size) process.exitCode = 1;
  } finally {
    if (!stopped) await stopServer(server);
  }
}

export async function referralSuite() {
  await onBenchDatabase(S, "partneros_bench_ref", measure);
}
