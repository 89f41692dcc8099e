"use server";

import { and, eq } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction, defineJobAction } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { healthWeights, partnerContacts, partnerInteractions, partners } from "@/lib/db/schema";
import { recomputePartnerHealth } from "./job";
import { contactSchema, healthWeightsSchema, interactionSchema, setPrimaryContactSchema } from "./schemas";

async function assertPartner(tx: Tx, partnerId: string) {
  const [row] = await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  if (!row)
    throw new ActionError(404, "That partner was not found", { partnerId: ["That partner was not found"] });
}

/**
 * The VP retunes the weights (under RLS); the health.reweight job then rescores every partner, before
 * the action returns, so the directory agrees at once.
 */
export const updateHealthWeightsAction = defineJobAction({
  roles: ["vp"],
  schema: healthWeightsSchema,
  handler: async (weights, { tx, user }) => {
    const updated = await tx
      .update(healthWeights)
      .set({ ...weights, updatedBy: user.id })
      .where(eq(healthWeights.id, true))
      .returning({ id: healthWeights.id });
    if (updated.length === 0) throw new ActionError(403, "Only the VP can change the health weights");
    return null;
  },
  job: "health.reweight",
  run: async (sys) => {
    const result = await recomputePartnerHealth(sys, new Date());
    revalidatePath("/settings/health");
    revalidatePath("/partners");
    return { rescored: result.partners };
  },
});

/** Staff log a meeting, call, email, QBR, event or note; the health.interaction job rescores the partner with it. */
export const logInteractionAction = defineJobAction({
  roles: ["vp", "partnership_manager", "sales_manager"],
  schema: interactionSchema,
  handler: async (input, { tx, user }) => {
    await assertPartner(tx, input.partnerId);
    const [row] = await tx
      .insert(partnerInteractions)
      .values({
        partnerId: input.partnerId,
        kind: input.kind,
        occurredAt: input.occurredAt,
        summary: input.summary,
        nextSteps: input.nextSteps,
        authorId: user.id,
      })
      .returning({ id: partnerInteractions.id });
    return { partnerId: input.partnerId, interactionId: row!.id };
  },
  job: "health.interaction",
  run: async (sys, { partnerId, interactionId }) => {
    await recomputePartnerHealth(sys, new Date(), [partnerId]);
    revalidatePath(`/partners/${partnerId}`);
    revalidatePath("/partners");
    return { interactionId };
  },
});

/** Adds a contact, or edits one when `contactId` is given; `primary` also makes it the partner's primary contact. */
export const saveContactAction = defineAction({
  roles: ["vp", "partnership_manager"],
  schema: contactSchema,
  handler: async ({ partnerId, contactId, primary, ...fields }, { tx }) => {
    await assertPartner(tx, partnerId);
    let id = contactId;
    if (id) {
      const updated = await tx
        .update(partnerContacts)
        .set(fields)
        .where(and(eq(partnerContacts.id, id), eq(partnerContacts.partnerId, partnerId)))
        .returning({ id: partnerContacts.id });
      if (updated.length === 0) throw new ActionError(404, "That contact was not found");
    } else {
      const [row] = await tx
        .insert(partnerContacts)
        .values({ partnerId, ...fields })
        .returning({ id: partnerContacts.id });
      id = row!.id;
    }
    if (primary) await tx.update(partners).set({ primaryContactId: id }).where(eq(partners.id, partnerId));
    revalidatePath(`/partners/${partnerId}`);
    return { contactId: id };
  },
});

export const setPrimaryContactAction = defineAction({
  roles: ["vp", "partnership_manager"],
  schema: setPrimaryContactSchema,
  handler: async ({ partnerId, contactId }, { tx }) => {
    const [contact] = await tx
      .select({ id: partnerContacts.id })
      .from(partnerContacts)
      .where(and(eq(partnerContacts.id, contactId), eq(partnerContacts.partnerId, partnerId)));
    if (!contact) throw new ActionError(404, "That contact does not belong to this partner");
    const updated = await tx
      .update(partners)
      .set({ primaryContactId: contactId })
      .where(eq(partners.id, partnerId))
      .returning({ id: partners.id });
    if (updated.length === 0) throw new ActionError(404, "That partner was not found");
    revalidatePath(`/partners/${partnerId}`);
    return null;
  },
});
