"use client";

import { X } from "lucide-react";
import { SearchAsYouType } from "@/components/shell/search-as-you-type";
import { useUrlParams } from "@/components/shell/use-url-params";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { BAND_LABELS } from "@/lib/health/score";
import { DOMAIN_LABELS, KIND_LABELS, STATUS_LABELS } from "./labels";

const FILTER_KEYS = ["q", "domain", "kind", "tier", "status", "band", "owner"];
const entries = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

interface Option {
  value: string;
  label: string;
}

/** Directory search, filters and sort, kept in the URL so a view can be shared and reloaded. */
export function DirectoryFilters({
  tiers,
  owners,
}: {
  tiers: { id: string; name: string }[];
  owners: { id: string; name: string }[];
}) {
  const { params, set, pending } = useUrlParams();
  const active = FILTER_KEYS.some((k) => params.get(k));
  const select = (key: string, label: string, items: Option[], all = "All") => (
    <div className="grid gap-1">
      <Label htmlFor={`partner-filter-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect
        id={`partner-filter-${key}`}
        size="sm"
        wrapperClassName="w-40"
        value={params.get(key) ?? ""}
        onChange={(e) => set({ [key]: e.target.value })}
      >
        {all ? <NativeSelectOption value="">{all}</NativeSelectOption> : null}
        {items.map((i) => (
          <NativeSelectOption key={i.value} value={i.value}>
            {i.label}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <div
      className="flex flex-wrap items-end gap-3"
      role="search"
      aria-label="Filter partners"
      aria-busy={pending}
    >
      <div className="grid gap-1">
        <Label htmlFor="partner-filter-q" className="text-xs text-muted-foreground">
          Name
        </Label>
        <SearchAsYouType
          id="partner-filter-q"
          className="h-8 w-48"
          placeholder="Search partners"
          value={params.get("q") ?? ""}
          onSearch={(q) => set({ q })}
        />
      </div>
      {select("domain", "Domain", entries(DOMAIN_LABELS))}
      {select("kind", "Kind", entries(KIND_LABELS))}
      {select(
        "tier",
        "Tier",
        tiers.map((t) => ({ value: t.id, label: t.name })),
      )}
      {select("status", "Status", entries(STATUS_LABELS))}
      {select("band", "Health", [...entries(BAND_LABELS), { value: "unscored", label: "Not scored" }])}
      {select(
        "owner",
        "Owner",
        owners.map((o) => ({ value: o.id, label: o.name })),
      )}
      {select(
        "sort",
        "Sort by",
        [
          { value: "name", label: "Name" },
          { value: "health", label: "Health (best first)" },
          { value: "revenue", label: "Revenue (highest first)" },
        ],
        "",
      )}
      {active ? (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}
        >
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
