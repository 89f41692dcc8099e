"use client";

import { ChevronLeft, ChevronRight, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { TASK_CATEGORIES, TASK_PRIORITIES, TASK_STATUSES } from "@/lib/tasks/schemas";
import { addWeeks, weekLabel } from "@/lib/tasks/week";
import { CATEGORY_LABELS, PRIORITY_LABELS, STATUS_LABELS } from "./labels";
import { useTaskParams } from "./use-task-params";

const FILTER_KEYS = ["priority", "category", "status"] as const;

interface Props {
  week: string;
  currentWeek: string;
}

function WeekSwitcher({ week, currentWeek }: Props) {
  const { set } = useTaskParams();
  const go = (target: string) => set({ week: target === currentWeek ? null : target, task: null });
  return (
    <nav aria-label="Week" className="flex items-center gap-1">
      <Button variant="outline" size="icon" aria-label="Previous week" onClick={() => go(addWeeks(week, -1))}>
        <ChevronLeft aria-hidden />
      </Button>
      <p className="min-w-40 text-center text-sm font-medium" aria-live="polite" data-testid="task-week">
        {week === currentWeek ? "This week" : weekLabel(week)}
        {week === currentWeek ? (
          <span className="block text-xs font-normal text-muted-foreground">{weekLabel(week)}</span>
        ) : null}
      </p>
      <Button variant="outline" size="icon" aria-label="Next week" onClick={() => go(addWeeks(week, 1))}>
        <ChevronRight aria-hidden />
      </Button>
      {week !== currentWeek ? (
        <Button variant="ghost" size="sm" onClick={() => go(currentWeek)}>
          Back to this week
        </Button>
      ) : null}
    </nav>
  );
}

export function TaskToolbar({ week, currentWeek }: Props) {
  const { params, set, pending } = useTaskParams();
  const active = FILTER_KEYS.some((k) => params.get(k));
  const select = (
    key: (typeof FILTER_KEYS)[number],
    label: string,
    items: readonly { value: string; label: string }[],
    all = "All",
  ) => (
    <div className="grid gap-1">
      <Label htmlFor={`task-filter-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect
        id={`task-filter-${key}`}
        size="sm"
        wrapperClassName="w-36"
        value={params.get(key) ?? ""}
        onChange={(e) => set({ [key]: e.target.value })}
      >
        <NativeSelectOption value="">{all}</NativeSelectOption>
        {items.map((i) => (
          <NativeSelectOption key={i.value} value={i.value}>
            {i.label}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <div className="flex flex-wrap items-end justify-between gap-3">
      <WeekSwitcher week={week} currentWeek={currentWeek} />
      <div
        className="flex flex-wrap items-end gap-3"
        role="search"
        aria-label="Filter tasks"
        aria-busy={pending}
      >
        <div className="grid gap-1">
          <Label htmlFor="task-filter-scope" className="text-xs text-muted-foreground">
            Show
          </Label>
          <NativeSelect
            id="task-filter-scope"
            size="sm"
            wrapperClassName="w-40"
            value={params.get("scope") ?? "mine"}
            onChange={(e) => set({ scope: e.target.value === "mine" ? null : e.target.value })}
          >
            <NativeSelectOption value="mine">Assigned to me</NativeSelectOption>
            <NativeSelectOption value="delegated">Delegated by me</NativeSelectOption>
          </NativeSelect>
        </div>
        {select(
          "priority",
          "Priority",
          TASK_PRIORITIES.map((p) => ({ value: p, label: PRIORITY_LABELS[p] })),
        )}
        {select(
          "category",
          "Category",
          TASK_CATEGORIES.map((c) => ({ value: c, label: CATEGORY_LABELS[c] })),
        )}
        {select(
          "status",
          "Status",
          TASK_STATUSES.filter((s) => s !== "all").map((s) => ({ value: s, label: STATUS_LABELS[s] })),
        )}
        {active ? (
          <Button
            variant="ghost"
            size="sm"
            onClick={() => set({ priority: null, category: null, status: null })}
          >
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
