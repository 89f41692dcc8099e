import type { SessionClaims } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import { sessionCookieName, sessionCookieOptions } from "../cookie";
import { signSession, verifySession } from "../jwt";
import type { AuthContext, AuthPort, CookieJar } from "../port";
import { fail, type AuthResult } from "../result";
import { acceptInvitation, requestPasswordReset, resendVerification, resetPassword, signUp, verifyEmail } from "./local-accounts";
import { changePassword, logIn } from "./local-login";

/**
 * The local adapter: argon2id hashes in `auth.users`, our own verification and reset tokens, and an HS256 cookie
 * naming the server-side session record.
 */
export function createLocalAuth(secret: () => string = () => serverEnv().SESSION_SECRET): AuthPort {
  const setCookie = async (jar: CookieJar, claims: Omit<SessionClaims, "iat" | "exp">) =>
    jar.set(sessionCookieName(), await signSession(claims, secret()), sessionCookieOptions());
  const landed = async <T extends { claims: Omit<SessionClaims, "iat" | "exp">; home: string }>(ctx: AuthContext, result: AuthResult<T>) => {
    if (!result.ok) return result;
    await setCookie(ctx.cookies, result.value.claims);
    return { ok: true as const, value: { home: result.value.home } };
  };

  return {
    provider: "local",
    signUp: (input, ctx) => signUp(ctx.conn, input, ctx),
    resendVerification: (email, ctx) => resendVerification(ctx.conn, email, ctx),
    verifyEmail: (token, ctx) => verifyEmail(ctx.conn, token),
    signIn: async (input, ctx) => landed(ctx, await logIn(ctx.conn, input, ctx)),
    async signOut(_scope, ctx) {
      ctx.cookies.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
    },
    requestReset: (email, ctx) => requestPasswordReset(ctx.conn, email, ctx),
    canReset: async (token) => Boolean(token),
    async resetPassword({ token, password }, ctx) {
      if (!token) return fail(400, "This reset link is incomplete", { errors: { token: ["Open the link from the email again, or request a new one."] } });
      const result = await resetPassword(ctx.conn, { token, password }, new Date(), ctx);
      if (!result.ok || !result.value) return result.ok ? { ok: true, value: null } : result;
      await setCookie(ctx.cookies, result.value.claims);
      return { ok: true, value: { home: result.value.home } };
    },
    async changePassword(user, input, ctx) {
      // Every session ends with the change, this one too; the new cookie replaces it.
      const result = await changePassword(ctx.conn, user.id, input, ctx);
      if (!result.ok) return result;
      await setCookie(ctx.cookies, result.value.claims);
      return { ok: true, value: null };
    },
    acceptInvite: async (input, ctx) => landed(ctx, await acceptInvitation(ctx.conn, input, new Date(), ctx)),
    async claims(jar) {
      const token = jar.get(sessionCookieName());
      return token ? verifySession(token, secret()) : null;
    },
    // Local emails link to our own routes; nothing arrives at the provider callback.
    callback: async () => null,
    refreshSession: async () => {},
    emailHook: async () => fail(404, "Not found"),
  };
}
