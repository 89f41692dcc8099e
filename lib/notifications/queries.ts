import "server-only";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { withSession } from "@/lib/db/session";
import { notifications } from "@/lib/db/schema";

export interface NotificationItem {
  id: string;
  kind: string;
  title: string;
  body: string | null;
  link: string | null;
  readAt: Date | null;
  createdAt: Date;
}

export async function listNotifications(tx: Tx, userId: string, limit = 20): Promise<{ items: NotificationItem[]; unread: number }> {
  const items = await tx
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      readAt: notifications.readAt,
      createdAt: notifications.createdAt,
    })
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.createdAt))
    .limit(limit);
  const [unread] = await tx
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return { items, unread: Number(unread?.n ?? 0) };
}

/** The signed-in user's latest notifications, read in their own session (for the app shell). */
export function listNotificationsForUser(user: CurrentUser): Promise<{ items: NotificationItem[]; unread: number }> {
  return withSession({ claims: user.claims }, (tx) => listNotifications(tx, user.id));
}
