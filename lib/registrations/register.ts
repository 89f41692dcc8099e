import "server-only";
import { sql } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { systemStep } from "@/lib/db/elevate";
import { dealRegistrations } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { toMinor } from "@/lib/opportunities/schemas";
import { isSelfReferral } from "./domain";
import { notifyReviewers } from "./notify";
import { liveClaims, lockDomain, refusalOf } from "./rules";
import type { RegisterDealInput } from "./schemas";

function valueOf(input: RegisterDealInput): number {
  let valueMinor: number;
  try {
    valueMinor = toMinor(input.estimatedValue, input.currency);
  } catch (error) {
    throw new ActionError(422, "Some fields need attention", {
      estimatedValue: [error instanceof Error ? error.message : "Invalid value"],
    });
  }
  if (valueMinor <= 0)
    throw new ActionError(422, "Some fields need attention", {
      estimatedValue: ["Enter a value above zero"],
    });
  return valueMinor;
}

/**
 * A partner user registers a deal in its RLS transaction. The customer domain is locked for the rest of
 * the transaction, so of two partners registering the same customer at once the second sees the first's
 * claim and is refused with the reason.
 */
export async function registerDeal(
  tx: Tx,
  user: { id: string; partnerId: string },
  input: RegisterDealInput,
  today: string,
) {
  const { partnerId } = user;
  const valueMinor = valueOf(input);
  await lockDomain(tx, input.customerDomain);
  const { claims, own } = await systemStep(tx, "registrations.check", async (stx) => ({
    claims: await liveClaims(stx, input.customerDomain, today),
    own: (
      await rows<{ website: string | null; emails: string[] | null }>(
        stx,
        sql`select p.website, (select json_agg(email) from public.profiles where partner_id = p.id) as emails
            from public.partners p where p.id = ${partnerId}`,
      )
    )[0],
  }));
  const refusal = refusalOf(claims, partnerId, input.customerDomain);
  if (refusal) throw new ActionError(409, refusal, { customerDomain: [refusal] });
  const selfReferral = isSelfReferral(input.customerDomain, {
    website: own?.website ?? null,
    emails: own?.emails ?? [],
  });
  const [created] = await tx
    .insert(dealRegistrations)
    .values({
      partnerId,
      submittedBy: user.id,
      customerName: input.customerName,
      customerDomain: input.customerDomain,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      estimatedValueMinor: valueMinor,
      currency: input.currency,
      notes: input.notes,
      selfReferral,
    })
    .returning({ id: dealRegistrations.id });
  await systemStep(tx, "registrations.submitted", async (stx) => {
    await notifyReviewers(stx, { id: created!.id, customer: input.customerName, selfReferral });
    await evaluateAchievements(stx, [partnerId]);
  });
  return { id: created!.id, selfReferral };
}
