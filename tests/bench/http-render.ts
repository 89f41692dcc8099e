import { spawn } from "node:child_process";
import { percentile } from "./stats";

/**
 * p95 of full server renders of `path` (HTML complete) by a production build on `databaseUrl`,
 * signed in as `email`. Needs `next build` to have run.
 */
export async function serverRenderP95(databaseUrl: string, email: string, path: string, runs = 25): Promise<number> {
  const port = "3201";
  const server = spawn("npx", ["next", "start", "--port", port], {
    env: { ...process.env, DATABASE_URL: databaseUrl, SESSION_SECRET: "bench-session-secret-0123456789-abcdefghij", APP_URL: `http://localhost:${port}`, PARTNEROS_SCHEDULER: "off", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  const base = `http://localhost:${port}`;
  try {
    for (let i = 0; i < 120; i += 1) {
      if (await fetch(`${base}/api/health`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.200" },
      body: JSON.stringify({ email, password: "partneros-demo" }),
    });
    if (!login.ok) throw new Error(`bench login failed: ${login.status}`);
    const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
    const samples: number[] = [];
    for (let i = 0; i < runs + 3; i += 1) {
      const started = performance.now();
      const page = await fetch(`${base}${path}`, { headers: { cookie } });
      if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
      await page.text();
      if (i >= 3) samples.push(performance.now() - started);
    }
    return percentile(samples, 95);
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}
