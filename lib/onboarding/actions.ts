"use server";

import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { encryptField, lastDigits } from "@/lib/crypto";
import type { Tx } from "@/lib/db/connection";
import { rows, runAfterCommit } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import { getOnboardingStateOrThrow, isOnboardingComplete, listCurrentDocuments } from "./queries";
import { acceptDocumentsSchema, bankPayoutSchema, profileStepSchema, taxStepSchema } from "./schemas";
import { createConnectOnboardingLink, isStripeConfigured } from "./stripe-connect";

interface PartnerUser {
  id: string;
  partnerId: string | null;
}

/** Organisation-level details (business, payout, tax) are set by the organisation's admins. */
async function requirePartnerAdmin(tx: Tx, user: PartnerUser): Promise<string> {
  if (!user.partnerId) throw new ActionError(403, "Your account is not linked to a partner organisation");
  const [me] = await rows<{ partner_member_role: string }>(
    tx,
    sql`select partner_member_role from public.profiles where id = ${user.id}`,
  );
  if (me?.partner_member_role !== "admin")
    throw new ActionError(403, "Only an admin of your organisation can change this");
  return user.partnerId;
}

/** Marks the organisation onboarded and active once every step is done; returns whether it is complete. */
async function completeIfReady(tx: Tx, user: PartnerUser, partnerId: string): Promise<boolean> {
  const state = await getOnboardingStateOrThrow(tx, user.id, partnerId);
  if (!isOnboardingComplete(state.steps)) return false;
  if (!state.partner.onboardedAt) {
    // Read under RLS in the admin's transaction; the status change is the partner's onboarding job,
    // run once this commit holds every step (the update is a no-op when it already ran).
    runAfterCommit(tx, "portal.onboarding-complete", (sys) =>
      sys.execute(
        sql`update public.partners set onboarded_at = now(),
              status = case when status in ('applicant', 'onboarding', 'prospect') then 'active'::public.partner_status else status end
            where id = ${partnerId} and onboarded_at is null`,
      ),
    );
    revalidatePath("/portal");
  }
  return true;
}

export const saveProfileStepAction = defineAction({
  roles: ["partner"],
  schema: profileStepSchema,
  handler: async (input, { tx, user }) => {
    const partnerId = await requirePartnerAdmin(tx, user);
    await tx.execute(
      sql`update public.profiles set display_name = ${input.displayName}, title = ${input.title}, phone = ${input.phone} where id = ${user.id}`,
    );
    await tx.execute(
      sql`select private.save_partner_business(${input.website}, ${input.industry}, ${input.country}, ${input.companySize}, ${input.description})`,
    );
    revalidatePath("/portal/onboarding");
    return { complete: await completeIfReady(tx, user, partnerId) };
  },
});

export const saveBankPayoutAction = defineAction({
  roles: ["partner"],
  schema: bankPayoutSchema,
  handler: async (input, { tx, user }) => {
    const partnerId = await requirePartnerAdmin(tx, user);
    const last4 = lastDigits(input.accountNumber);
    // The full bank details are stored encrypted together; only the last four of the account are ever shown.
    const ciphertext = encryptField(JSON.stringify({ account: input.accountNumber, routing: input.routingNumber ?? null }));
    await tx.execute(
      sql`select private.save_bank_payout_method(${input.accountHolder}, ${input.bankCountry}, ${last4}, ${ciphertext}, ${input.currency})`,
    );
    revalidatePath("/portal/onboarding");
    return { last4, complete: await completeIfReady(tx, user, partnerId) };
  },
});

export const startStripeOnboardingAction = defineAction({
  roles: ["partner"],
  schema: z.strictObject({}),
  handler: async (_input, { tx, user }) => {
    const partnerId = await requirePartnerAdmin(tx, user);
    if (!isStripeConfigured())
      throw new ActionError(422, "Stripe payouts are not available: enter bank details instead");
    const [current] = await rows<{ stripe_account_id: string | null; website: string | null }>(
      tx,
      sql`select m.stripe_account_id, p.website from public.partners p left join public.partner_payout_methods m on m.partner_id = p.id where p.id = ${partnerId}`,
    );
    const base = `${serverEnv().APP_URL}/portal/onboarding?step=payout`;
    const link = await createConnectOnboardingLink({
      existingAccountId: current?.stripe_account_id ?? null,
      email: user.email,
      website: current?.website ?? null,
      returnUrl: base,
      refreshUrl: base,
    });
    await tx.execute(sql`select private.save_stripe_payout_method(${link.accountId})`);
    return { url: link.url };
  },
});

export const submitTaxDetailsAction = defineAction({
  roles: ["partner"],
  schema: taxStepSchema,
  handler: async (input, { tx, user }) => {
    const partnerId = await requirePartnerAdmin(tx, user);
    await tx.execute(
      sql`select private.submit_tax_details(${input.form}::public.tax_form, ${input.legalName}, ${input.businessName},
            ${input.taxClassification ?? null}, ${input.country}, ${input.address}, ${lastDigits(input.tin)}, ${encryptField(input.tin)},
            ${input.signedName})`,
    );
    revalidatePath("/portal/onboarding");
    return { complete: await completeIfReady(tx, user, partnerId) };
  },
});

export const acceptDocumentsAction = defineAction({
  roles: ["partner"],
  schema: acceptDocumentsSchema,
  handler: async ({ documentId }, { tx, user }) => {
    if (!user.partnerId) throw new ActionError(403, "Your account is not linked to a partner organisation");
    const current = await listCurrentDocuments(tx, user.partnerId);
    const currentIds = new Set(current.map((d) => d.id));
    const stale = documentId.filter((id) => !currentIds.has(id));
    if (stale.length > 0)
      throw new ActionError(409, "A newer version of a document was published. Review it and accept again.", {
        documentId: ["Reload to see the current version"],
      });
    for (const id of documentId) {
      await tx.execute(
        sql`insert into public.partner_acceptances (partner_id, profile_id, document_id) values (${user.partnerId}, ${user.id}, ${id})
            on conflict (partner_id, document_id) do nothing`,
      );
    }
    revalidatePath("/portal/onboarding");
    return { complete: await completeIfReady(tx, user, user.partnerId) };
  },
});
