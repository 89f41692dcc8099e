import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import type { SessionClaims } from "@/lib/db/session";

export const SESSION_TTL_SECONDS = 60 * 60 * 24 * 7;

const claimsSchema = z.object({
  sub: z.uuid(),
  email: z.string(),
  role: z.literal("authenticated"),
  aud: z.literal("authenticated"),
  app_metadata: z.object({ role: z.string().optional(), provider: z.string().optional() }).loose(),
  session_id: z.uuid().optional(),
  iat: z.number().optional(),
  exp: z.number().optional(),
});

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

export async function signSession(
  claims: Omit<SessionClaims, "iat" | "exp">,
  secret: string,
  ttlSeconds = SESSION_TTL_SECONDS,
): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** Verified claims, or null for anything forged, expired or malformed. */
export async function verifySession(token: string, secret: string): Promise<SessionClaims | null> {
  try {
    const { payload } = await jwtVerify(token, key(secret), { algorithms: ["HS256"], audience: "authenticated" });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? (parsed.data as SessionClaims) : null;
  } catch {
    return null;
  }
}
