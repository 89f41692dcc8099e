"use client";

import { X } from "lucide-react";
import { DOMAIN_LABELS } from "@/components/partners/labels";
import { SearchAsYouType } from "@/components/shell/search-as-you-type";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import type { PipelineOptions, StageRow } from "@/lib/opportunities/queries";
import { DOMAINS } from "@/lib/opportunities/schemas";
import { usePipelineParams } from "./use-pipeline-params";

const FILTER_KEYS = ["owner", "partner", "domain", "stage", "q", "min", "max", "from", "to"];

export function PipelineFilters({ options, stages, list }: { options: PipelineOptions; stages: StageRow[]; list: boolean }) {
  const { params, set, pending } = usePipelineParams();
  const active = FILTER_KEYS.some((k) => params.get(k));
  const select = (key: string, label: string, items: { value: string; label: string }[]) => (
    <div className="grid gap-1">
      <Label htmlFor={`filter-${key}`} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <NativeSelect id={`filter-${key}`} size="sm" wrapperClassName="w-44" value={params.get(key) ?? ""} onChange={(e) => set({ [key]: e.target.value })}>
        <NativeSelectOption value="">All</NativeSelectOption>
        {items.map((i) => (
          <NativeSelectOption key={i.value} value={i.value}>
            {i.label}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </div>
  );
  return (
    <div className="flex flex-wrap items-end gap-3" aria-busy={pending} role="search" aria-label="Filter opportunities">
      {select("owner", "Owner", options.owners.map((o) => ({ value: o.id, label: o.name })))}
      {select("partner", "Partner", [...options.isvPartners, ...options.programPartners].filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i).map((p) => ({ value: p.id, label: p.name })))}
      {select("domain", "Domain", DOMAINS.map((d) => ({ value: d, label: DOMAIN_LABELS[d] })))}
      {list ? (
        <>
          {select("stage", "Stage", stages.map((s) => ({ value: s.id, label: s.name })))}
          <div className="grid gap-1">
            <Label htmlFor="filter-q" className="text-xs text-muted-foreground">
              Customer
            </Label>
            <SearchAsYouType id="filter-q" className="h-8 w-44" placeholder="Search" value={params.get("q") ?? ""} onSearch={(q) => set({ q })} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="filter-min" className="text-xs text-muted-foreground">
              Value from ({options.currency})
            </Label>
            <Input id="filter-min" className="h-8 w-32" inputMode="numeric" defaultValue={params.get("min") ?? ""} onBlur={(e) => set({ min: e.target.value.replace(/\D/g, "") })} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="filter-max" className="text-xs text-muted-foreground">
              to
            </Label>
            <Input id="filter-max" className="h-8 w-32" inputMode="numeric" defaultValue={params.get("max") ?? ""} onBlur={(e) => set({ max: e.target.value.replace(/\D/g, "") })} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="filter-from" className="text-xs text-muted-foreground">
              Closing from
            </Label>
            <Input id="filter-from" type="date" className="h-8 w-40" value={params.get("from") ?? ""} onChange={(e) => set({ from: e.target.value })} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor="filter-to" className="text-xs text-muted-foreground">
              to
            </Label>
            <Input id="filter-to" type="date" className="h-8 w-40" value={params.get("to") ?? ""} onChange={(e) => set({ to: e.target.value })} />
          </div>
        </>
      ) : null}
      {active ? (
        <Button variant="ghost" size="sm" onClick={() => set(Object.fromEntries(FILTER_KEYS.map((k) => [k, null])))}>
          <X aria-hidden /> Clear filters
        </Button>
      ) : null}
    </div>
  );
}
