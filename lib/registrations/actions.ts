"use server";

import { eq, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { dealRegistrations } from "@/lib/db/schema";
import { rows, runAfterCommit } from "@/lib/db/session";
import { insertOpportunity } from "@/lib/opportunities/create";
import { notifyDecision } from "./notify";
import { announceRegistration, registerDeal } from "./register";
import { liveClaims, lockDomain } from "./rules";
import { approveRegistrationSchema, registerDealSchema, rejectRegistrationSchema } from "./schemas";

const REVIEWERS = ["vp", "partnership_manager"] as const;
const today = () => new Date().toISOString().slice(0, 10);

type Registration = typeof dealRegistrations.$inferSelect;

// Notifications and badges that follow a registration or a decision run as named jobs after the
// user's transaction commits: a failure there is logged and never undoes the decision.
export const registerDealAction = defineAction({
  roles: ["partner"],
  schema: registerDealSchema,
  handler: async (input, { tx, user }) => {
    if (!user.partnerId) throw new ActionError(403, "Your account is not linked to a partner organisation");
    const partnerId = user.partnerId;
    const created = await registerDeal(tx, { id: user.id, partnerId }, input);
    runAfterCommit(tx, "registrations.submitted", (sys) => announceRegistration(sys, { ...created, partnerId, customer: input.customerName }));
    revalidatePath("/portal/referrals");
    return { id: created.id, selfReferral: created.selfReferral };
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
    // Reviewers read every partner's registrations, so this check needs no privilege; the database repeats it.
    const claims = await liveClaims(tx, registration.customerDomain, today(), id);
    const taken = claims.find((c) => c.partnerId !== registration.partnerId && c.status === "approved");
    if (taken)
      throw new ActionError(
        409,
        `${registration.customerDomain} is already protected for another partner until ${taken.protectedUntil}. Reject this registration instead.`,
      );
    const [stage] = await rows<{ id: string }>(
      tx,
      sql`select id from public.stages where not is_won and not is_lost order by position limit 1`,
    );
    if (!stage) throw new ActionError(409, "The pipeline has no open stage to put the deal in");
    const opportunity = await insertOpportunity(tx, opportunityOf(registration, ownerId ?? user.id, stage.id), user);
    const [decided] = await rows<{ protected_until: string }>(
      tx,
      sql`select public.approve_deal_registration(${id}, ${opportunity.id})::text as protected_until`,
    );
    const protectedUntil = decided!.protected_until;
    runAfterCommit(tx, "registrations.decided", async (sys) => {
      await notifyDecision(sys, { ...registration, approved: true, protectedUntil, reason: null });
      await evaluateAchievements(sys, [registration.partnerId]);
    });
    revalidatePath("/partners/registrations");
    return { opportunityId: opportunity.id, protectedUntil };
  },
});

function opportunityOf(registration: Registration, ownerId: string, stageId: string) {
  return {
    customerName: registration.customerName,
    title: `${registration.customerName} (registered deal)`,
    contactName: registration.contactName,
    contactEmail: registration.contactEmail,
    technicalContactName: null,
    technicalContactEmail: null,
    value: String(registration.estimatedValueMinor),
    valueMinor: registration.estimatedValueMinor,
    currency: registration.currency,
    ownerId,
    isvPartnerId: null,
    referringPartnerId: registration.partnerId,
    domain: null,
    expectedCloseDate: null,
    notes: registration.notes,
    stageId,
  };
}

export const rejectRegistrationAction = defineAction({
  roles: REVIEWERS,
  schema: rejectRegistrationSchema,
  handler: async ({ id, reason }, { tx }) => {
    const registration = await loadPending(tx, id);
    await tx.execute(sql`select public.reject_deal_registration(${id}, ${reason})`);
    runAfterCommit(tx, "registrations.decided", (sys) =>
      notifyDecision(sys, { ...registration, approved: false, protectedUntil: null, reason }),
    );
    revalidatePath("/partners/registrations");
    return { id: registration.id };
  },
});
