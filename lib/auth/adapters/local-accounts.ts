import { eq, sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { profiles } from "@/lib/db/schema";
import { rows, withSystem, type SessionClaims } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { resetPasswordContent, verifyEmailContent } from "@/lib/email/templates";
import { accountExists, claimInvitation, createPartnerAccount, findUserByEmail, joinFromInvitation, notifyExistingAccount } from "../accounts";
import { expiredResetLink, fail, invalidInvitation, type AuthResult } from "../result";
import { hashPassword } from "../password";
import { clearAccountBackoff, hitLimit, RESET_REQUESTS, SIGNUPS } from "../rate-limit";
import { revokeUserSessions, startSession, type SessionMeta } from "../sessions";
import type { AppRole } from "@/lib/domain/enums";
import { ROLE_HOME } from "../roles";
import { hashToken, newToken } from "../tokens";

interface RequestContext {
  ip: string;
  appUrl: string;
  userAgent?: string | null;
  now?: Date;
}

const VERIFY_TTL_MS = 24 * 3600_000;
const RESET_TTL_MS = 3600_000;

export function claimsFor(user: { id: string; email: string; role: AppRole }, sessionId: string): Omit<SessionClaims, "iat" | "exp"> {
  return {
    sub: user.id,
    email: user.email,
    role: "authenticated",
    aud: "authenticated",
    app_metadata: { role: user.role, provider: "email" },
    session_id: sessionId,
  };
}

async function issueToken(tx: Tx, userId: string, purpose: "verify_email" | "reset_password", ttlMs: number, now: Date) {
  const token = newToken();
  await tx.execute(sql`update private.auth_tokens set used_at = ${now.toISOString()}
    where user_id = ${userId} and purpose = ${purpose} and used_at is null`);
  await tx.execute(sql`insert into private.auth_tokens (token_hash, user_id, purpose, expires_at)
    values (${hashToken(token)}, ${userId}, ${purpose}, ${new Date(now.getTime() + ttlMs).toISOString()})`);
  return token;
}

async function consumeToken(tx: Tx, token: string, purpose: "verify_email" | "reset_password", now: Date) {
  const [row] = await rows<{ user_id: string }>(
    tx,
    sql`update private.auth_tokens set used_at = ${now.toISOString()}
        where token_hash = ${hashToken(token)} and purpose = ${purpose} and used_at is null and expires_at > ${now.toISOString()}
        returning user_id`,
  );
  return row?.user_id;
}

/**
 * Partner self sign-up: account, organisation (an applicant on the entry tier) and a verification email, in one
 * transaction. An email that already has an account gets the same answer and a "sign in or reset" email instead,
 * so the form does not reveal who has an account.
 */
export async function signUp(
  conn: Connection,
  input: { displayName: string; companyName: string; email: string; password: string },
  ctx: RequestContext,
): Promise<AuthResult<null>> {
  const now = ctx.now ?? new Date();
  const passwordHash = await hashPassword(input.password);
  return withSystem(
    "auth.signup",
    async (tx) => {
      const limit = await hitLimit(tx, SIGNUPS, ctx.ip, now);
      if (limit.limited) {
        return fail(429, "Too many sign-ups from this network", {
          detail: `Try again in ${limit.retryAfterSeconds} seconds.`,
          retryAfterSeconds: limit.retryAfterSeconds,
        });
      }
      if (await findUserByEmail(tx, input.email)) {
        await notifyExistingAccount(tx, input.email, ctx.appUrl, now);
        return { ok: true as const, value: null };
      }
      const [user] = await rows<{ id: string }>(
        tx,
        sql`insert into auth.users (email, encrypted_password, raw_app_meta_data, raw_user_meta_data)
            values (${input.email}, ${passwordHash}, ${JSON.stringify({ provider: "email", role: "partner" })}::jsonb,
                    ${JSON.stringify({ display_name: input.displayName })}::jsonb)
            returning id`,
      );
      await createPartnerAccount(tx, user!.id, input);
      await sendVerification(tx, { id: user!.id, email: input.email, name: input.displayName }, ctx.appUrl, now);
      return { ok: true as const, value: null };
    },
    conn,
  );
}

async function sendVerification(tx: Tx, user: { id: string; email: string; name: string }, appUrl: string, now: Date) {
  const token = await issueToken(tx, user.id, "verify_email", VERIFY_TTL_MS, now);
  const url = `${appUrl}/api/auth/verify?token=${encodeURIComponent(token)}`;
  await enqueueEmail(tx, {
    to: user.email,
    template: "verify-email",
    idempotencyKey: `verify-email:${hashToken(token)}`,
    ...verifyEmailContent(user.name, url),
  });
}

export async function resendVerification(conn: Connection, email: string, ctx: RequestContext): Promise<AuthResult<null>> {
  const now = ctx.now ?? new Date();
  return withSystem(
    "auth.verify-resend",
    async (tx) => {
      const limit = await hitLimit(tx, RESET_REQUESTS, `verify:${ctx.ip}`, now);
      if (limit.limited) {
        return fail(429, "Too many requests", { detail: `Try again in ${limit.retryAfterSeconds} seconds.`, retryAfterSeconds: limit.retryAfterSeconds });
      }
      const user = await findUserByEmail(tx, email);
      if (user && !user.email_confirmed_at) {
        const [profile] = await tx.select({ name: profiles.displayName }).from(profiles).where(eq(profiles.id, user.id));
        await sendVerification(tx, { id: user.id, email: user.email, name: profile?.name ?? user.email }, ctx.appUrl, now);
      }
      return { ok: true as const, value: null };
    },
    conn,
  );
}

export async function verifyEmail(conn: Connection, token: string, now = new Date()): Promise<boolean> {
  return withSystem(
    "auth.verify",
    async (tx) => {
      const userId = await consumeToken(tx, token, "verify_email", now);
      if (!userId) return false;
      await tx.execute(sql`update auth.users set email_confirmed_at = coalesce(email_confirmed_at, ${now.toISOString()}), updated_at = now() where id = ${userId}`);
      return true;
    },
    conn,
  );
}

export interface SignedIn {
  claims: Omit<SessionClaims, "iat" | "exp">;
  home: string;
}

/** Always answers the same way, so the form cannot be used to discover accounts. */
export async function requestPasswordReset(conn: Connection, email: string, ctx: RequestContext): Promise<AuthResult<null>> {
  const now = ctx.now ?? new Date();
  return withSystem(
    "auth.reset-request",
    async (tx) => {
      const limit = await hitLimit(tx, RESET_REQUESTS, ctx.ip, now);
      if (limit.limited) {
        return fail(429, "Too many reset requests", { detail: `Try again in ${limit.retryAfterSeconds} seconds.`, retryAfterSeconds: limit.retryAfterSeconds });
      }
      const user = await findUserByEmail(tx, email);
      if (user) {
        const token = await issueToken(tx, user.id, "reset_password", RESET_TTL_MS, now);
        await enqueueEmail(tx, {
          to: user.email,
          template: "reset-password",
          idempotencyKey: `reset-password:${hashToken(token)}`,
          ...resetPasswordContent(`${ctx.appUrl}/reset-password?token=${encodeURIComponent(token)}`),
        });
      }
      return { ok: true as const, value: null };
    },
    conn,
  );
}

/**
 * Sets the password from a reset link and ends every earlier session (a copied cookie included). The link
 * proves control of the mailbox, so it confirms the email and signs the person straight in: no sign-in
 * delay a stranger keeps imposing on the account can stop its owner.
 */
export async function resetPassword(
  conn: Connection,
  input: { token: string; password: string },
  now = new Date(),
  meta: SessionMeta = {},
): Promise<AuthResult<SignedIn | null>> {
  const passwordHash = await hashPassword(input.password);
  return withSystem(
    "auth.reset",
    async (tx): Promise<AuthResult<SignedIn | null>> => {
      const userId = await consumeToken(tx, input.token, "reset_password", now);
      if (!userId) return expiredResetLink();
      const [user] = await rows<{ email: string }>(tx, sql`update auth.users set encrypted_password = ${passwordHash},
        email_confirmed_at = coalesce(email_confirmed_at, ${now.toISOString()}), updated_at = now() where id = ${userId} returning email`);
      await clearAccountBackoff(tx, user!.email);
      await revokeUserSessions(tx, userId);
      const [profile] = await tx.select({ role: profiles.role, deactivatedAt: profiles.deactivatedAt }).from(profiles).where(eq(profiles.id, userId));
      if (!profile || profile.deactivatedAt) return { ok: true, value: null };
      const sessionId = await startSession(tx, userId, meta);
      return { ok: true, value: { claims: claimsFor({ id: userId, email: user!.email, role: profile.role }, sessionId), home: ROLE_HOME[profile.role] } };
    },
    conn,
  );
}

/** Accepting an invitation creates the account with the role the VP chose; the email is confirmed by the link itself. */
export async function acceptInvitation(
  conn: Connection,
  input: { token: string; displayName: string; password: string },
  now = new Date(),
  meta: SessionMeta = {},
): Promise<AuthResult<SignedIn>> {
  const passwordHash = await hashPassword(input.password);
  return withSystem(
    "auth.invite-accept",
    async (tx): Promise<AuthResult<SignedIn>> => {
      const invite = await claimInvitation(tx, input.token, now);
      if (!invite) return invalidInvitation();
      if (await findUserByEmail(tx, invite.email)) return accountExists();
      const [user] = await rows<{ id: string }>(
        tx,
        sql`insert into auth.users (email, encrypted_password, email_confirmed_at, raw_app_meta_data, raw_user_meta_data)
            values (${invite.email}, ${passwordHash}, ${now.toISOString()}, ${JSON.stringify({ provider: "email", role: invite.role })}::jsonb,
                    ${JSON.stringify({ display_name: input.displayName })}::jsonb)
            returning id`,
      );
      await joinFromInvitation(tx, invite, user!.id, input.displayName);
      const sessionId = await startSession(tx, user!.id, meta);
      return { ok: true, value: { claims: claimsFor({ id: user!.id, email: invite.email, role: invite.role }, sessionId), home: ROLE_HOME[invite.role] } };
    },
    conn,
  );
}
