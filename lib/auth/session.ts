import "server-only";
import { and, eq } from "drizzle-orm";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { partners, profiles } from "@/lib/db/schema";
import type { AppRole } from "@/lib/domain/enums";
import { withSession, type SessionClaims } from "@/lib/db/session";
import { auth, requestCookies } from "./auth";
import { isSessionId, sessionIsLive } from "./sessions";

export interface CurrentUser {
  id: string;
  email: string;
  displayName: string;
  role: AppRole;
  title: string | null;
  partnerId: string | null;
  partnerName: string | null;
  claims: SessionClaims;
}

/** Verified claims of the request's session, or null. Never trusts an unverified cookie. */
export async function getClaims(): Promise<SessionClaims | null> {
  return auth().claims(await requestCookies());
}

/**
 * The signed-in person with the role read from `profiles` (never from the token), once per request. The
 * token's session must still be live server-side, so logout and revocations apply at once.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await getClaims();
  const sessionId = claims?.session_id;
  if (!claims || !isSessionId(sessionId)) return null;
  const [row] = await withSession({ claims }, (tx) =>
    tx
      .select({
        id: profiles.id,
        email: profiles.email,
        displayName: profiles.displayName,
        role: profiles.role,
        title: profiles.title,
        partnerId: profiles.partnerId,
        partnerName: partners.name,
        deactivatedAt: profiles.deactivatedAt,
      })
      .from(profiles)
      .leftJoin(partners, eq(partners.id, profiles.partnerId))
      .where(and(eq(profiles.id, claims.sub), sessionIsLive(sessionId))),
  );
  if (!row || row.deactivatedAt) return null;
  const { deactivatedAt: _deactivated, ...user } = row;
  return { ...user, claims };
});

/** For pages: sends anonymous visitors to sign in and answers 403 to a role that may not see the page. */
export async function requireUser(allowed?: readonly AppRole[]): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/login?next=${encodeURIComponent(path)}`);
  }
  if (allowed && !allowed.includes(user.role)) forbidden();
  return user;
}
