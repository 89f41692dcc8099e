import type { SupabaseClient } from "@supabase/supabase-js";
import { eq } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { profiles } from "@/lib/db/schema";
import { withSystem } from "@/lib/db/session";
import { createPartnerAccount, fail, type AuthResult } from "./local-auth";
import { hitLimit, LOGIN_FAILURES, peekLimit, RESET_REQUESTS, SIGNUPS } from "./rate-limit";
import { ROLE_HOME } from "./roles";

interface Ctx {
  ip: string;
  appUrl: string;
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
  // Supabase answers a repeated sign-up with a user that has no identities, to hide which emails exist.
  if (!data.user || data.user.identities?.length === 0) {
    return fail(409, "This email is already registered", { errors: { email: ["An account with this email already exists. Sign in or reset your password."] } });
  }
  await withSystem("auth.signup", (tx) => createPartnerAccount(tx, data.user!.id, input), conn);
  return { ok: true, value: { next: `/check-email?email=${encodeURIComponent(input.email)}` } };
}

export async function supabaseLogIn(
  conn: Connection,
  supabase: SupabaseClient,
  input: { email: string; password: string },
  ctx: { ip: string },
): Promise<AuthResult<{ home: string }>> {
  const blocked = await withSystem("auth.login", (tx) => peekLimit(tx, LOGIN_FAILURES, ctx.ip), conn);
  if (blocked.limited) {
    return fail(429, "Too many failed sign-in attempts", { detail: `Wait ${blocked.retryAfterSeconds} seconds, then try again.`, retryAfterSeconds: blocked.retryAfterSeconds });
  }
  const { data, error } = await supabase.auth.signInWithPassword(input);
  if (error?.code === "email_not_confirmed") {
    return fail(403, "Confirm your email first", { code: "email_unverified", detail: "Open the confirmation link we sent you, then sign in." });
  }
  if (error || !data.user) {
    await withSystem("auth.login", (tx) => hitLimit(tx, LOGIN_FAILURES, ctx.ip), conn);
    return fail(401, "Email or password is incorrect", { errors: { password: ["Email or password is incorrect"] } });
  }
  const [profile] = await withSystem("auth.login", (tx) => tx.select({ role: profiles.role, deactivatedAt: profiles.deactivatedAt }).from(profiles).where(eq(profiles.id, data.user.id)), conn);
  if (!profile || profile.deactivatedAt) {
    await supabase.auth.signOut();
    return fail(403, "This account has no access to PartnerOS", { detail: "Ask your workspace admin for an invitation." });
  }
  return { ok: true, value: { home: ROLE_HOME[profile.role] } };
}

export async function supabaseRequestReset(conn: Connection, supabase: SupabaseClient, email: string, ctx: Ctx): Promise<AuthResult<null>> {
  const limit = await withSystem("auth.reset-request", (tx) => hitLimit(tx, RESET_REQUESTS, ctx.ip), conn);
  if (limit.limited) return fail(429, "Too many reset requests", { retryAfterSeconds: limit.retryAfterSeconds });
  // The answer is the same whether or not the account exists.
  await supabase.auth.resetPasswordForEmail(email, { redirectTo: `${ctx.appUrl}/auth/callback?next=/reset-password` });
  return { ok: true, value: null };
}

/** After the reset link's code exchange the user holds a recovery session; the new password applies to it. */
export async function supabaseSetPassword(supabase: SupabaseClient, password: string): Promise<AuthResult<null>> {
  const { error } = await supabase.auth.updateUser({ password });
  if (error) return fail(400, "This reset link has expired or was already used", { errors: { token: ["Request a new reset link."] } });
  return { ok: true, value: null };
}

export async function supabaseChangePassword(
  supabase: SupabaseClient,
  email: string,
  input: { currentPassword: string; newPassword: string },
): Promise<AuthResult<null>> {
  const check = await supabase.auth.signInWithPassword({ email, password: input.currentPassword });
  if (check.error) return fail(400, "Current password is incorrect", { errors: { currentPassword: ["Current password is incorrect"] } });
  return supabaseSetPassword(supabase, input.newPassword);
}
