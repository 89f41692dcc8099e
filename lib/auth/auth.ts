import "server-only";
import { cookies } from "next/headers";
import { createLocalAuth } from "./adapters/local";
import { createSupabaseAuth } from "./adapters/supabase";
import { authConfig } from "./config";
import type { AuthPort, CookieJar } from "./port";

let port: AuthPort | undefined;

/** The auth adapter of this instance, chosen once from configuration (`lib/auth/config.ts`). */
export function auth(): AuthPort {
  if (port) return port;
  const config = authConfig();
  port = config.provider === "supabase" ? createSupabaseAuth({ config }) : createLocalAuth();
  return port;
}

/** The request's cookies through next/headers. Server components cannot set cookies: the proxy refreshes them instead. */
export async function requestCookies(): Promise<CookieJar> {
  const store = await cookies();
  return {
    get: (name) => store.get(name)?.value,
    getAll: () => store.getAll(),
    set: (name, value, options) => {
      try {
        store.set(name, value, options);
      } catch {
        // Rendering a server component: read-only cookies.
      }
    },
  };
}
