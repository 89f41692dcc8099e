import "server-only";
import { serverEnv } from "@/lib/env";

/** Origins allowed to post referrals from the browser: this app and REFERRAL_CORS_ORIGINS (comma-separated). */
export function allowedOrigins(): Set<string> {
  const configured = (process.env.REFERRAL_CORS_ORIGINS ?? "")
    .split(",")
    .map((o) => o.trim())
    .filter(Boolean)
    .flatMap((o) => {
      try {
        return [new URL(o).origin];
      } catch {
        return [];
      }
    });
  return new Set([new URL(serverEnv().APP_URL).origin, ...configured]);
}

/** CORS headers for an allowed Origin; none for others (the browser then refuses the response). */
export function corsHeaders(origin: string | null): Record<string, string> {
  if (!origin || !allowedOrigins().has(origin)) return {};
  return {
    "Access-Control-Allow-Origin": origin,
    "Access-Control-Allow-Credentials": "true",
    "Access-Control-Allow-Methods": "POST, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type",
    "Access-Control-Max-Age": "600",
    Vary: "Origin",
  };
}
