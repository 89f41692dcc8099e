"use client";

import { Bell } from "lucide-react";
import Link from "next/link";
import { useCallback, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { getNotificationsAction, markNotificationsReadAction } from "@/lib/notifications/actions";
import type { NotificationItem } from "@/lib/notifications/queries";
import { useRealtime } from "@/lib/realtime/use-realtime";
import { cn } from "@/lib/utils";

const timeFormat = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

function relative(date: Date): string {
  const minutes = Math.round((new Date(date).getTime() - Date.now()) / 60_000);
  if (Math.abs(minutes) < 60) return timeFormat.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return timeFormat.format(hours, "hour");
  return timeFormat.format(Math.round(hours / 24), "day");
}

export function NotificationBell({ initial }: { initial: { items: NotificationItem[]; unread: number } }) {
  const [state, setState] = useState(initial);
  const [, startTransition] = useTransition();

  const refetch = useCallback(() => {
    startTransition(async () => {
      const result = await getNotificationsAction({});
      if (result.ok) setState(result.data);
    });
  }, []);

  useRealtime(["notifications"], refetch);

  const markAllRead = () =>
    startTransition(async () => {
      const result = await markNotificationsReadAction({});
      if (result.ok) setState(result.data);
    });

  const label = state.unread > 0 ? `Notifications, ${state.unread} unread` : "Notifications";
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={label} className="relative" data-testid="notification-bell">
          <Bell aria-hidden />
          {state.unread > 0 ? (
            <span
              data-testid="notification-count"
              className="absolute -right-0.5 -top-0.5 grid min-w-5 place-items-center rounded-full bg-destructive px-1 text-[11px] font-semibold leading-5 text-white"
            >
              {state.unread > 99 ? "99+" : state.unread}
            </span>
          ) : null}
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-80 max-w-[calc(100vw-2rem)]">
        <div className="flex items-center justify-between px-2 py-1.5">
          <DropdownMenuLabel className="p-0">Notifications</DropdownMenuLabel>
          {state.unread > 0 ? (
            <Button variant="link" size="sm" className="h-auto p-0 text-xs" onClick={markAllRead}>
              Mark all read
            </Button>
          ) : null}
        </div>
        <DropdownMenuSeparator />
        {state.items.length === 0 ? (
          <p className="px-3 py-6 text-center text-sm text-muted-foreground">You are all caught up.</p>
        ) : (
          <div className="max-h-96 overflow-y-auto">
            {state.items.map((item) => (
              <DropdownMenuItem key={item.id} asChild className="items-start">
                <Link href={item.link ?? "#"} className="grid gap-0.5">
                  <span className={cn("flex items-center gap-2 text-sm", !item.readAt && "font-semibold")}>
                    {!item.readAt ? <span aria-label="Unread" className="size-2 shrink-0 rounded-full bg-primary" /> : null}
                    {item.title}
                  </span>
                  {item.body ? <span className="line-clamp-2 text-xs text-muted-foreground">{item.body}</span> : null}
                  <span className="text-xs text-muted-foreground">{relative(item.createdAt)}</span>
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
