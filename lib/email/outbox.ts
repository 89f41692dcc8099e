import { desc, sql } from "drizzle-orm";
import { emailOutbox } from "@/lib/db/schema";
import type { Tx } from "@/lib/db/connection";
import type { EmailContent } from "./templates";

export interface OutboundEmail extends EmailContent {
  to: string;
  template: string;
  /** Deterministic per cause, so a retried request never sends a second copy. */
  idempotencyKey: string;
}

/** Writes the email in the caller's transaction; the outbox worker delivers it after commit. */
export async function enqueueEmail(tx: Tx, email: OutboundEmail): Promise<void> {
  await tx
    .insert(emailOutbox)
    .values({
      toEmail: email.to,
      template: email.template,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      idempotencyKey: email.idempotencyKey,
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey });
}

/**
 * The invitation email, written in the inviter's own transaction by a security definer function that
 * sends it to the invitee only, once, and only while the caller's invitation is open.
 */
export async function enqueueInvitationEmail(tx: Tx, invitationId: string, content: EmailContent): Promise<void> {
  await tx.execute(
    sql`select private.enqueue_invitation_email(${invitationId}::uuid, ${content.subject}, ${content.text}, ${content.html})`,
  );
}

/** The newest outbox rows, for the local dev mailbox (read by a named system job: the outbox has no user grants). */
export function listOutboxMessages(tx: Tx, limit = 100) {
  return tx.select().from(emailOutbox).orderBy(desc(emailOutbox.createdAt)).limit(limit);
}
