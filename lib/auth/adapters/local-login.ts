import { eq, sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { profiles } from "@/lib/db/schema";
import { rows, withSystem, type SessionClaims } from "@/lib/db/session";
import { findUserByEmail } from "../accounts";
import { fail, type AuthResult } from "../result";
import { claimsFor, type SignedIn } from "./local-accounts";
import { hashPassword, verifyPassword } from "../password";
import { clearAccountBackoff, hitLimit, LOGIN_FAILURES, peekAccountBackoff, peekLimit, recordAccountFailure } from "../rate-limit";
import { ROLE_HOME } from "../roles";
import { revokeUserSessions, startSession, type SessionMeta } from "../sessions";

// The local adapter's sign-in and password change: both end in a server-side session record.

const tooManyFailures = (retryAfterSeconds: number) =>
  fail(429, "Too many failed sign-in attempts", { detail: `Wait ${retryAfterSeconds} seconds, then try again.`, retryAfterSeconds });

/**
 * Failed attempts are limited per address and, across addresses, per email with a growing delay. Neither
 * limit is a lock: once the delay has passed the right password signs in again, and a reset link clears it.
 */
export async function logIn(
  conn: Connection,
  input: { email: string; password: string },
  ctx: { ip: string; userAgent?: string | null; now?: Date },
): Promise<AuthResult<SignedIn>> {
  const now = ctx.now ?? new Date();
  const blocked = await withSystem(
    "auth.login",
    async (tx) => {
      const address = await peekLimit(tx, LOGIN_FAILURES, ctx.ip, now);
      return address.limited ? address : peekAccountBackoff(tx, input.email, now);
    },
    conn,
  );
  if (blocked.limited) return tooManyFailures(blocked.retryAfterSeconds);
  const user = await withSystem("auth.login", (tx) => findUserByEmail(tx, input.email), conn);
  const valid = await verifyPassword(user?.encrypted_password, input.password);
  return withSystem(
    "auth.login",
    async (tx): Promise<AuthResult<SignedIn>> => {
      const [profile] = valid && user
        ? await tx.select({ role: profiles.role, deactivatedAt: profiles.deactivatedAt }).from(profiles).where(eq(profiles.id, user.id))
        : [];
      if (!valid || !user || !profile) {
        await hitLimit(tx, LOGIN_FAILURES, ctx.ip, now);
        await recordAccountFailure(tx, input.email, now);
        return fail(401, "Email or password is incorrect", { errors: { password: ["Email or password is incorrect"] } });
      }
      if (profile.deactivatedAt) return fail(403, "This account has been deactivated", { detail: "Ask your workspace admin to restore access." });
      if (!user.email_confirmed_at) {
        return fail(403, "Confirm your email first", {
          code: "email_unverified",
          detail: "We sent you a confirmation link. Open it, then sign in. Need a new link? Use “Resend confirmation email”.",
        });
      }
      await clearAccountBackoff(tx, input.email);
      await tx.execute(sql`update auth.users set last_sign_in_at = ${now.toISOString()} where id = ${user.id}`);
      const sessionId = await startSession(tx, user.id, ctx);
      return {
        ok: true,
        value: { claims: claimsFor({ id: user.id, email: user.email, role: profile.role }, sessionId), home: ROLE_HOME[profile.role] },
      };
    },
    conn,
  );
}

/**
 * Changes the password and ends every session, the caller's too: a cookie copied from this browser must not
 * outlive the change. The caller gets a fresh session in its place.
 */
export async function changePassword(
  conn: Connection,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  meta: SessionMeta = {},
): Promise<AuthResult<{ claims: Omit<SessionClaims, "iat" | "exp"> }>> {
  const current = await withSystem("auth.password-change", async (tx) => {
    const [row] = await rows<{ encrypted_password: string | null }>(tx, sql`select encrypted_password from auth.users where id = ${userId}`);
    return row?.encrypted_password;
  }, conn);
  if (!(await verifyPassword(current, input.currentPassword))) {
    return fail(400, "Current password is incorrect", { errors: { currentPassword: ["Current password is incorrect"] } });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return withSystem(
    "auth.password-change",
    async (tx) => {
      await tx.execute(sql`update auth.users set encrypted_password = ${passwordHash}, updated_at = now() where id = ${userId}`);
      await revokeUserSessions(tx, userId);
      const [profile] = await tx.select({ email: profiles.email, role: profiles.role }).from(profiles).where(eq(profiles.id, userId));
      const sessionId = await startSession(tx, userId, meta);
      return { ok: true as const, value: { claims: claimsFor({ id: userId, email: profile!.email, role: profile!.role }, sessionId) } };
    },
    conn,
  );
}
