"use server";

import { and, eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { dealRegistrations } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { insertOpportunity } from "@/lib/opportunities/create";
import { notifyDecision } from "./notify";
import { registerDeal } from "./register";
import { addDays, liveClaims, lockDomain } from "./rules";
import { approveRegistrationSchema, registerDealSchema, rejectRegistrationSchema } from "./schemas";

const REVIEWERS = ["vp", "partnership_manager"] as const;
const today = () => new Date().toISOString().slice(0, 10);

export const registerDealAction = defineAction({
  roles: ["partner"],
  schema: registerDealSchema,
  handler: async (input, { tx, user }) => {
    if (!user.partnerId) throw new ActionError(403, "Your account is not linked to a partner organisation");
    const created = await registerDeal(tx, { id: user.id, partnerId: user.partnerId }, input, today());
    revalidatePath("/portal/referrals");
    return created;
  },
});

async function loadPending(tx: Tx, id: string) {
  const [registration] = await tx.select().from(dealRegistrations).where(eq(dealRegistrations.id, id));
  if (!registration) throw new ActionError(404, "That registration no longer exists");
  if (registration.status !== "pending")
    throw new ActionError(409, `This registration was already ${registration.status}`);
  return registration;
}

/** Approval protects the customer for the partner and opens the deal in the pipeline's first open stage. */
export const approveRegistrationAction = defineAction({
  roles: REVIEWERS,
  schema: approveRegistrationSchema,
  handler: async ({ id, ownerId }, { tx, user }) => {
    const registration = await loadPending(tx, id);
    await lockDomain(tx, registration.customerDomain);
    const day = today();
    const claims = await systemStep(tx, "registrations.check", (stx) =>
      liveClaims(stx, registration.customerDomain, day, id),
    );
    const taken = claims.find((c) => c.partnerId !== registration.partnerId && c.status === "approved");
    if (taken)
      throw new ActionError(
        409,
        `${registration.customerDomain} is already protected for another partner until ${taken.protectedUntil}. Reject this registration instead.`,
      );
    const [settings] = await rows<{ days: number }>(
      tx,
      sql`select protection_window_days as days from public.workspace_settings limit 1`,
    );
    const [stage] = await rows<{ id: string }>(
      tx,
      sql`select id from public.stages where not is_won and not is_lost order by position limit 1`,
    );
    if (!stage) throw new ActionError(409, "The pipeline has no open stage to put the deal in");
    const protectedUntil = addDays(day, settings?.days ?? 90);
    const opportunity = await insertOpportunity(
      tx,
      {
        customerName: registration.customerName,
        title: `${registration.customerName} (registered deal)`,
        contactName: registration.contactName,
        contactEmail: registration.contactEmail,
        technicalContactName: null,
        technicalContactEmail: null,
        value: String(registration.estimatedValueMinor),
        valueMinor: registration.estimatedValueMinor,
        currency: registration.currency,
        ownerId: ownerId ?? user.id,
        isvPartnerId: null,
        referringPartnerId: registration.partnerId,
        domain: null,
        expectedCloseDate: null,
        notes: registration.notes,
        stageId: stage.id,
      },
      user,
    );
    await tx
      .update(dealRegistrations)
      .set({
        status: "approved",
        reviewedBy: user.id,
        reviewedAt: new Date(),
        protectedUntil,
        opportunityId: opportunity.id,
      })
      .where(and(eq(dealRegistrations.id, id), eq(dealRegistrations.status, "pending")));
    await systemStep(tx, "registrations.decided", async (stx) => {
      await notifyDecision(stx, { ...registration, approved: true, protectedUntil, reason: null });
      await evaluateAchievements(stx, [registration.partnerId]);
    });
    revalidatePath("/partners/registrations");
    return { opportunityId: opportunity.id, protectedUntil };
  },
});

export const rejectRegistrationAction = defineAction({
  roles: REVIEWERS,
  schema: rejectRegistrationSchema,
  handler: async ({ id, reason }, { tx, user }) => {
    const registration = await loadPending(tx, id);
    await tx
      .update(dealRegistrations)
      .set({ status: "rejected", rejectionReason: reason, reviewedBy: user.id, reviewedAt: new Date() })
      .where(and(eq(dealRegistrations.id, id), eq(dealRegistrations.status, "pending")));
    await systemStep(tx, "registrations.decided", (stx) =>
      notifyDecision(stx, { ...registration, approved: false, protectedUntil: null, reason }),
    );
    revalidatePath("/partners/registrations");
    return { id };
  },
});
