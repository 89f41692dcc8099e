import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../../lib/seed/demo";
import { ensureCurrentBuild } from "../../scripts/build-state";
import { ensureLocalEnv } from "../../scripts/local-env";
import { percentile, report } from "./stats";

/**
 * README command 1 as a person meets it: `npm run dev` on a fresh embedded database (migrated and seeded at
 * start), then a sign-in and the first visit of every main page, then warm visits, and the memory the whole
 * process tree holds. The production build command 1 serves is made at `npm install`; its time is reported
 * apart (`--cold` forces it, as on a fresh clone). `--watch` measures `npm run dev:watch`, the development
 * server, instead (`--cold` then removes its compile cache).
 */
const TEAM_PAGES = ["/dashboard", "/pipeline", "/partners", "/tasks", "/team", "/status", "/alerts", "/reports", "/reports/commissions", "/payouts", "/templates", "/settings"];
const PORTAL_PAGES = ["/portal", "/portal/referrals", "/portal/earnings", "/portal/links", "/portal/profile"];
const WARM_ROUNDS = 5;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(entry), kb * 1024);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while the table was read.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    total += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

async function waitFor200(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
    const ok = await fetch(url, { redirect: "manual" }).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs / 1000} s`);
}

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: base },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} answered ${response.status}: ${await response.text()}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  return cookies.join("; ");
}

async function visit(base: string, page: string, cookie: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${base}${page}`, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${page} answered ${response.status}`);
  return elapsed;
}

export async function startupSuite(): Promise<void> {
  const cold = process.argv.includes("--cold");
  const watch = process.argv.includes("--watch");
  const suite = watch ? "startup.watch" : "startup";
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "partneros-startup-"));
  if (cold && watch) fs.rmSync(path.join(".next", "dev"), { recursive: true, force: true });
  if (!watch) {
    if (cold) fs.rmSync(path.join(".next", "partneros-build.json"), { force: true });
    const buildStarted = performance.now();
    if (!ensureCurrentBuild(ensureLocalEnv())) throw new Error("the build failed");
    report(suite, "build_at_install", (performance.now() - buildStarted) / 1000, "s");
  }

  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/dev.ts", ...(watch ? ["--watch"] : [])], {
    env: { ...process.env, PORT: String(port), APP_URL: base, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  let dbReadyAt = NaN;
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (Number.isNaN(dbReadyAt) && output.includes("Demo logins")) dbReadyAt = performance.now();
  };
  child.stdout!.on("data", collect);
  child.stderr!.on("data", collect);
  // Peaks while the database is prepared (a child process) and while the app serves, apart.
  let peakRss = 0;
  let peakServing = 0;
  let serving = false;
  const sampler = setInterval(() => {
    const rss = treeRss(child.pid!);
    peakRss = Math.max(peakRss, rss);
    if (serving) peakServing = Math.max(peakServing, rss);
  }, 250);

  try {
    await waitFor200(`${base}/login`, child, 600_000);
    const loginAt = performance.now();
    serving = true;
    report(suite, "database_ready", (dbReadyAt - started) / 1000, "s");
    report(suite, "start_to_login", (loginAt - started) / 1000, "s");

    const vp = DEMO_LOGINS.find((l) => l.role === "vp")!;
    const partner = DEMO_LOGINS.find((l) => l.role === "partner")!;
    const signInStarted = performance.now();
    const teamCookie = await signIn(base, vp.email);
    const firstDashboard = await visit(base, "/dashboard", teamCookie);
    report(suite, "start_to_dashboard", (performance.now() - started) / 1000, "s");
    report(suite, "sign_in_to_dashboard", (performance.now() - signInStarted) / 1000, "s");

    const first: number[] = [firstDashboard];
    report(suite, "first_visit./dashboard", firstDashboard / 1000, "s");
    for (const page of TEAM_PAGES.slice(1)) {
      const ms = await visit(base, page, teamCookie);
      first.push(ms);
      report(suite, `first_visit.${page}`, ms / 1000, "s");
    }
    const portalCookie = await signIn(base, partner.email);
    for (const page of PORTAL_PAGES) {
      const ms = await visit(base, page, portalCookie);
      first.push(ms);
      report(suite, `first_visit.${page}`, ms / 1000, "s");
    }
    report(suite, "first_visit_max", Math.max(...first) / 1000, "s");

    const warm: number[] = [];
    for (let round = 0; round < WARM_ROUNDS; round += 1) {
      for (const page of TEAM_PAGES) warm.push(await visit(base, page, teamCookie));
      for (const page of PORTAL_PAGES) warm.push(await visit(base, page, portalCookie));
    }
    report(suite, "warm_p50", percentile(warm, 50), "ms");
    report(suite, "warm_p95", percentile(warm, 95), "ms");
    const rss = treeRss(child.pid!);
    peakRss = Math.max(peakRss, rss);
    report(suite, "rss_after_walk", rss / 2 ** 20, "MiB");
    peakServing = Math.max(peakServing, rss);
    report(suite, "rss_peak_serving", peakServing / 2 ** 20, "MiB");
    report(suite, "rss_peak", peakRss / 2 ** 20, "MiB");
  } catch (error) {
    console.error(output.slice(-4000));
    throw error;
  } finally {
    clearInterval(sampler);
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // Already gone.
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
