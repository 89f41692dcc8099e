import Link from "next/link";
import type { NotificationItem } from "@/lib/notifications/queries";
import { cn } from "@/lib/utils";

export function NotificationList({ items }: { items: readonly NotificationItem[] }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing new.</p>;
  return (
    <ul className="grid gap-2" data-testid="notification-list">
      {items.map((n) => (
        <li
          key={n.id}
          className={cn("rounded-md border px-3 py-2 text-sm", !n.readAt && "border-primary/40 bg-primary/5")}
        >
          <p className="font-medium">{n.link ? <Link href={n.link}>{n.title}</Link> : n.title}</p>
          {n.body ? <p className="text-muted-foreground">{n.body}</p> : null}
          <p className="text-xs text-muted-foreground">
            {n.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC
          </p>
        </li>
      ))}
    </ul>
  );
}
