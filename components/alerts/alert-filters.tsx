"use client";

import Link from "next/link";
import { useUrlParams } from "@/components/shell/use-url-params";
import { NativeSelect } from "@/components/ui/native-select";
import type { AlertTab } from "@/lib/alerts/queries";
import { ALERT_CATEGORIES, ALERT_PRIORITIES } from "@/lib/alerts/types";
import { cn } from "@/lib/utils";
import { CATEGORY_LABELS, PRIORITY_LABELS } from "./labels";

const TABS: { tab: AlertTab; label: string }[] = [
  { tab: "open", label: "Open" },
  { tab: "snoozed", label: "Snoozed" },
  { tab: "resolved", label: "Resolved" },
  { tab: "history", label: "History" },
];

interface Props {
  tab: AlertTab;
  counts: Record<AlertTab, number>;
  priority: string | null;
  category: string | null;
  everyone: boolean;
  canSeeEveryone: boolean;
}

/** Tab, priority, category and (for the VP) whose alerts: all kept in the URL. */
export function AlertFilters({ tab, counts, priority, category, everyone, canSeeEveryone }: Props) {
  const { params, set, pending } = useUrlParams();
  const hrefFor = (next: AlertTab) => {
    const query = new URLSearchParams(params.toString());
    if (next === "open") query.delete("tab");
    else query.set("tab", next);
    const text = query.toString();
    return text ? `/alerts?${text}` : "/alerts";
  };
  return (
    <div className="grid gap-3" aria-busy={pending || undefined}>
      <nav aria-label="Alert lists" className="flex gap-1 overflow-x-auto border-b">
        {TABS.map((t) => (
          <Link
            key={t.tab}
            href={hrefFor(t.tab)}
            scroll={false}
            aria-current={tab === t.tab ? "page" : undefined}
            className={cn(
              "-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
              tab === t.tab ? "border-primary text-foreground" : "border-transparent",
            )}
          >
            {t.label} <span className="tabular-nums text-muted-foreground">({counts[t.tab]})</span>
          </Link>
        ))}
      </nav>
      <div className="flex flex-wrap items-end gap-3">
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Priority</span>
          <NativeSelect
            size="sm"
            value={priority ?? ""}
            onChange={(e) => set({ priority: e.target.value })}
            wrapperClassName="w-40"
          >
            <option value="">All priorities</option>
            {[...ALERT_PRIORITIES].reverse().map((p) => (
              <option key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </option>
            ))}
          </NativeSelect>
        </label>
        <label className="grid gap-1 text-sm">
          <span className="font-medium">Category</span>
          <NativeSelect
            size="sm"
            value={category ?? ""}
            onChange={(e) => set({ category: e.target.value })}
            wrapperClassName="w-40"
          >
            <option value="">All categories</option>
            {ALERT_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </option>
            ))}
          </NativeSelect>
        </label>
        {canSeeEveryone ? (
          <label className="grid gap-1 text-sm">
            <span className="font-medium">Whose alerts</span>
            <NativeSelect
              size="sm"
              value={everyone ? "team" : ""}
              onChange={(e) => set({ who: e.target.value })}
              wrapperClassName="w-40"
            >
              <option value="">Mine</option>
              <option value="team">Everyone&apos;s</option>
            </NativeSelect>
          </label>
        ) : null}
      </div>
    </div>
  );
}
