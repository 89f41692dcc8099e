"use server";

import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { recalculateAfterChange } from "@/lib/opportunities/after-change";
import { toEngineVersion } from "@/lib/commission-records/persist";
import type { AgreementVersion } from "@/lib/commissions/types";
import { validateNewVersion } from "@/lib/commissions/validate";
import type { Tx } from "@/lib/db/connection";
import { agreements, agreementVersions } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { addVersionSchema, createAgreementSchema, type VersionFields } from "./schemas";
import { formFieldOf, termsOf } from "./terms";

function check(existing: AgreementVersion[], next: AgreementVersion) {
  const errors = validateNewVersion(existing, next);
  if (Object.keys(errors).length === 0) return;
  const fieldErrors: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors))
    (fieldErrors[formFieldOf(field)] ??= []).push(...messages);
  throw new ActionError(422, "Some fields need attention", fieldErrors);
}

function draftVersion(
  agreement: { id: string; model: AgreementVersion["model"]; direction: AgreementVersion["direction"] },
  fields: VersionFields,
  version: number,
): AgreementVersion {
  return {
    id: `new-${version}`,
    agreementId: agreement.id,
    version,
    effectiveFrom: fields.effectiveFrom,
    effectiveTo: null,
    model: agreement.model,
    direction: agreement.direction,
    rate: fields.rate,
    basis: fields.basis,
    paymentModel: fields.paymentModel,
    currency: fields.currency,
    terms: termsOf(fields),
  };
}

/** Deals whose commissions depend on this partner's agreements and may still change. */
async function affectedDeals(tx: Tx, partnerId: string) {
  const found = await rows<{ id: string }>(
    tx,
    sql`select o.id from public.opportunities o join public.stages s on s.id = o.stage_id
        where not s.is_lost and (o.isv_partner_id = ${partnerId} or o.referring_partner_id = ${partnerId})`,
  );
  return found.map((r) => r.id);
}

export const createAgreementAction = defineAction({
  roles: ["vp", "finance"],
  schema: createAgreementSchema,
  handler: async ({ partnerId, direction, model, name, ...fields }, { tx, user }) => {
    const [agreement] = await tx
      .insert(agreements)
      .values({ partnerId, direction, model, name, status: "active", createdBy: user.id })
      .returning({ id: agreements.id });
    const draft = draftVersion({ id: agreement!.id, model, direction }, fields, 1);
    check([], draft);
    await tx
      .insert(agreementVersions)
      .values({
        agreementId: agreement!.id,
        version: 1,
        effectiveFrom: draft.effectiveFrom,
        rate: draft.rate,
        basis: draft.basis,
        paymentModel: draft.paymentModel,
        currency: draft.currency,
        terms: draft.terms as Record<string, unknown>,
        createdBy: user.id,
      });
    await recalculateAfterChange(tx, await affectedDeals(tx, partnerId));
    revalidatePath(`/partners/${partnerId}`);
    return { id: agreement!.id };
  },
});

/**
 * A new version takes effect on its date; the open version before it ends there (end dates are
 * exclusive, its terms stay as they were), and a date inside an older version is refused as an overlap.
 */
export const addVersionAction = defineAction({
  roles: ["vp", "finance"],
  schema: addVersionSchema,
  handler: async ({ agreementId, ...fields }, { tx, user }) => {
    const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, agreementId));
    if (!agreement) throw new ActionError(404, "That agreement no longer exists");
    const existing = await tx
      .select()
      .from(agreementVersions)
      .where(eq(agreementVersions.agreementId, agreementId))
      .orderBy(desc(agreementVersions.version));
    const asEngine = existing.map((v) => toEngineVersion(agreement, v));
    const open = asEngine.find((v) => v.effectiveTo === null && v.effectiveFrom < fields.effectiveFrom);
    const next = draftVersion(agreement, fields, (existing[0]?.version ?? 0) + 1);
    check(
      asEngine.map((v) => (v === open ? { ...v, effectiveTo: fields.effectiveFrom } : v)),
      next,
    );
    if (open)
      await tx
        .update(agreementVersions)
        .set({ effectiveTo: fields.effectiveFrom })
        .where(and(eq(agreementVersions.id, open.id), isNull(agreementVersions.effectiveTo)));
    await tx
      .insert(agreementVersions)
      .values({
        agreementId,
        version: next.version,
        effectiveFrom: next.effectiveFrom,
        rate: next.rate,
        basis: next.basis,
        paymentModel: next.paymentModel,
        currency: next.currency,
        terms: next.terms as Record<string, unknown>,
        createdBy: user.id,
      });
    await recalculateAfterChange(tx, await affectedDeals(tx, agreement.partnerId));
    revalidatePath(`/partners/${agreement.partnerId}`);
    return { version: next.version };
  },
});
