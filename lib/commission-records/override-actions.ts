"use server";

import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineJobAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { agreements, commissionOverrides, notifications, opportunities, profiles } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { recalculateCommissions } from "./persist";
import { isRateInRange, MODEL_RANGES } from "@/lib/commissions/ranges";

const rate = z
  .string({ error: "Enter a rate" })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "Enter a percentage such as 18 or 12.5" })
  .refine((v) => Number(v) <= 100, { error: "A rate cannot exceed 100%" });

const requestSchema = z.strictObject({
  opportunityId: z.uuid(),
  agreementId: z.uuid(),
  rate,
  reason: z
    .string({ error: "Give a reason" })
    .trim()
    .min(3, { error: "Give a reason of at least 3 characters" })
    .max(1000, { error: "Keep the reason under 1,000 characters" }),
});

const decideSchema = z
  .strictObject({
    overrideId: z.uuid(),
    decision: z.enum(["approve", "reject"], { error: "Approve or reject" }),
    note: z.string().trim().max(1000, { error: "Keep the note under 1,000 characters" }).optional(),
  })
  .refine((v) => v.decision === "approve" || (v.note ?? "").length > 0, {
    error: "Say why the override is rejected",
    path: ["note"],
  });

const withdrawSchema = z.strictObject({ overrideId: z.uuid() });

function link(opportunityId: string) {
  return `/pipeline?opportunity=${opportunityId}`;
}

async function notify(tx: Tx, userIds: string[], kind: string, title: string, body: string, href: string) {
  if (userIds.length === 0) return;
  await tx.insert(notifications).values(userIds.map((userId) => ({ userId, kind, title, body, link: href })));
}

async function recalculate(tx: Tx, opportunityId: string) {
  await recalculateCommissions(tx, { opportunityIds: [opportunityId] });
}

function refresh() {
  revalidatePath("/pipeline");
  revalidatePath("/reports/commissions");
}

/**
 * A rate override for one deal under one agreement. Within the agreement model's range it applies at
 * once; outside it waits for a VP (a VP's own request outside the range is its own approval). The
 * previous live override of the same deal and agreement is withdrawn. Every change is audited.
 */
// Overrides, their notifications and the recalculation are written by the commissions.override job,
// once the person's own transaction has found the deal and the agreement (or the override) under RLS.
export const requestOverrideAction = defineJobAction({
  roles: STAFF_ROLES,
  schema: requestSchema,
  handler: async (input, { tx, user }) => {
    const [deal] = await rows<{ id: string; customer_name: string; isv_partner_id: string | null; referring_partner_id: string | null; editable: boolean }>(
      tx,
      sql`select id, customer_name, isv_partner_id, referring_partner_id,
          private.can_edit_opportunity(id) or private.has_role('finance') as editable
        from public.opportunities where id = ${input.opportunityId}`,
    );
    if (!deal) throw new ActionError(404, "That deal was not found");
    if (!deal.editable) throw new ActionError(403, "Only the deal's owner, a VP or finance can override its commission");
    const [agreement] = await tx
      .select({ id: agreements.id, model: agreements.model, partnerId: agreements.partnerId, direction: agreements.direction, name: agreements.name })
      .from(agreements)
      .where(eq(agreements.id, input.agreementId));
    const applies =
      agreement &&
      ((agreement.direction === "receivable" && agreement.partnerId === deal.isv_partner_id) ||
        (agreement.direction === "payable" && agreement.partnerId === deal.referring_partner_id));
    if (!applies) throw new ActionError(422, "That agreement does not apply to this deal", { agreementId: ["Choose an agreement of this deal"] });
    const needsApproval = !isRateInRange(agreement.model, input.rate);
    const selfApproved = needsApproval && user.role === "vp";
    const status = needsApproval && !selfApproved ? ("pending" as const) : ("approved" as const);
    const range = MODEL_RANGES[agreement.model];
    return { input, deal, agreement, needsApproval, status, range };
  },
  job: "commissions.override",
  run: async (stx, { input, deal, agreement, needsApproval, status, range }, { user }) => {
    await stx
      .update(commissionOverrides)
      .set({ status: "withdrawn" })
      .where(
        and(
          eq(commissionOverrides.opportunityId, deal.id),
          eq(commissionOverrides.agreementId, agreement.id),
          inArray(commissionOverrides.status, ["pending", "approved"]),
        ),
      );
    const [row] = await stx
      .insert(commissionOverrides)
      .values({
        opportunityId: deal.id,
        agreementId: agreement.id,
        rate: input.rate,
        reason: input.reason,
        needsApproval,
        status,
        requestedBy: user.id,
        decidedBy: status === "approved" && needsApproval ? user.id : null,
        decidedAt: status === "approved" && needsApproval ? new Date() : null,
      })
      .returning({ id: commissionOverrides.id });
    if (status === "pending") {
      const vps = await stx
        .select({ id: profiles.id })
        .from(profiles)
        .where(and(eq(profiles.role, "vp"), isNull(profiles.deactivatedAt)));
      await notify(
        stx,
        vps.map((v) => v.id),
        "override_requested",
        `Override to approve: ${deal.customer_name}`,
        `${user.displayName} asks for ${input.rate}% on ${agreement.name} (range ${range.min}–${range.max}%): ${input.reason}`,
        "/reports/commissions?tab=overrides",
      );
    }
    await recalculate(stx, deal.id);
    refresh();
    return { id: row!.id, status, needsApproval };
  },
});

async function loadOverride(tx: Tx, id: string) {
  const [found] = await tx
    .select({
      id: commissionOverrides.id,
      status: commissionOverrides.status,
      rate: commissionOverrides.rate,
      requestedBy: commissionOverrides.requestedBy,
      opportunityId: commissionOverrides.opportunityId,
      customerName: opportunities.customerName,
    })
    .from(commissionOverrides)
    .innerJoin(opportunities, eq(opportunities.id, commissionOverrides.opportunityId))
    .where(eq(commissionOverrides.id, id));
  if (!found) throw new ActionError(404, "That override was not found");
  return found;
}

/** The VP approves or rejects a pending out-of-range override; the requester is told either way. */
export const decideOverrideAction = defineJobAction({
  roles: ["vp"],
  schema: decideSchema,
  handler: async (input, { tx }) => {
    const found = await loadOverride(tx, input.overrideId);
    if (found.status !== "pending") throw new ActionError(409, `This override is already ${found.status}`);
    return { found, note: input.note || null, status: input.decision === "approve" ? ("approved" as const) : ("rejected" as const) };
  },
  job: "commissions.override",
  run: async (stx, { found, note, status }, { user }) => {
    const decided = await stx
      .update(commissionOverrides)
      .set({ status, decidedBy: user.id, decidedAt: new Date(), decisionNote: note })
      .where(and(eq(commissionOverrides.id, found.id), eq(commissionOverrides.status, "pending")))
      .returning({ id: commissionOverrides.id });
    // Another decision may have landed between the check and this job: the first one stands.
    if (decided.length === 0) throw new ActionError(409, "This override was already decided");
    if (found.requestedBy && found.requestedBy !== user.id) {
      await notify(
        stx,
        [found.requestedBy],
        `override_${status}`,
        `Override ${status}: ${found.customerName}`,
        `${user.displayName} ${status} ${Number(found.rate)}%${note ? `: ${note}` : "."}`,
        link(found.opportunityId),
      );
    }
    await recalculate(stx, found.opportunityId);
    refresh();
    return { id: found.id, status };
  },
});

/** The requester or a VP withdraws a live override; the agreement's own rate applies again. */
export const withdrawOverrideAction = defineJobAction({
  roles: STAFF_ROLES,
  schema: withdrawSchema,
  handler: async (input, { tx, user }: { tx: Tx; user: CurrentUser }) => {
    const found = await loadOverride(tx, input.overrideId);
    if (found.status !== "pending" && found.status !== "approved") throw new ActionError(409, `This override is already ${found.status}`);
    if (found.requestedBy !== user.id && user.role !== "vp") throw new ActionError(403, "Only the person who asked or a VP can withdraw an override");
    return { found };
  },
  job: "commissions.override",
  run: async (stx, { found }) => {
    const withdrawn = await stx
      .update(commissionOverrides)
      .set({ status: "withdrawn" })
      .where(and(eq(commissionOverrides.id, found.id), inArray(commissionOverrides.status, ["pending", "approved"])))
      .returning({ id: commissionOverrides.id });
    if (withdrawn.length === 0) throw new ActionError(409, "This override is no longer live");
    await recalculate(stx, found.opportunityId);
    refresh();
    return { id: found.id, status: "withdrawn" as const };
  },
});
