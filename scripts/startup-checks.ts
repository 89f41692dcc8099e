import { realtimeConfigProblem } from "../lib/realtime/config";

/**
 * Refuses to start with a configuration that cannot work, with a message that says what to change:
 * better a failed start than live updates that silently never arrive.
 */
export function refuseUnworkableConfig(env: NodeJS.ProcessEnv = process.env): void {
  const problems = [realtimeConfigProblem(env)].filter((p): p is string => p !== null);
  if (!problems.length) return;
  for (const p of problems) console.error(`\nPartnerOS cannot start: ${p}\n`);
  process.exit(1);
}
