import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { notifications } from "@/lib/db/schema";
import { rows, withSystem } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { serverEnv } from "@/lib/env";
import { deadlineOf, weekStartOf } from "./week";

/** Reminders go out during the last day before the Friday 17:00 UTC deadline. */
export const REMINDER_WINDOW_MS = 24 * 3_600_000;

const escape = (v: string) =>
  v.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function reminderEmail(name: string, deadline: Date, url: string) {
  const when = deadline.toUTCString().replace(":00 GMT", " UTC");
  const subject = "Your weekly status is due today";
  const lines = [
    `Hi ${name},`,
    `Your weekly status is due by ${when}. It is pre-filled with this week's activity, so it takes a few minutes.`,
  ];
  const text = [...lines, "", `Open your status: ${url}`].join("\n");
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">${lines
    .map((l) => `<p>${escape(l)}</p>`)
    .join("")}<p><a href="${escape(url)}">Open your status</a></p></body></html>`;
  return { subject, text, html };
}

/**
 * Reminds every active teammate without a submitted status this week, once per person per week: the
 * outbox idempotency key is the marker, so reruns (and a deleted notification) never send a second one.
 */
export async function sendStatusReminders(tx: Tx, now: Date): Promise<{ reminded: number }> {
  const week = weekStartOf(now);
  const deadline = deadlineOf(week);
  const msLeft = deadline.getTime() - now.getTime();
  if (msLeft <= 0 || msLeft > REMINDER_WINDOW_MS) return { reminded: 0 };
  const due = await rows<{ id: string; email: string; name: string; key: string }>(
    tx,
    sql`select p.id, p.email, p.display_name as name, 'status-reminder:' || p.id || ':' || ${week} as key
        from public.profiles p
        where p.role <> 'partner' and p.deactivated_at is null
          and not exists (select 1 from public.weekly_statuses s where s.user_id = p.id and s.week_start = ${week}::date and s.status = 'submitted')
          and not exists (select 1 from public.email_outbox o where o.idempotency_key = 'status-reminder:' || p.id || ':' || ${week})`,
  );
  if (due.length === 0) return { reminded: 0 };
  const url = `${serverEnv().APP_URL}/status`;
  for (const person of due) {
    await enqueueEmail(tx, {
      to: person.email,
      template: "status_reminder",
      idempotencyKey: person.key,
      ...reminderEmail(person.name, deadline, url),
    });
  }
  await tx.insert(notifications).values(
    due.map((p) => ({
      userId: p.id,
      kind: "status_reminder",
      title: "Your weekly status is due today",
      body: `Submit it before ${deadline.toISOString().slice(11, 16)} UTC on Friday.`,
      link: "/status",
    })),
  );
  return { reminded: due.length };
}

/** The scheduled job: call it hourly; it only acts inside the reminder window. */
export async function runStatusReminders(now: Date = new Date()) {
  return withSystem("status.reminders", (tx) => sendStatusReminders(tx, now));
}
