import { SESSION_TTL_SECONDS } from "./jwt";

/** Production cookies carry `Secure` and the `__Host-` prefix, which pins them to this host and path. */
export function sessionCookieName(): string {
  return process.env.NODE_ENV === "production" ? "__Host-partneros-session" : "partneros-session";
}

export function sessionCookieOptions() {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production",
    path: "/",
    maxAge: SESSION_TTL_SECONDS,
  };
}
