import "server-only";
import { sql } from "drizzle-orm";
import { SignJWT } from "jose";
import { rows, withSession, type SessionClaims } from "@/lib/db/session";
import { realtimeConfig } from "./config";
import type { RealtimeSession } from "./port";

/** How long a browser's channel token lives; the client fetches a new session before it ends. */
export const REALTIME_TOKEN_SECONDS = 60 * 60;

/**
 * What the signed-in user's browser needs to subscribe with the configured adapter. For Supabase
 * Realtime: the topics the database lets the user join, and a short-lived JWT with the user's claims
 * (signed with the project's JWT secret), so Supabase runs the channel authorisation (RLS on
 * realtime.messages → private.realtime_may_join) as this user.
 */
export async function realtimeSessionFor(viewer: { claims: SessionClaims }): Promise<RealtimeSession> {
  const config = realtimeConfig();
  if (config.adapter === "listen") return { adapter: "listen" };
  const [found] = await withSession({ claims: viewer.claims }, (tx) =>
    rows<{ topics: string[] | null }>(tx, sql`select private.realtime_my_topics() as topics`),
  );
  const issuedAt = Math.floor(Date.now() / 1000);
  const expiresAt = issuedAt + REALTIME_TOKEN_SECONDS;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { iat, exp, ...claims } = viewer.claims;
  const accessToken = await new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(viewer.claims.sub)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(config.supabase.jwtSecret));
  return {
    adapter: "supabase",
    url: config.supabase.url,
    key: config.supabase.key,
    accessToken,
    expiresAt: expiresAt * 1000,
    topics: found?.topics ?? [],
  };
}
