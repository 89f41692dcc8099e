"use client";

import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { AlertRow } from "@/lib/alerts/queries";
import { CATEGORY_LABELS, PRIORITY_BADGE, PRIORITY_LABELS } from "./labels";
import { SnoozeControl } from "./snooze-control";
import { useAlertActions } from "./use-alert-actions";

const when = (iso: string) =>
  new Date(iso).toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) +
  " UTC";

function StatusLine({ alert, showRecipient }: { alert: AlertRow; showRecipient: boolean }) {
  const parts = [`Raised ${when(alert.createdAt)}`];
  if (showRecipient) parts.unshift(`For ${alert.recipientName}`);
  if (alert.status === "snoozed" && alert.snoozedUntil)
    parts.push(`snoozed until ${when(alert.snoozedUntil)}`);
  if (alert.handledAt) parts.push(`${alert.status} ${when(alert.handledAt)}`);
  return (
    <p className="text-xs text-muted-foreground">
      {parts.join(" · ")}
      {alert.status === "resolved" && alert.resolution ? ` · ${alert.resolution}` : ""}
    </p>
  );
}

/** One alert: what happened, the link to the record, the recommended action, and (when it is yours and still open) what to do with it. */
export function AlertItem({
  alert,
  mine,
  selected,
  onSelect,
  showRecipient,
}: {
  alert: AlertRow;
  mine: boolean;
  selected: boolean;
  onSelect: (on: boolean) => void;
  showRecipient: boolean;
}) {
  const actions = useAlertActions();
  const actionable = mine && (alert.status === "open" || alert.status === "snoozed");
  return (
    <li
      className="grid grid-cols-[auto_1fr] gap-3 rounded-lg border p-4 data-[selected=true]:bg-muted/50"
      data-selected={selected}
      data-testid="alert"
    >
      <div className="pt-0.5">
        {actionable ? (
          <Checkbox
            aria-label={`Select “${alert.title}”`}
            checked={selected}
            onCheckedChange={(on) => onSelect(on === true)}
          />
        ) : (
          <span className="block size-4" />
        )}
      </div>
      <div className="grid min-w-0 gap-2">
        <div className="flex flex-wrap items-center gap-2">
          <Badge variant={PRIORITY_BADGE[alert.priority]}>{PRIORITY_LABELS[alert.priority]}</Badge>
          <Badge variant="outline">{CATEGORY_LABELS[alert.category]}</Badge>
          {alert.status === "resolved" ? <Badge variant="success">Resolved</Badge> : null}
          <h3 className="min-w-0 font-medium break-words">{alert.title}</h3>
        </div>
        {alert.body ? <p className="text-sm text-muted-foreground">{alert.body}</p> : null}
        {alert.recommendedAction ? (
          <p className="text-sm">
            <span className="font-medium">Recommended: </span>
            {alert.recommendedAction}
          </p>
        ) : null}
        <StatusLine alert={alert} showRecipient={showRecipient} />
        <div className="flex flex-wrap items-start gap-2">
          {alert.link ? (
            <Button asChild size="sm" variant="secondary">
              <Link href={alert.link}>
                Open record <ArrowRight aria-hidden="true" />
              </Link>
            </Button>
          ) : null}
          {actionable ? (
            <>
              <Button
                size="sm"
                variant="outline"
                disabled={actions.pending}
                onClick={() => actions.acknowledge([alert.id])}
              >
                Acknowledge
              </Button>
              <SnoozeControl
                disabled={actions.pending}
                error={actions.errors.customDate}
                onSnooze={(until, date) => actions.snooze([alert.id], until, date)}
              />
              <Button
                size="sm"
                variant="ghost"
                disabled={actions.pending}
                onClick={() => actions.dismiss([alert.id])}
              >
                Dismiss
              </Button>
            </>
          ) : null}
        </div>
      </div>
    </li>
  );
}
