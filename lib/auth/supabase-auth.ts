import type { Session, SupabaseClient } from "@supabase/supabase-js";
import { eq } from "drizzle-orm";
import { decodeJwt } from "jose";
import type { Connection } from "@/lib/db/connection";
import { profiles } from "@/lib/db/schema";
import { withSystem } from "@/lib/db/session";
import { createPartnerAccount, fail, notifyExistingAccount, type AuthResult } from "./local-auth";
import { clearAccountBackoff, hitLimit, LOGIN_FAILURES, peekAccountBackoff, peekLimit, recordAccountFailure, RESET_REQUESTS, SIGNUPS } from "./rate-limit";
import { revokeUserSessions, startSession, type SessionMeta } from "./sessions";
import { ROLE_HOME } from "./roles";

interface Ctx {
  ip: string;
  appUrl: string;
}

/**
 * Records a Supabase session (its `session_id` claim) as live, so the per-request check and our revocations
 * apply to Supabase sessions too. Supabase keeps the id across token refreshes; its refresh tokens govern the lifetime.
 */
export async function registerSupabaseSession(conn: Connection, session: Session | null, meta: SessionMeta): Promise<string | null> {
  if (!session) return null;
  const claims = decodeJwt(session.access_token);
  if (typeof claims.session_id !== "string" || typeof claims.sub !== "string") return null;
  const sessionId = claims.session_id;
  const userId = claims.sub;
  return withSystem("auth.session-start", (tx) => startSession(tx, userId, meta, { id: sessionId, ttlSeconds: null }), conn);
}

/**
 * The Supabase Auth adapter: Supabase owns passwords, confirmation and reset emails and the session
 * cookies (through @supabase/ssr); PartnerOS keeps profiles, roles and the same Postgres rate limits.
 */
export async function supabaseSignUp(
  conn: Connection,
  supabase: SupabaseClient,
  input: { displayName: string; companyName: string; email: string; password: string },
  ctx: Ctx,
): Promise<AuthResult<{ next: string }>> {
  const limit = await withSystem("auth.signup", (tx) => hitLimit(tx, SIGNUPS, ctx.ip), conn);
  if (limit.limited) return fail(429, "Too many sign-ups from this network", { retryAfterSeconds: limit.retryAfterSeconds });
  const { data, error } = await supabase.auth.signUp({
    email: input.email,
    password: input.password,
    options: { emailRedirectTo: `${ctx.appUrl}/auth/callback`, data: { display_name: input.displayName } },
  });
  if (error) return fail(error.status === 422 ? 422 : 400, "Sign-up failed", { errors: { email: [error.message] } });
  const next = `/check-email?email=${encodeURIComponent(input.email)}`;
  // Supabase answers a repeated sign-up with a user that has no identities, to hide which emails exist; we
  // answer it like a new sign-up too and tell the owner by email instead.
  if (!data.user || data.user.identities?.length === 0) {
    await withSystem("auth.signup", (tx) => notifyExistingAccount(tx, input.email, ctx.appUrl), conn);
    return { ok: true, value: { next } };
  }
  await withSystem("auth.signup", (tx) => createPartnerAccount(tx, data.user!.id, input), conn);
  return { ok: true, value: { next } };
}

export async function supabaseLogIn(
  conn: Connection,
  supabase: SupabaseClient,
  input: { email: string; password: string },
  ctx: SessionMeta & { ip: string },
): Promise<AuthResult<{ home: string }>> {
  const blocked = await withSystem(
    "auth.login",
    async (tx) => {
      const address = await peekLimit(tx, LOGIN_FAILURES, ctx.ip);
      return address.limited ? address : peekAccountBackoff(tx, input.email);
    },
    conn,
  );
  if (blocked.limited) {
    return fail(429, "Too many failed sign-in attempts", { detail: `Wait ${blocked.retryAfterSeconds} seconds, then try again.`, retryAfterSeconds: blocked.retryAfterSeconds });
  }
  const { data, error } = await supabase.auth.signInWithPassword(input);
  if (error?.code === "email_not_confirmed") {
    return fail(403, "Confirm your email first", { code: "email_unverified", detail: "Open the confirmation link we sent you, then sign in." });
  }
  if (error || !data.user) {
    await withSystem("auth.login", async (tx) => {
      await hitLimit(tx, LOGIN_FAILURES, ctx.ip);
      await recordAccountFailure(tx, input.email);
    }, conn);
    return fail(401, "Email or password is incorrect", { errors: { password: ["Email or password is incorrect"] } });
  }
  const [profile] = await withSystem("auth.login", (tx) => tx.select({ role: profiles.role, deactivatedAt: profiles.deactivatedAt }).from(profiles).where(eq(profiles.id, data.user.id)), conn);
  if (!profile || profile.deactivatedAt) {
    await supabase.auth.signOut();
    return fail(403, "This account has no access to PartnerOS", { detail: "Ask your workspace admin for an invitation." });
  }
  await withSystem("auth.login", (tx) => clearAccountBackoff(tx, input.email), conn);
  await registerSupabaseSession(conn, data.session, ctx);
  return { ok: true, value: { home: ROLE_HOME[profile.role] } };
}

export async function supabaseRequestReset(conn: Connection, supabase: SupabaseClient, email: string, ctx: Ctx): Promise<AuthResult<null>> {
  const limit = await withSystem("auth.reset-request", (tx) => hitLimit(tx, RESET_REQUESTS, ctx.ip), conn);
  if (limit.limited) return fail(429, "Too many reset requests", { retryAfterSeconds: limit.retryAfterSeconds });
  // The answer is the same whether or not the account exists.
  await supabase.auth.resetPasswordForEmail(email, { redirectTo: `${ctx.appUrl}/auth/callback?next=/reset-password` });
  return { ok: true, value: null };
}

/**
 * After the reset link's code exchange the user holds a recovery session; the new password applies to it.
 * That session (it proved the mailbox) stays and every other one ends, ours and Supabase's refresh tokens;
 * the sign-in delay is lifted.
 */
export async function supabaseSetPassword(conn: Connection, supabase: SupabaseClient, password: string, meta: SessionMeta = {}): Promise<AuthResult<null>> {
  const { data, error } = await supabase.auth.updateUser({ password });
  if (error || !data.user) return fail(400, "This reset link has expired or was already used", { errors: { token: ["Request a new reset link."] } });
  const user = data.user;
  const keep = await registerSupabaseSession(conn, (await supabase.auth.getSession()).data.session, meta);
  await withSystem("auth.reset", async (tx) => {
    await revokeUserSessions(tx, user.id, keep ?? undefined);
    if (user.email) await clearAccountBackoff(tx, user.email);
  }, conn);
  await supabase.auth.signOut({ scope: "others" });
  return { ok: true, value: null };
}

/** Re-checks the current password (a fresh Supabase session), sets the new one, and ends every other session. */
export async function supabaseChangePassword(
  conn: Connection,
  supabase: SupabaseClient,
  user: { id: string; email: string },
  input: { currentPassword: string; newPassword: string },
  meta: SessionMeta = {},
): Promise<AuthResult<null>> {
  const check = await supabase.auth.signInWithPassword({ email: user.email, password: input.currentPassword });
  if (check.error) return fail(400, "Current password is incorrect", { errors: { currentPassword: ["Current password is incorrect"] } });
  const { error } = await supabase.auth.updateUser({ password: input.newPassword });
  if (error) return fail(400, "The password could not be changed", { errors: { newPassword: [error.message] } });
  const keep = await registerSupabaseSession(conn, check.data.session, meta);
  await withSystem("auth.password-change", (tx) => revokeUserSessions(tx, user.id, keep ?? undefined), conn);
  return { ok: true, value: null };
}
