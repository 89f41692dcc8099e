import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { enqueueEmail } from "@/lib/email/outbox";
import { payoutFailedContent, payoutSentContent, payoutSimulatedContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { formatMoney } from "@/lib/money";

export interface PayoutForEmail {
  id: string;
  partnerId: string;
  currency: string;
  amountMinor: number;
  attempts: number;
}

interface Recipient {
  id: string;
  email: string;
  display_name: string;
  wants_payout_emails: boolean;
}

async function partnerUsers(tx: Tx, partnerId: string): Promise<Recipient[]> {
  return rows<Recipient>(
    tx,
    sql`select id, email, display_name, coalesce((email_preferences ->> 'payout_sent')::boolean, true) as wants_payout_emails
        from public.profiles where partner_id = ${partnerId} and role = 'partner' and deactivated_at is null`,
  );
}

/**
 * Queued in the caller's transaction, keyed per payout and user so a repeated step sends nothing twice.
 * A simulated payout says so in its subject: no money moved.
 */
export async function queuePayoutSentEmails(
  tx: Tx,
  payout: PayoutForEmail,
  options: { simulated: boolean } = { simulated: false },
): Promise<void> {
  const amount = formatMoney(payout.amountMinor, payout.currency);
  const url = `${serverEnv().APP_URL}/portal/earnings`;
  for (const user of await partnerUsers(tx, payout.partnerId)) {
    if (!user.wants_payout_emails) continue;
    await enqueueEmail(tx, {
      to: user.email,
      template: options.simulated ? "payout_simulated" : "payout_sent",
      idempotencyKey: `payout-sent:${payout.id}:${user.id}`,
      ...(options.simulated
        ? payoutSimulatedContent(user.display_name, amount, url)
        : payoutSentContent(user.display_name, amount, url)),
    });
  }
}

/** Failures go to the partner's users (whatever their payout_sent preference) and to finance; one email per attempt. */
export async function queuePayoutFailedEmails(tx: Tx, payout: PayoutForEmail, reason: string): Promise<void> {
  const amount = formatMoney(payout.amountMinor, payout.currency);
  const [partner] = await rows<{ name: string }>(
    tx,
    sql`select name from public.partners where id = ${payout.partnerId}`,
  );
  const finance = await rows<Recipient>(
    tx,
    sql`select id, email, display_name, true as wants_payout_emails from public.profiles where role = 'finance' and deactivated_at is null`,
  );
  const appUrl = serverEnv().APP_URL;
  const targets = [
    ...(await partnerUsers(tx, payout.partnerId)).map((u) => ({ user: u, url: `${appUrl}/portal/earnings` })),
    ...finance.map((u) => ({ user: u, url: `${appUrl}/payouts` })),
  ];
  for (const { user, url } of targets) {
    await enqueueEmail(tx, {
      to: user.email,
      template: "payout_failed",
      idempotencyKey: `payout-failed:${payout.id}:${payout.attempts}:${user.id}`,
      ...payoutFailedContent(user.display_name, partner?.name ?? "the partner", amount, reason, url),
    });
  }
}
