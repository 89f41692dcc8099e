import type { EmailOtpType, Session, SupabaseClient } from "@supabase/supabase-js";
import { eq, sql } from "drizzle-orm";
import { decodeJwt } from "jose";
import { z } from "zod";
import type { Connection } from "@/lib/db/connection";
import { profiles } from "@/lib/db/schema";
import { withSystem, type SessionClaims } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { resetPasswordContent, verifyEmailContent } from "@/lib/email/templates";
import { accountExists, claimInvitation, createPartnerAccount, joinFromInvitation, notifyExistingAccount } from "../accounts";
import type { AuthContext, AuthPort, CookieJar, Landing } from "../port";
import { clearAccountBackoff, hitLimit, LOGIN_FAILURES, peekAccountBackoff, peekLimit, recordAccountFailure, RESET_REQUESTS, SIGNUPS } from "../rate-limit";
import { expiredResetLink, fail, invalidInvitation, type AuthResult } from "../result";
import { ROLE_HOME } from "../roles";
import { revokeUserSessions, startSession, type SessionMeta } from "../sessions";
import { hashToken } from "../tokens";
import { verifyWebhook } from "../webhook-signature";
import { refreshSupabaseSession, supabaseAdminClient, supabaseRequestClient, throwawayJar, type SupabaseAuthConfig } from "./supabase-client";

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

async function activeRole(conn: Connection, userId: string) {
  const [profile] = await withSystem(
    "auth.login",
    (tx) => tx.select({ role: profiles.role, deactivatedAt: profiles.deactivatedAt }).from(profiles).where(eq(profiles.id, userId)),
    conn,
  );
  return profile && !profile.deactivatedAt ? profile.role : null;
}

/**
 * Payload of Supabase's Send Email Hook (https://supabase.com/docs/guides/auth/auth-hooks/send-email-hook):
 * the user and the one-time token our link carries back.
 */
const emailHookSchema = z.object({
  user: z.object({
    id: z.uuid(),
    email: z.email().max(254),
    user_metadata: z.object({ display_name: z.string().max(200).optional() }).loose().optional(),
  }).loose(),
  email_data: z.object({
    token_hash: z.string().regex(/^[A-Za-z0-9_-]{20,200}$/),
    email_action_type: z.string().max(40),
    redirect_to: z.string().max(2000).optional(),
  }).loose(),
});

export interface SupabaseAuthDeps {
  config: SupabaseAuthConfig;
  /** Builds the request's client; tests pass their own jar through the same real @supabase/ssr client. */
  client?: (jar: CookieJar) => SupabaseClient;
  admin?: () => SupabaseClient;
}

/**
 * The Supabase Auth adapter: Supabase owns passwords, confirmation, recovery and the session cookies (through
 * @supabase/ssr, verified with getClaims); PartnerOS keeps profiles, roles, invitations, the session records
 * every request checks and the same Postgres rate limits. Our emails stay ours: invitations go through the outbox
 * as in the local adapter, and with the Send Email Hook configured Supabase hands its confirmation and recovery
 * emails to the same outbox (docs/decisions/0010-auth-port.md).
 */
export function createSupabaseAuth(deps: SupabaseAuthDeps): AuthPort {
  const { config } = deps;
  const client = deps.client ?? ((jar: CookieJar) => supabaseRequestClient(config, jar));
  const admin = deps.admin ?? (() => supabaseAdminClient(config));
  const callbackUrl = (ctx: AuthContext, next: string) => `${ctx.appUrl}/auth/callback?next=${encodeURIComponent(next)}`;

  /** Records the session this browser now holds; every other one of the user's ends (ours here, Supabase's after). */
  const currentSession = async (supabase: SupabaseClient, ctx: AuthContext) =>
    registerSupabaseSession(ctx.conn, (await supabase.auth.getSession()).data.session, ctx);

  async function landingFor(supabase: SupabaseClient, conn: Connection, userId: string): Promise<Landing | null> {
    const role = await activeRole(conn, userId);
    if (role) return { home: ROLE_HOME[role] };
    await supabase.auth.signOut({ scope: "local" });
    return null;
  }

  async function hookEmail(payload: z.infer<typeof emailHookSchema>, ctx: AuthContext): Promise<AuthResult<null>> {
    const { user, email_data: data } = payload;
    const type = data.email_action_type;
    if (type !== "signup" && type !== "email" && type !== "recovery") {
      return fail(422, "This email type is not sent by PartnerOS", { detail: `Supabase asked for a "${type}" email; PartnerOS sends signup and recovery emails only.` });
    }
    await withSystem("auth.email-hook", async (tx) => {
      if (type === "recovery") {
        await enqueueEmail(tx, {
          to: user.email,
          template: "reset-password",
          idempotencyKey: `reset-password:${hashToken(data.token_hash)}`,
          ...resetPasswordContent(`${ctx.appUrl}/reset-password?token=${encodeURIComponent(data.token_hash)}`),
        });
        return;
      }
      const [profile] = await tx.select({ name: profiles.displayName }).from(profiles).where(eq(profiles.id, user.id));
      await enqueueEmail(tx, {
        to: user.email,
        template: "verify-email",
        idempotencyKey: `verify-email:${hashToken(data.token_hash)}`,
        ...verifyEmailContent(profile?.name ?? user.user_metadata?.display_name ?? user.email, `${ctx.appUrl}/api/auth/verify?token=${encodeURIComponent(data.token_hash)}`),
      });
    }, ctx.conn);
    return { ok: true, value: null };
  }

  return {
    provider: "supabase",

    async signUp(input, ctx) {
      const limit = await withSystem("auth.signup", (tx) => hitLimit(tx, SIGNUPS, ctx.ip), ctx.conn);
      if (limit.limited) return fail(429, "Too many sign-ups from this network", { detail: `Try again in ${limit.retryAfterSeconds} seconds.`, retryAfterSeconds: limit.retryAfterSeconds });
      const { data, error } = await client(ctx.cookies).auth.signUp({
        email: input.email,
        password: input.password,
        options: { emailRedirectTo: callbackUrl(ctx, "/"), data: { display_name: input.displayName } },
      });
      if (error) return fail(error.status === 422 ? 422 : 400, "Sign-up failed", { errors: { email: [error.message] } });
      // Supabase answers a repeated sign-up with a user that has no identities, to hide which emails exist; we
      // answer it like a new sign-up too and tell the owner by email instead.
      if (!data.user || data.user.identities?.length === 0) {
        await withSystem("auth.signup", (tx) => notifyExistingAccount(tx, input.email, ctx.appUrl), ctx.conn);
        return { ok: true, value: null };
      }
      const userId = data.user.id;
      await withSystem("auth.signup", (tx) => createPartnerAccount(tx, userId, input), ctx.conn);
      return { ok: true, value: null };
    },

    async resendVerification(email, ctx) {
      const limit = await withSystem("auth.verify-resend", (tx) => hitLimit(tx, RESET_REQUESTS, `verify:${ctx.ip}`), ctx.conn);
      if (limit.limited) return fail(429, "Too many requests", { detail: `Try again in ${limit.retryAfterSeconds} seconds.`, retryAfterSeconds: limit.retryAfterSeconds });
      // The answer is the same whether or not the account exists (Supabase's too).
      await client(ctx.cookies).auth.resend({ type: "signup", email, options: { emailRedirectTo: callbackUrl(ctx, "/") } });
      return { ok: true, value: null };
    },

    async verifyEmail(token) {
      // The link confirms the address and goes to sign-in, as with the local adapter: the session the
      // verification opens is not handed to the browser.
      const { error } = await client(throwawayJar()).auth.verifyOtp({ token_hash: token, type: "email" });
      return !error;
    },

    async signIn(input, ctx) {
      const blocked = await withSystem(
        "auth.login",
        async (tx) => {
          const address = await peekLimit(tx, LOGIN_FAILURES, ctx.ip);
          return address.limited ? address : peekAccountBackoff(tx, input.email);
        },
        ctx.conn,
      );
      if (blocked.limited) {
        return fail(429, "Too many failed sign-in attempts", { detail: `Wait ${blocked.retryAfterSeconds} seconds, then try again.`, retryAfterSeconds: blocked.retryAfterSeconds });
      }
      const supabase = client(ctx.cookies);
      const { data, error } = await supabase.auth.signInWithPassword(input);
      if (error?.code === "email_not_confirmed") {
        return fail(403, "Confirm your email first", {
          code: "email_unverified",
          detail: "We sent you a confirmation link. Open it, then sign in. Need a new link? Use “Resend confirmation email”.",
        });
      }
      if (error || !data.user) {
        await withSystem("auth.login", async (tx) => {
          await hitLimit(tx, LOGIN_FAILURES, ctx.ip);
          await recordAccountFailure(tx, input.email);
        }, ctx.conn);
        return fail(401, "Email or password is incorrect", { errors: { password: ["Email or password is incorrect"] } });
      }
      const landing = await landingFor(supabase, ctx.conn, data.user.id);
      if (!landing) return fail(403, "This account has no access to PartnerOS", { detail: "Ask your workspace admin for an invitation." });
      await withSystem("auth.login", (tx) => clearAccountBackoff(tx, input.email), ctx.conn);
      await registerSupabaseSession(ctx.conn, data.session, ctx);
      return { ok: true, value: landing };
    },

    async signOut(scope, ctx) {
      await client(ctx.cookies).auth.signOut({ scope: scope === "everywhere" ? "global" : "local" });
    },

    async requestReset(email, ctx) {
      const limit = await withSystem("auth.reset-request", (tx) => hitLimit(tx, RESET_REQUESTS, ctx.ip), ctx.conn);
      if (limit.limited) return fail(429, "Too many reset requests", { detail: `Try again in ${limit.retryAfterSeconds} seconds.`, retryAfterSeconds: limit.retryAfterSeconds });
      // The answer is the same whether or not the account exists.
      await client(ctx.cookies).auth.resetPasswordForEmail(email, { redirectTo: callbackUrl(ctx, "/reset-password") });
      return { ok: true, value: null };
    },

    async canReset(token, jar) {
      // Supabase's own recovery email goes through /auth/callback, which leaves a recovery session instead of a token.
      return Boolean(token) || (await isRecoverySession(client(jar)));
    },

    async resetPassword({ token, password }, ctx) {
      const supabase = client(ctx.cookies);
      if (token) {
        const { error } = await supabase.auth.verifyOtp({ token_hash: token, type: "recovery" });
        if (error) return expiredResetLink();
        // Without a token only a session a recovery link opened may set a password without the current one.
      } else if (!(await isRecoverySession(supabase))) return expiredResetLink();
      const { data, error } = await supabase.auth.updateUser({ password });
      if (error || !data.user) return expiredResetLink();
      const { id, email } = data.user;
      const keep = await currentSession(supabase, ctx);
      await withSystem("auth.reset", async (tx) => {
        await revokeUserSessions(tx, id, keep ?? undefined);
        if (email) await clearAccountBackoff(tx, email);
      }, ctx.conn);
      await supabase.auth.signOut({ scope: "others" });
      return { ok: true, value: await landingFor(supabase, ctx.conn, data.user.id) };
    },

    /** Re-checks the current password (a fresh Supabase session), sets the new one, and ends every other session. */
    async changePassword(user, input, ctx) {
      const supabase = client(ctx.cookies);
      const check = await supabase.auth.signInWithPassword({ email: user.email, password: input.currentPassword });
      if (check.error) return fail(400, "Current password is incorrect", { errors: { currentPassword: ["Current password is incorrect"] } });
      const { error } = await supabase.auth.updateUser({ password: input.newPassword });
      if (error) return fail(400, "The password could not be changed", { errors: { newPassword: [error.message] } });
      const keep = await currentSession(supabase, ctx);
      await withSystem("auth.password-change", (tx) => revokeUserSessions(tx, user.id, keep ?? undefined), ctx.conn);
      await supabase.auth.signOut({ scope: "others" });
      return { ok: true, value: null };
    },

    /**
     * Our invitation (role, organisation, expiry, revocation) stays the authority; accepting it creates the
     * Supabase user through `auth.admin.generateLink` (type invite, so Supabase sends nothing), redeems that
     * invite link for a session, and sets the chosen password through Supabase (`updateUser`).
     */
    async acceptInvite(input, ctx) {
      const now = new Date();
      const claimed = await withSystem("auth.invite-accept", (tx) => claimInvitation(tx, input.token, now), ctx.conn);
      if (!claimed) return invalidInvitation();
      const release = () =>
        withSystem("auth.invite-accept", (tx) => tx.execute(sql`update public.invitations set accepted_at = null where id = ${claimed.id}`), ctx.conn);
      const link = await admin().auth.admin.generateLink({ type: "invite", email: claimed.email, options: { data: { display_name: input.displayName } } });
      if (link.error || !link.data.properties) {
        await release();
        if (link.error?.code === "email_exists" || link.error?.status === 422) return accountExists();
        throw new Error(`Supabase could not create the invited account: ${link.error?.message ?? "no link"}`);
      }
      const supabase = client(ctx.cookies);
      const verified = await supabase.auth.verifyOtp({ token_hash: link.data.properties.hashed_token, type: "invite" });
      const updated = verified.error ? verified : await supabase.auth.updateUser({ password: input.password });
      if (updated.error || !verified.data.session) {
        await release();
        await admin().auth.admin.deleteUser(link.data.user.id);
        throw new Error(`Supabase refused the invitation's session: ${updated.error?.message ?? "no session"}`);
      }
      const userId = link.data.user.id;
      const role = await withSystem("auth.invite-accept", (tx) => joinFromInvitation(tx, claimed, userId, input.displayName), ctx.conn);
      await currentSession(supabase, ctx);
      return { ok: true, value: { home: ROLE_HOME[role] } };
    },

    /** Claims verified by Supabase Auth (`getClaims` checks the JWT signature against the project's keys). */
    async claims(jar): Promise<SessionClaims | null> {
      const { data, error } = await client(jar).auth.getClaims();
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
    },

    async callback(params, ctx) {
      const supabase = client(ctx.cookies);
      const code = params.get("code");
      const tokenHash = params.get("token_hash");
      const type = params.get("type");
      const answer = code
        ? await supabase.auth.exchangeCodeForSession(code.slice(0, 500))
        : tokenHash && type && OTP_TYPES.has(type)
          ? await supabase.auth.verifyOtp({ token_hash: tokenHash.slice(0, 500), type: type as EmailOtpType })
          : null;
      if (!answer || answer.error || !answer.data.session) return null;
      await registerSupabaseSession(ctx.conn, answer.data.session, ctx);
      return params.get("next") ?? "/";
    },

    refreshSession: (jar) => refreshSupabaseSession(config, jar),

    async emailHook(rawBody, headers, ctx) {
      if (!config.hookSecret) return fail(404, "Not found");
      if (!verifyWebhook(config.hookSecret, headers, rawBody)) return fail(401, "Invalid webhook signature");
      let body: unknown;
      try {
        body = JSON.parse(rawBody);
      } catch {
        return fail(400, "Malformed JSON body");
      }
      const parsed = emailHookSchema.safeParse(body);
      if (!parsed.success) return fail(422, "Not a Send Email Hook payload");
      return hookEmail(parsed.data, ctx);
    },
  };
}

/** A session opened by a recovery link within the last hour (its `amr` claim says how it was authenticated). */
async function isRecoverySession(supabase: SupabaseClient): Promise<boolean> {
  const { data } = await supabase.auth.getClaims();
  const amr = (data?.claims?.amr ?? []) as { method?: string; timestamp?: number }[];
  const now = Date.now() / 1000;
  return amr.some((m) => m.method === "recovery" && typeof m.timestamp === "number" && now - m.timestamp < 3600);
}

const OTP_TYPES = new Set(["signup", "email", "recovery", "invite", "magiclink", "email_change"]);
