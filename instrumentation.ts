export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A configuration that cannot work stops the start with the variable to fix, instead of failing per request.
  const { assertStartupConfig } = await import("@/lib/startup-config");
  assertStartupConfig();
  // Hosts that run `next start` or a platform of their own get the same refusal as `npm start`.
  const { realtimeConfig, realtimeConfigProblem } = await import("@/lib/realtime/config");
  const problem = realtimeConfigProblem();
  if (problem) throw new Error(`PartnerOS cannot start: ${problem}`);
  // The realtime adapter is chosen here, once, for the life of the process.
  realtimeConfig();
  // Clicks a previous process of this host spooled while the database was unreachable.
  const { recoverClickSpool } = await import("@/lib/referrals/click-queue");
  void recoverClickSpool();
  if (process.env.PARTNEROS_SCHEDULER === "off") return;
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
