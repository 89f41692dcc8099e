import { z } from "zod";

/** The two realtime adapters: Postgres LISTEN/NOTIFY fanned out by this server as SSE, or Supabase Realtime. */
export type RealtimeAdapterName = "listen" | "supabase";

export interface SupabaseRealtimeSettings {
  /** The Supabase project URL the browser connects to (its realtime endpoint is `<url>/realtime/v1`). */
  url: string;
  /** The publishable (anon) key Supabase Realtime requires as `apikey`. */
  key: string;
  /** The project's JWT secret: signs the short-lived access token a browser joins its channels with. */
  jwtSecret: string;
}

export type RealtimeConfig = { adapter: "listen" } | { adapter: "supabase"; supabase: SupabaseRealtimeSettings };

type Env = Record<string, string | undefined>;

const adapterSchema = z.enum(["listen", "supabase"], { error: "REALTIME_ADAPTER must be listen or supabase" });
const supabaseSchema = z.object({
  url: z.url({ error: "SUPABASE_REALTIME_URL (or NEXT_PUBLIC_SUPABASE_URL) must be the project URL" }),
  key: z.string({ error: "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is required for Supabase Realtime" }).min(1),
  jwtSecret: z
    .string({ error: "SUPABASE_JWT_SECRET is required for Supabase Realtime (it signs the channel access token)" })
    .min(32, "SUPABASE_JWT_SECRET must be at least 32 characters"),
});

/**
 * The realtime configuration from the environment; throws with the offending variable when it is
 * incomplete. `REALTIME_ADAPTER` unset means the local LISTEN/NOTIFY adapter.
 */
export function readRealtimeConfig(env: Env = process.env): RealtimeConfig {
  const adapter = adapterSchema.parse(env.REALTIME_ADAPTER?.trim() || "listen");
  if (adapter === "listen") return { adapter };
  const parsed = supabaseSchema.safeParse({
    url: env.SUPABASE_REALTIME_URL || env.NEXT_PUBLIC_SUPABASE_URL,
    key: env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY || undefined,
    jwtSecret: env.SUPABASE_JWT_SECRET || undefined,
  });
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
  return { adapter, supabase: { ...parsed.data, url: parsed.data.url.replace(/\/+$/, "") } };
}

/**
 * Why DATABASE_URL cannot hold a LISTEN, or null. A transaction-mode pooler (Supabase's port 6543,
 * PgBouncer, `DATABASE_PREPARE=false`) hands each transaction another server connection, so a LISTEN
 * never hears a NOTIFY and live updates would silently stop.
 */
export function transactionPoolerReason(env: Env = process.env): string | null {
  if (env.DATABASE_PREPARE === "false") return "DATABASE_PREPARE=false says the database is reached through a transaction pooler";
  if (!env.DATABASE_URL) return null;
  let url: URL;
  try {
    url = new URL(env.DATABASE_URL);
  } catch {
    return null;
  }
  if (url.port === "6543") return "DATABASE_URL uses port 6543 (Supabase's transaction pooler)";
  if (url.searchParams.get("pgbouncer") === "true") return "DATABASE_URL says pgbouncer=true";
  if (/pooler/i.test(url.hostname) && url.port !== "5432") return `DATABASE_URL points at a pooler host (${url.hostname}) in transaction mode`;
  return null;
}

/** A configuration realtime cannot work with, as one message for the operator, or null. */
export function realtimeConfigProblem(env: Env = process.env): string | null {
  let config: RealtimeConfig;
  try {
    config = readRealtimeConfig(env);
  } catch (error) {
    return `Realtime is misconfigured: ${(error as Error).message}.`;
  }
  if (config.adapter === "listen") {
    const reason = transactionPoolerReason(env);
    if (reason)
      return (
        `Live updates cannot work: ${reason}, and the local realtime adapter needs LISTEN on a session connection. ` +
        "Either use a direct or session-mode connection (Supabase port 5432), or set REALTIME_ADAPTER=supabase with " +
        "SUPABASE_JWT_SECRET and the Supabase URL and publishable key."
      );
  }
  return null;
}

// On globalThis: instrumentation and the route bundles are separate module instances of one process.
const chosen = globalThis as typeof globalThis & { __partnerosRealtimeConfig?: RealtimeConfig };

/** The adapter of this process, chosen once from the environment (at start, by instrumentation.ts). */
export function realtimeConfig(): RealtimeConfig {
  return (chosen.__partnerosRealtimeConfig ??= readRealtimeConfig());
}

/** Tests switch adapters between suites; the app never calls this. */
export function resetRealtimeConfig(): void {
  delete chosen.__partnerosRealtimeConfig;
}
