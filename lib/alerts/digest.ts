import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { serverEnv } from "@/lib/env";
import { DAY_MS } from "./types";
import { digestContent, type DigestAlert } from "./digest-content";

/** A digest goes out at most this often per person, however often the job runs. */
const MIN_GAP_MS = 20 * 3_600_000;
/** The first digest covers the day before it. */
const FIRST_WINDOW_MS = DAY_MS;

interface Recipient {
  user_id: string;
  email: string;
  display_name: string;
  last_digest_at: Date | string | null;
}

/**
 * The daily email digest through the outbox: for each active person with the digest switched on, the
 * alerts created since their last digest that are still open (acknowledged, dismissed and snoozed ones
 * were already dealt with). Nobody gets an empty digest; the window moves on either way.
 */
export async function sendAlertDigests(tx: Tx, now: Date): Promise<{ sent: number; people: number }> {
  const due = await rows<Recipient>(
    tx,
    sql`select ap.user_id, p.email, p.display_name, ap.last_digest_at
        from public.alert_preferences ap join public.profiles p on p.id = ap.user_id
        where ap.digest_enabled and p.deactivated_at is null and p.role <> 'partner'
          and (ap.last_digest_at is null or ap.last_digest_at <= ${new Date(now.getTime() - MIN_GAP_MS).toISOString()}::timestamptz)`,
  );
  let sent = 0;
  for (const person of due) {
    const since = person.last_digest_at
      ? new Date(person.last_digest_at)
      : new Date(now.getTime() - FIRST_WINDOW_MS);
    const alerts = await rows<DigestAlert & { id: string }>(
      tx,
      sql`select id, title, priority, recommended_action as "recommendedAction", link from public.alerts
          where user_id = ${person.user_id} and status = 'open'
            and created_at > ${since.toISOString()}::timestamptz and created_at <= ${now.toISOString()}::timestamptz
          order by case priority when 'critical' then 0 when 'high' then 1 when 'medium' then 2 else 3 end, created_at`,
    );
    if (alerts.length > 0) {
      await enqueueEmail(tx, {
        ...digestContent(
          person.display_name.split(" ")[0] ?? person.display_name,
          alerts,
          serverEnv().APP_URL,
        ),
        to: person.email,
        template: "alert_digest",
        idempotencyKey: `alert-digest:${person.user_id}:${since.toISOString()}`,
      });
      await tx.execute(
        sql`update public.alerts set emailed_at = ${now.toISOString()}::timestamptz
            where id = any(string_to_array(${alerts.map((a) => a.id).join(",")}, ',')::uuid[])`,
      );
      sent += 1;
    }
    await tx.execute(
      sql`update public.alert_preferences set last_digest_at = ${now.toISOString()}::timestamptz where user_id = ${person.user_id}`,
    );
  }
  return { sent, people: due.length };
}
