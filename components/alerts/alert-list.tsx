"use client";

import { BellOff } from "lucide-react";
import { useState } from "react";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import type { AlertRow, AlertTab } from "@/lib/alerts/queries";
import type { RealtimeTable } from "@/lib/realtime/events";
import { AlertItem } from "./alert-item";
import { SnoozeControl } from "./snooze-control";
import { useAlertActions } from "./use-alert-actions";

const LIVE_TABLES: [RealtimeTable] = ["alerts"];

const EMPTY: Record<AlertTab, { title: string; description: string }> = {
  open: {
    title: "Nothing needs your attention",
    description: "New alerts appear here as soon as a rule finds something, without reloading.",
  },
  snoozed: {
    title: "No snoozed alerts",
    description: "Alerts you snooze wait here until their time comes, then return to Open.",
  },
  resolved: {
    title: "No resolved alerts",
    description: "When the condition behind an alert clears (the deal moves, the task is done), it is resolved and kept here.",
  },
  history: {
    title: "No history yet",
    description: "Alerts you acknowledge or dismiss, and alerts that resolved themselves, are kept here.",
  },
};

/** The alert list with selection and bulk acknowledge / snooze / dismiss; refreshes live when alerts change. */
export function AlertList({
  alerts,
  tab,
  userId,
  showRecipient,
  filtered,
}: {
  alerts: AlertRow[];
  tab: AlertTab;
  userId: string;
  showRecipient: boolean;
  filtered: boolean;
}) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const bulk = useAlertActions(() => setSelected(new Set()));
  const selectable = alerts.filter(
    (a) => a.userId === userId && (a.status === "open" || a.status === "snoozed"),
  );
  const ids = selectable.filter((a) => selected.has(a.id)).map((a) => a.id);
  const all = selectable.length > 0 && ids.length === selectable.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  return (
    <div className="grid gap-4">
      <LiveRefresh tables={LIVE_TABLES} />
      {alerts.length === 0 ? (
        <EmptyState
          icon={BellOff}
          title={filtered ? "No alerts match these filters" : EMPTY[tab].title}
          description={filtered ? "Clear a filter to see more." : EMPTY[tab].description}
        />
      ) : (
        <>
          {selectable.length > 0 ? (
            <div
              className="flex flex-wrap items-start gap-3 rounded-lg border p-3"
              role="group"
              aria-label="Bulk actions"
            >
              <label className="flex items-center gap-2 pt-1.5 text-sm">
                <Checkbox
                  checked={all ? true : ids.length > 0 ? "indeterminate" : false}
                  onCheckedChange={(on) =>
                    setSelected(on === true ? new Set(selectable.map((a) => a.id)) : new Set())
                  }
                  aria-label="Select all your alerts in this list"
                />
                <span aria-live="polite">
                  {ids.length === 0 ? "Select alerts" : `${ids.length} selected`}
                </span>
              </label>
              <Button
                size="sm"
                disabled={bulk.pending || ids.length === 0}
                onClick={() => bulk.acknowledge(ids)}
              >
                Acknowledge
              </Button>
              <SnoozeControl
                label="Snooze selected"
                disabled={bulk.pending || ids.length === 0}
                error={bulk.errors.customDate}
                onSnooze={(until, date) => bulk.snooze(ids, until, date)}
              />
              <Button
                size="sm"
                variant="ghost"
                disabled={bulk.pending || ids.length === 0}
                onClick={() => bulk.dismiss(ids)}
              >
                Dismiss
              </Button>
            </div>
          ) : null}
          <ul className="grid gap-3" aria-label="Alerts">
            {alerts.map((a) => (
              <AlertItem
                key={a.id}
                alert={a}
                mine={a.userId === userId}
                selected={selected.has(a.id)}
                onSelect={(on) => toggle(a.id, on)}
                showRecipient={showRecipient}
              />
            ))}
          </ul>
          {alerts.length >= 300 ? (
            <p className="text-sm text-muted-foreground">
              Showing the first 300. Narrow the filters to see the rest.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
