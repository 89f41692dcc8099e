"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { systemStep } from "@/lib/db/elevate";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationContent, inviteExistingAccountContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { contactDetailsSchema, emailPreferencesSchema, inviteColleagueSchema } from "./schemas";

const INVITE_TTL_MS = 7 * 24 * 3600_000;

export const updateContactDetailsAction = defineAction({
  roles: ["partner"],
  schema: contactDetailsSchema,
  handler: async (input, { tx, user }) => {
    await tx.execute(
      sql`update public.profiles set display_name = ${input.displayName}, title = ${input.title}, phone = ${input.phone} where id = ${user.id}`,
    );
    revalidatePath("/portal/profile");
    return null;
  },
});

export const updateEmailPreferencesAction = defineAction({
  roles: ["partner"],
  schema: emailPreferencesSchema,
  handler: async (input, { tx, user }) => {
    await tx.execute(
      sql`update public.profiles set email_preferences = ${JSON.stringify(input)}::jsonb where id = ${user.id}`,
    );
    revalidatePath("/portal/profile");
    return null;
  },
});

async function notifyInviteeWithAccount(tx: Tx, email: string, inviter: string, company: string) {
  await enqueueEmail(tx, {
    to: email,
    template: "invite-existing-account",
    // One notice per address and hour, so repeated invitations cannot flood the inbox.
    idempotencyKey: `invite-existing-account:${email}:${Math.floor(Date.now() / 3600_000)}`,
    ...inviteExistingAccountContent(inviter, company, `${serverEnv().APP_URL}/login`),
  });
}

export const inviteColleagueAction = defineAction({
  roles: ["partner"],
  schema: inviteColleagueSchema,
  handler: async ({ email, memberRole }, { tx, user }) => {
    const [me] = await rows<{
      partner_id: string | null;
      partner_member_role: string | null;
      partner_name: string;
    }>(
      tx,
      sql`select p.partner_id, p.partner_member_role, o.name as partner_name from public.profiles p join public.partners o on o.id = p.partner_id where p.id = ${user.id}`,
    );
    if (!me?.partner_id || me.partner_member_role !== "admin")
      throw new ActionError(403, "Only an admin of your organisation can invite colleagues");
    const partnerId = me.partner_id;
    await systemStep(tx, "portal.invite-colleague", async (stx) => {
      const [account] = await rows<{ one: number }>(
        stx,
        sql`select 1 as one from public.profiles where lower(email) = ${email}`,
      );
      // An existing account (or another organisation's open invitation) gets the same answer as a new
      // invitation, so the form cannot probe who has an account; the person is told by email instead.
      if (account) {
        await notifyInviteeWithAccount(stx, email, user.displayName, me.partner_name);
        return null;
      }
      const [pending] = await rows<{ own: boolean }>(
        stx,
        sql`select partner_id = ${partnerId} as own from public.invitations where lower(email) = ${email} and accepted_at is null and revoked_at is null`,
      );
      if (pending && !pending.own) return null;
      if (pending)
        throw new ActionError(409, "An invitation is already pending", {
          email: ["An invitation to this email is already pending"],
        });
      const token = newToken();
      const [invite] = await rows<{ id: string }>(
        stx,
        sql`insert into public.invitations (email, role, partner_id, partner_member_role, token_hash, invited_by, expires_at)
            values (${email}, 'partner', ${partnerId}, ${memberRole}, ${hashToken(token)}, ${user.id}, ${new Date(Date.now() + INVITE_TTL_MS).toISOString()})
            returning id`,
      );
      await enqueueEmail(stx, {
        to: email,
        template: "invitation",
        idempotencyKey: `invitation:${invite!.id}`,
        ...invitationContent(
          user.displayName,
          me.partner_name,
          memberRole === "admin" ? "partner admin" : "partner member",
          `${serverEnv().APP_URL}/invite/${encodeURIComponent(token)}`,
        ),
      });
      return invite!.id;
    });
    revalidatePath("/portal/profile");
    // No invitation id in the answer: it must not differ for emails that already have an account.
    return { sent: true };
  },
});
