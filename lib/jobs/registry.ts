import "server-only";
import { eq, lt } from "drizzle-orm";
import { getConnection } from "@/lib/db/client";
import { jobRuns } from "@/lib/db/schema";
import { withSystem } from "@/lib/db/session";
import { deliverOutbox } from "@/lib/email/delivery";
import { refreshPipelineAggregates } from "@/lib/dashboard/queries";
import { pruneRateLimits } from "@/lib/auth/rate-limit";
import { reevaluateAllPartners } from "@/lib/jobs/tiers-nightly";
import { runAlertDigests, runAlertEvaluation } from "@/lib/alerts/jobs";
import { runPartnerHealth } from "@/lib/health/job";
import { runStatusReminders } from "@/lib/status/reminders";
import { runTaskRollover } from "@/lib/tasks/rollover";
import { createScheduledBatches } from "@/lib/payouts/schedule";
import { resumeStalePayouts } from "@/lib/payouts/trigger";
import { drainDealChanges } from "@/lib/opportunities/after-change";
import { storage } from "@/lib/storage/storage";
import { syncTrainingContent } from "@/lib/training/sync";

type JobFn = () => Promise<Record<string, unknown>>;

/** Scheduled work: each job is idempotent, so any scheduler may call it any number of times. */
export const JOBS = {
  "email-outbox": { everySeconds: 10, run: async () => ({ ...(await deliverOutbox()) }) },
  // Deal changes a crash left queued between a request's commit and its follow-up job.
  "deals-after-change": {
    everySeconds: 60,
    run: async () => withSystem("deals.after-change", (tx) => drainDealChanges(tx)),
  },
  "pipeline-aggregates": {
    everySeconds: 300,
    run: async () => withSystem("cron.pipeline-aggregates", (tx) => refreshPipelineAggregates(tx)),
  },
  "partner-tiers": {
    everySeconds: 86_400,
    run: async () => withSystem("cron.partner-tiers", (tx) => reevaluateAllPartners(tx)),
  },
  "payouts-resume": { everySeconds: 60, run: async () => ({ ...(await resumeStalePayouts()) }) },
  "payouts-schedule": {
    everySeconds: 3600,
    run: async () => {
      const today = new Date().toISOString().slice(0, 10);
      const batches = await withSystem("payouts.schedule", (tx) => createScheduledBatches(tx, today));
      return { batches };
    },
  },
  "alerts-evaluate": { everySeconds: 900, run: async () => ({ ...(await runAlertEvaluation()) }) },
  "alerts-digest": { everySeconds: 86_400, run: async () => ({ ...(await runAlertDigests()) }) },
  "status-reminders": { everySeconds: 3600, run: async () => ({ ...(await runStatusReminders()) }) },
  "task-rollover": { everySeconds: 3600, run: async () => ({ ...(await runTaskRollover()) }) },
  // Course content of content/training: a changed course becomes a new version; a rerun writes nothing.
  "training-sync": {
    everySeconds: 3600,
    run: async () => ({ ...(await withSystem("training.sync", (tx) => syncTrainingContent(tx, storage()))) }),
  },
  "partner-health": { everySeconds: 3600, run: async () => ({ ...(await runPartnerHealth()) }) },
  "prune-rate-limits": {
    everySeconds: 3600,
    run: async () => {
      await withSystem("cron.prune-rate-limits", async (tx) => {
        await pruneRateLimits(tx);
        // Run records older than two weeks have served their purpose.
        await tx.delete(jobRuns).where(lt(jobRuns.startedAt, new Date(Date.now() - 14 * 86_400_000)));
      });
      return {};
    },
  },
} satisfies Record<string, { everySeconds: number; run: JobFn }>;

export type JobName = keyof typeof JOBS;

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name);
}

/** Runs a job and records the run (start, end, outcome) in `job_runs`. */
export async function runJob(name: JobName): Promise<{ status: "succeeded" | "failed"; detail: Record<string, unknown> }> {
  const conn = await getConnection();
  const [run] = await withSystem(`cron.${name}`, (tx) => tx.insert(jobRuns).values({ job: name }).returning({ id: jobRuns.id }), conn);
  let status: "succeeded" | "failed" = "succeeded";
  let detail: Record<string, unknown>;
  try {
    detail = await JOBS[name].run();
  } catch (error) {
    status = "failed";
    detail = { error: error instanceof Error ? error.message : String(error) };
  }
  await withSystem(
    `cron.${name}`,
    (tx) => tx.update(jobRuns).set({ status, detail, finishedAt: new Date() }).where(eq(jobRuns.id, run!.id)),
    conn,
  );
  return { status, detail };
}
