import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { notifications } from "@/lib/db/schema";
import { rows } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { registrationDecisionContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";

/** The VP and partnership managers hear of a new registration (caller holds a system step). */
export async function notifyReviewers(
  tx: Tx,
  registration: { id: string; customer: string; selfReferral: boolean },
) {
  const reviewers = await rows<{ id: string }>(
    tx,
    sql`select id from public.profiles where role in ('vp', 'partnership_manager') and deactivated_at is null`,
  );
  if (reviewers.length === 0) return;
  const body = registration.selfReferral ? "Flagged: the customer's domain matches the partner's own." : null;
  await tx.insert(notifications).values(
    reviewers.map((r) => ({
      userId: r.id,
      kind: "registration_submitted",
      title: `Deal registration to review: ${registration.customer}`,
      body,
      link: "/partners/registrations",
    })),
  );
}

/** The partner's users are notified of the decision and emailed (caller holds a system step). */
export async function notifyDecision(
  tx: Tx,
  decision: {
    id: string;
    partnerId: string;
    customerName: string;
    approved: boolean;
    protectedUntil: string | null;
    reason: string | null;
  },
) {
  const users = await rows<{ id: string; email: string; display_name: string; wants_email: boolean }>(
    tx,
    sql`select id, email, display_name, coalesce((email_preferences ->> 'registration_decided')::boolean, true) as wants_email
        from public.profiles where partner_id = ${decision.partnerId} and role = 'partner' and deactivated_at is null`,
  );
  if (users.length === 0) return;
  const title = decision.approved
    ? `Registration approved: ${decision.customerName}`
    : `Registration declined: ${decision.customerName}`;
  const body = decision.approved
    ? `Protected for you until ${decision.protectedUntil}.`
    : `Reason: ${decision.reason}`;
  await tx.insert(notifications).values(
    users.map((u) => ({
      userId: u.id,
      kind: "registration_decided",
      title,
      body,
      link: "/portal/referrals",
    })),
  );
  const url = `${serverEnv().APP_URL}/portal/referrals`;
  for (const user of users.filter((u) => u.wants_email)) {
    const content = registrationDecisionContent(
      user.display_name.split(" ")[0] ?? user.display_name,
      {
        customer: decision.customerName,
        approved: decision.approved,
        protectedUntil: decision.protectedUntil,
        reason: decision.reason,
      },
      url,
    );
    await enqueueEmail(tx, {
      ...content,
      to: user.email,
      template: "registration_decided",
      idempotencyKey: `registration-decided:${decision.id}:${user.id}`,
    });
  }
}
