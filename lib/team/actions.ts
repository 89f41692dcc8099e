"use server";

import { and, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { invitations, profiles, workspaceSettings } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { enqueueInvitationEmail } from "@/lib/email/outbox";
import { invitationContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { inviteUserSchema, revokeInvitationSchema, updateMemberSchema } from "./schemas";

const INVITE_TTL_MS = 7 * 24 * 3600_000;

export const inviteUserAction = defineAction({
  roles: ["vp"],
  schema: inviteUserSchema,
  handler: async ({ email, role }, { tx, user }) => {
    const [existing] = await rows<{ one: number }>(tx, sql`select 1 as one from public.profiles where lower(email) = ${email}`);
    if (existing) throw new ActionError(409, "This person already has an account", { email: ["This person already has an account"] });
    const [pending] = await tx
      .select({ id: invitations.id })
      .from(invitations)
      .where(and(sql`lower(${invitations.email}) = ${email}`, isNull(invitations.acceptedAt), isNull(invitations.revokedAt)));
    if (pending) throw new ActionError(409, "An invitation is already pending", { email: ["An invitation to this email is already pending. Revoke it to send a new one."] });

    const token = newToken();
    const [invite] = await tx
      .insert(invitations)
      .values({ email, role, tokenHash: hashToken(token), invitedBy: user.id, expiresAt: new Date(Date.now() + INVITE_TTL_MS) })
      .returning({ id: invitations.id });
    const [settings] = await tx.select({ company: workspaceSettings.companyName }).from(workspaceSettings);
    const url = `${serverEnv().APP_URL}/invite/${encodeURIComponent(token)}`;
    await enqueueInvitationEmail(
      tx,
      invite!.id,
      invitationContent(user.displayName, settings?.company ?? "your team", ROLE_LABELS[role], url),
    );
    revalidatePath("/settings");
    return { invitationId: invite!.id };
  },
});

export const revokeInvitationAction = defineAction({
  roles: ["vp"],
  schema: revokeInvitationSchema,
  handler: async ({ invitationId }, { tx }) => {
    const updated = await tx
      .update(invitations)
      .set({ revokedAt: new Date() })
      .where(and(eq(invitations.id, invitationId), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
      .returning({ id: invitations.id });
    if (updated.length === 0) throw new ActionError(404, "That invitation is no longer pending");
    revalidatePath("/settings");
    return null;
  },
});

export const updateMemberAction = defineAction({
  roles: ["vp"],
  schema: updateMemberSchema,
  handler: async ({ userId, role, active }, { tx, user }) => {
    if (userId === user.id) throw new ActionError(422, "You cannot change your own role or access");
    const changes: Partial<typeof profiles.$inferInsert> = {};
    if (role) changes.role = role;
    if (active !== undefined) changes.deactivatedAt = active ? null : new Date();
    if (Object.keys(changes).length === 0) throw new ActionError(422, "Nothing to change");
    const updated = await tx
      .update(profiles)
      .set(changes)
      .where(and(eq(profiles.id, userId), sql`${profiles.role} <> 'partner'`))
      .returning({ id: profiles.id });
    if (updated.length === 0) throw new ActionError(404, "That team member was not found");
    revalidatePath("/settings");
    return null;
  },
});
