export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // A configuration that cannot work stops the start with the variable to fix, instead of failing per request.
  const { assertStartupConfig } = await import("@/lib/startup-config");
  assertStartupConfig();
  // Clicks a previous process of this host spooled while the database was unreachable.
  const { recoverClickSpool } = await import("@/lib/referrals/click-queue");
  void recoverClickSpool();
  if (process.env.PARTNEROS_SCHEDULER === "off") return;
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
