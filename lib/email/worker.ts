import { and, eq, inArray, lte, sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { emailOutbox } from "@/lib/db/schema";
import { withSystem } from "@/lib/db/session";
import type { EmailAdapter } from "./adapter";

export const MAX_ATTEMPTS = 8;

/** Exponential backoff: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

/**
 * Once a hosted provider has the message, its links (verification, reset, invitation) have no reason to
 * stay in the database; the local adapter keeps them because the dev mailbox is where they are read.
 */
function keptBodies(adapter: EmailAdapter): { textBody?: string; htmlBody?: string } {
  return adapter.name === "local" ? {} : { textBody: "", htmlBody: "" };
}

export interface DeliveryReport {
  sent: number;
  failed: number;
}

/**
 * Claims due messages (skip locked, so parallel workers never take the same row), sends them outside
 * the claiming transaction, then records each result. A crash after sending leaves the row `sending`;
 * it is retried after a lease, and the provider sees the same idempotency key.
 */
export async function deliverDueEmails(
  conn: Connection,
  adapter: EmailAdapter,
  options: { from: string; now?: Date; batchSize?: number },
): Promise<DeliveryReport> {
  const now = options.now ?? new Date();
  const leaseCutoff = new Date(now.getTime() - 5 * 60_000);
  const claimed = await withSystem(
    "email.outbox",
    async (tx) => {
      const due = await tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          sql`(${emailOutbox.status} in ('pending', 'failed') and ${emailOutbox.nextAttemptAt} <= ${now.toISOString()} and ${emailOutbox.attempts} < ${MAX_ATTEMPTS})
              or (${emailOutbox.status} = 'sending' and ${emailOutbox.nextAttemptAt} <= ${leaseCutoff.toISOString()})`,
        )
        .orderBy(emailOutbox.createdAt)
        .limit(options.batchSize ?? 50)
        .for("update", { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(emailOutbox)
        .set({ status: "sending", attempts: sql`${emailOutbox.attempts} + 1`, nextAttemptAt: now })
        .where(inArray(emailOutbox.id, due.map((d) => d.id)))
        .returning();
    },
    conn,
  );

  const report: DeliveryReport = { sent: 0, failed: 0 };
  for (const message of claimed) {
    try {
      const providerId = await adapter.send({
        id: message.id,
        to: message.toEmail,
        from: options.from,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        idempotencyKey: message.idempotencyKey,
      });
      await withSystem(
        "email.outbox",
        (tx) =>
          tx
            .update(emailOutbox)
            .set({ status: "sent", sentAt: new Date(), provider: adapter.name, providerMessageId: providerId, lastError: null, ...keptBodies(adapter) })
            .where(and(eq(emailOutbox.id, message.id), eq(emailOutbox.status, "sending"))),
        conn,
      );
      report.sent += 1;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      await withSystem(
        "email.outbox",
        (tx) =>
          tx
            .update(emailOutbox)
            .set({ status: "failed", lastError: detail.slice(0, 1000), nextAttemptAt: new Date(now.getTime() + retryDelayMs(message.attempts)) })
            .where(eq(emailOutbox.id, message.id)),
        conn,
      );
      report.failed += 1;
    }
  }
  return report;
}

export async function countUndelivered(conn: Connection): Promise<number> {
  const [row] = await withSystem(
    "email.outbox",
    (tx) => tx.select({ n: sql<number>`count(*)::int` }).from(emailOutbox).where(lte(emailOutbox.attempts, MAX_ATTEMPTS)),
    conn,
  );
  return row?.n ?? 0;
}
