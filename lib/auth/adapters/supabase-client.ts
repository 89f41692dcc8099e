import { createServerClient } from "@supabase/ssr";
import { createClient, type SupabaseClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { sessionCookieName } from "../cookie";
import type { CookieJar } from "../port";

// Supabase clients for the auth adapter and the proxy: nothing here touches the database.

export interface SupabaseAuthConfig {
  url: string;
  publishableKey: string;
  serviceRoleKey: string;
  hookSecret: string | null;
}

// Node 20 has no global WebSocket, which supabase-js's realtime client needs at construction.
const realtime = { transport: WebSocket as never };

/**
 * A request-scoped client over the request's cookies (never a module-level singleton). The session cookie is
 * ours: our name, HttpOnly (no browser code reads it), Secure in production.
 */
export function supabaseRequestClient(config: SupabaseAuthConfig, jar: CookieJar): SupabaseClient {
  return createServerClient(config.url, config.publishableKey, {
    realtime,
    cookieOptions: { name: sessionCookieName(), httpOnly: true, sameSite: "lax", secure: process.env.NODE_ENV === "production", path: "/" },
    cookies: {
      getAll: () => jar.getAll(),
      setAll: (toSet) => {
        for (const { name, value, options } of toSet) jar.set(name, value, options);
      },
    },
  });
}

/** The service-role client for `auth.admin` (server-side only; never sees a request's cookies). */
export function supabaseAdminClient(config: SupabaseAuthConfig): SupabaseClient {
  return createClient(config.url, config.serviceRoleKey, { realtime, auth: { persistSession: false, autoRefreshToken: false } });
}

/** A jar that keeps what it is given and forgets it afterwards: for a session that must not reach the browser. */
export function throwawayJar(): CookieJar {
  const store = new Map<string, string>();
  return {
    get: (name) => store.get(name),
    getAll: () => [...store].map(([name, value]) => ({ name, value })),
    set: (name, value, options) => (options.maxAge === 0 ? store.delete(name) : store.set(name, value)),
  };
}

/** Refreshes an expiring access token through its refresh token and writes the new cookies (the proxy's hook). */
export async function refreshSupabaseSession(config: SupabaseAuthConfig, jar: CookieJar): Promise<void> {
  await supabaseRequestClient(config, jar).auth.getClaims();
}
