"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { rows } from "@/lib/db/session";
import { enqueueInvitationEmail } from "@/lib/email/outbox";
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
    const token = newToken();
    const existing = inviteExistingAccountContent(user.displayName, me.partner_name, `${serverEnv().APP_URL}/login`);
    const [invited] = await rows<{ outcome: "invited" | "sent" | "pending"; invitation_id: string | null }>(
      tx,
      sql`select * from private.invite_colleague(${email}, ${memberRole}::public.partner_member_role, ${hashToken(token)},
            ${new Date(Date.now() + INVITE_TTL_MS).toISOString()}::timestamptz, ${existing.subject}, ${existing.text}, ${existing.html})`,
    );
    if (invited?.outcome === "pending")
      throw new ActionError(409, "An invitation is already pending", { email: ["An invitation to this email is already pending"] });
    if (invited?.outcome === "invited")
      await enqueueInvitationEmail(
        tx,
        invited.invitation_id!,
        invitationContent(
          user.displayName,
          me.partner_name,
          memberRole === "admin" ? "partner admin" : "partner member",
          `${serverEnv().APP_URL}/invite/${encodeURIComponent(token)}`,
        ),
      );
    revalidatePath("/portal/profile");
    // No invitation id in the answer: it must not differ for emails that already have an account.
    return { sent: true };
  },
});
