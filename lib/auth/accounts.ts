import { and, eq, isNull, sql } from "drizzle-orm";
import type { Connection, Tx } from "@/lib/db/connection";
import { invitations, notifications, partners, profiles, tiers, workspaceSettings } from "@/lib/db/schema";
import { rows, withSystem } from "@/lib/db/session";
import type { AppRole } from "@/lib/domain/enums";
import { enqueueEmail } from "@/lib/email/outbox";
import { signUpExistingAccountContent } from "@/lib/email/templates";
import { ROLE_LABELS } from "./roles";
import { hashToken, newToken } from "./tokens";

// What PartnerOS does around an account, whichever provider holds its password: the organisation and profile
// behind a sign-up, the invitation a person joins through, and the emails that are ours to send.

export async function findUserByEmail(tx: Tx, email: string) {
  const [user] = await rows<{ id: string; email: string; encrypted_password: string | null; email_confirmed_at: string | null }>(
    tx,
    sql`select id, email, encrypted_password, email_confirmed_at from auth.users where lower(email) = ${email}`,
  );
  return user;
}

function slugify(name: string): string {
  const base = name.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40);
  return `${base || "partner"}-${newToken().slice(0, 6).toLowerCase().replace(/[^a-z0-9]/g, "x")}`;
}

/** "Someone tried to sign up with your email": at most one per address and hour, so retries cannot flood the inbox. */
export async function notifyExistingAccount(tx: Tx, email: string, appUrl: string, now = new Date()) {
  await enqueueEmail(tx, {
    to: email,
    template: "signup-existing-account",
    idempotencyKey: `signup-existing-account:${email.toLowerCase()}:${Math.floor(now.getTime() / 3600_000)}`,
    ...signUpExistingAccountContent(`${appUrl}/login`),
  });
}

/** The organisation (an applicant on the entry tier) and the admin profile behind a partner sign-up. */
export async function createPartnerAccount(tx: Tx, userId: string, input: { displayName: string; companyName: string; email: string }) {
  const [entryTier] = await tx.select({ id: tiers.id }).from(tiers).orderBy(tiers.rank).limit(1);
  const [org] = await tx
    .insert(partners)
    .values({ name: input.companyName, slug: slugify(input.companyName), kind: "program", status: "applicant", tierId: entryTier?.id ?? null })
    .returning({ id: partners.id });
  await tx.insert(profiles).values({
    id: userId,
    email: input.email,
    displayName: input.displayName,
    role: "partner",
    partnerId: org!.id,
    partnerMemberRole: "admin",
  });
}

/** An open invitation by its link token, for the acceptance page; null when expired, revoked or used. */
export async function getInvitation(conn: Connection, token: string, now = new Date()) {
  return withSystem(
    "auth.invite-read",
    async (tx) => {
      const [invite] = await tx
        .select({ id: invitations.id, email: invitations.email, role: invitations.role, expiresAt: invitations.expiresAt, company: workspaceSettings.companyName })
        .from(invitations)
        .leftJoin(workspaceSettings, eq(workspaceSettings.id, true))
        .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
      if (!invite || invite.expiresAt <= now) return null;
      return invite;
    },
    conn,
  );
}

export type ClaimedInvitation = typeof invitations.$inferSelect;

/** Marks the invitation used, once: null when it expired, was revoked or was already used (in this transaction). */
export async function claimInvitation(tx: Tx, token: string, now: Date): Promise<ClaimedInvitation | null> {
  const [invite] = await tx
    .update(invitations)
    .set({ acceptedAt: now })
    .where(and(eq(invitations.tokenHash, hashToken(token)), isNull(invitations.acceptedAt), isNull(invitations.revokedAt), sql`${invitations.expiresAt} > ${now.toISOString()}`))
    .returning();
  return invite ?? null;
}

/** The profile an accepted invitation gives its account (the role and organisation the inviter chose), and the inviter's notification. */
export async function joinFromInvitation(tx: Tx, invite: ClaimedInvitation, userId: string, displayName: string): Promise<AppRole> {
  await tx.insert(profiles).values({
    id: userId,
    email: invite.email,
    displayName,
    role: invite.role,
    partnerId: invite.partnerId,
    partnerMemberRole: invite.role === "partner" ? (invite.partnerMemberRole ?? "member") : null,
  });
  if (invite.invitedBy) {
    await tx.insert(notifications).values({
      userId: invite.invitedBy,
      kind: "invitation_accepted",
      title: `${displayName} joined the workspace`,
      body: `${invite.email} accepted your invitation as ${ROLE_LABELS[invite.role]}.`,
      link: "/settings",
    });
  }
  return invite.role;
}

export const accountExists = () => ({
  ok: false as const,
  status: 409,
  title: "An account with this email already exists",
  detail: "Sign in instead, or reset your password.",
});
