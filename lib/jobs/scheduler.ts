import "server-only";
import { isJobName, JOBS, runJob, type JobName } from "./registry";

const globalForScheduler = globalThis as typeof globalThis & { __partnerosScheduler?: { timers: NodeJS.Timeout[]; running: Set<JobName> } };

/** In-process scheduler for `npm run dev` / `npm start`; deployments may use Vercel Cron or pg_cron on /api/cron/* instead. */
export function startScheduler(): void {
  if (globalForScheduler.__partnerosScheduler) return;
  const state = { timers: [] as NodeJS.Timeout[], running: new Set<JobName>() };
  globalForScheduler.__partnerosScheduler = state;
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
  }
}
