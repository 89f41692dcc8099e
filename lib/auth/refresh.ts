import { refreshSupabaseSession } from "./adapters/supabase-client";
import { authConfig } from "./config";
import type { CookieJar } from "./port";

/**
 * The port's cookie refresh hook for the proxy, which must stay free of the database: the same configuration
 * chooses it as `auth()`, and the Supabase adapter's `refreshSession` is this function.
 */
export async function refreshSessionCookies(jar: CookieJar): Promise<void> {
  const config = authConfig();
  if (config.provider === "supabase") await refreshSupabaseSession(config, jar);
}
