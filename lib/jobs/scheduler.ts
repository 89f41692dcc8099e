import "server-only";
import { getConnection } from "@/lib/db/client";
import { beatOnce, HEARTBEAT_EVERY_MS, registerInstanceStart } from "@/lib/runtime/instance";
import { isJobName, JOBS, runJob, type JobName } from "./registry";

const globalForScheduler = globalThis as typeof globalThis & { __partnerosScheduler?: { timers: NodeJS.Timeout[]; running: Set<JobName> } };

/** In-process scheduler for `npm run dev` / `npm start`; deployments may use Vercel Cron or pg_cron on /api/cron/* instead. */
export function startScheduler(): void {
  if (globalForScheduler.__partnerosScheduler) return;
  const state = { timers: [] as NodeJS.Timeout[], running: new Set<JobName>() };
  globalForScheduler.__partnerosScheduler = state;
  const ticks = new Map<JobName, () => void>();
  for (const name of Object.keys(JOBS)) {
    if (!isJobName(name)) continue;
    const tick = () => {
      if (state.running.has(name)) return;
      state.running.add(name);
      runJob(name)
        .catch((error: unknown) => console.error(`[scheduler] ${name} failed`, error))
        .finally(() => state.running.delete(name));
    };
    const timer = setInterval(tick, JOBS[name].everySeconds * 1000);
    timer.unref();
    state.timers.push(timer);
    ticks.set(name, tick);
  }
  // Payouts a previous process left in flight are resumed as soon as this one is up, not a period later.
  void startInstance().then(() => ticks.get("payouts-resume")?.());
  const beat = setInterval(() => void beatOnce().catch((e: unknown) => console.error("[scheduler] heartbeat failed", e)), HEARTBEAT_EVERY_MS);
  beat.unref();
  state.timers.push(beat);
}

async function startInstance(): Promise<void> {
  try {
    await registerInstanceStart(await getConnection());
  } catch (error) {
    console.error("[scheduler] instance registration failed", error);
  }
}
