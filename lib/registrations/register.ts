import "server-only";
import { sql } from "drizzle-orm";
import { ActionError } from "@/lib/actions/safe-action";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { toMinor } from "@/lib/domain/fields";
import { notifyReviewers } from "./notify";
import { lockDomain } from "./rules";
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

/** The refusal the database raises when another claim holds the customer domain (hint `domain_claimed`). */
function claimRefusal(error: unknown): string | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    const c = current as { code?: unknown; hint?: unknown; message?: unknown; cause?: unknown };
    if (c.code === "P0001" && c.hint === "domain_claimed") return String(c.message);
    current = c.cause;
  }
  return null;
}

export interface RegisteredDeal {
  id: string;
  selfReferral: boolean;
}

/**
 * A partner user registers a deal in its RLS transaction. The customer domain is locked for the rest of
 * the transaction and the database refuses a domain another claim holds (and sets the self-referral
 * flag), so of two partners registering the same customer at once the second is refused with the reason.
 * `today` is the day the caller shows; the database judges claims on its own current date.
 */
export async function registerDeal(
  tx: Tx,
  user: { id: string; partnerId: string },
  input: RegisterDealInput,
  _today?: string,
): Promise<RegisteredDeal> {
  const valueMinor = valueOf(input);
  await lockDomain(tx, input.customerDomain);
  try {
    // Only the columns a partner may write are named: the others are not granted (and drizzle would name them all).
    const [created] = await rows<{ id: string; self_referral: boolean }>(
      tx,
      sql`insert into public.deal_registrations (partner_id, submitted_by, customer_name, customer_domain, contact_name,
          contact_email, estimated_value_minor, currency, notes)
        values (${user.partnerId}, ${user.id}, ${input.customerName}, ${input.customerDomain}, ${input.contactName},
          ${input.contactEmail}, ${valueMinor}, ${input.currency}, ${input.notes ?? null})
        returning id, self_referral`,
    );
    return { id: created!.id, selfReferral: created!.self_referral };
  } catch (error) {
    const refusal = claimRefusal(error);
    if (refusal) throw new ActionError(409, refusal, { customerDomain: [refusal] });
    throw error;
  }
}

/** After the registration commits (system job): reviewers hear of it, the partner's achievements are re-evaluated. */
export async function announceRegistration(
  tx: Tx,
  registration: RegisteredDeal & { partnerId: string; customer: string },
): Promise<void> {
  await notifyReviewers(tx, { id: registration.id, customer: registration.customer, selfReferral: registration.selfReferral });
  await evaluateAchievements(tx, [registration.partnerId]);
}
