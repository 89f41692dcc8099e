import "server-only";
import { createServerClient } from "@supabase/ssr";
import { cookies } from "next/headers";
import WebSocket from "ws";
import type { SessionClaims } from "@/lib/db/session";

/** A request-scoped Supabase client over the request's cookies (never a module-level singleton). */
export async function supabaseServerClient() {
  const url = process.env.NEXT_PUBLIC_SUPABASE_URL;
  const key = process.env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY;
  if (!url || !key) throw new Error("NEXT_PUBLIC_SUPABASE_URL and NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY must both be set");
  const store = await cookies();
  return createServerClient(url, key, {
    // Node 20 has no global WebSocket, which supabase-js's realtime client needs at construction.
    realtime: { transport: WebSocket as never },
    cookies: {
      getAll: () => store.getAll(),
      setAll: (toSet) => {
        try {
          for (const { name, value, options } of toSet) store.set(name, value, options);
        } catch {
          // Server components cannot set cookies; the proxy refreshes the session instead.
        }
      },
    },
  });
}

/** Claims verified by Supabase Auth (`getClaims` checks the JWT signature against the project's keys). */
export async function getSupabaseClaims(): Promise<SessionClaims | null> {
  const supabase = await supabaseServerClient();
  const { data, error } = await supabase.auth.getClaims();
  if (error || !data?.claims?.sub) return null;
  const c = data.claims;
  return {
    sub: c.sub,
    email: typeof c.email === "string" ? c.email : "",
    role: "authenticated",
    aud: "authenticated",
    app_metadata: { provider: typeof c.app_metadata?.provider === "string" ? c.app_metadata.provider : "email" },
    session_id: typeof c.session_id === "string" ? c.session_id : undefined,
    iat: typeof c.iat === "number" ? c.iat : undefined,
    exp: typeof c.exp === "number" ? c.exp : undefined,
  };
}
