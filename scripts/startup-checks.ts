import { ConfigurationError, readAuthConfig } from "../lib/auth/config";
import { realtimeConfigProblem } from "../lib/realtime/config";

function authConfigProblem(env: NodeJS.ProcessEnv): string | null {
  try {
    readAuthConfig(env);
    return null;
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message;
    throw error;
  }
}

/**
 * Refuses to start with a configuration that cannot work (half a Supabase setup, live updates through a
 * transaction pooler), with a message that says what to change: better a failed start than sign-ins or live
 * updates that silently never work. The app checks the same at boot (instrumentation.ts) for hosts that start
 * it their own way.
 */
export function refuseUnworkableConfig(env: NodeJS.ProcessEnv = process.env): void {
  const problems = [authConfigProblem(env), realtimeConfigProblem(env)].filter((p): p is string => p !== null);
  if (!problems.length) return;
  for (const p of problems) console.error(`\nPartnerOS cannot start: ${p}\n`);
  process.exit(1);
}
