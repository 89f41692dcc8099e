export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.PARTNEROS_SCHEDULER === "off") return;
  const { startScheduler } = await import("@/lib/jobs/scheduler");
  startScheduler();
}
