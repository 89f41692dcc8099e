"use client";

import { SearchIcon } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";

export interface FilterOption {
  value: string;
  label: string;
}

export interface FilterDef {
  name: "category" | "tier" | "phase" | "skill" | "type" | "partner";
  label: string;
  any: string;
  options: FilterOption[];
}

/** Search and filters kept in the URL; applies as you type (and still works as a plain GET form). */
export function LibraryFilters({ filters }: { filters: FilterDef[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");
  const [pending, startTransition] = useTransition();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const apply = (name: string, value: string) => {
    // The location, not the hook's snapshot: two quick changes must both survive.
    const next = new URLSearchParams(window.location.search);
    if (value) next.set(name, value);
    else next.delete(name);
    startTransition(() => router.replace(`${pathname}${next.size ? `?${next}` : ""}`, { scroll: false }));
  };

  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onQuery = (value: string) => {
    setQ(value);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => apply("q", value.trim()), 200);
  };

  const active = filters.some((f) => params.get(f.name)) || Boolean(params.get("q"));
  return (
    <form method="get" role="search" aria-label="Search templates" className="grid gap-3" onSubmit={(e) => (e.preventDefault(), apply("q", q.trim()))}>
      <div className="grid gap-1.5">
        <Label htmlFor="template-search">Search</Label>
        <div className="relative">
          <SearchIcon aria-hidden="true" className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" />
          <Input
            id="template-search"
            name="q"
            type="search"
            value={q}
            onChange={(e) => onQuery(e.target.value)}
            placeholder="Business review, NDA, commission…"
            className="pl-9"
            autoComplete="off"
          />
          {pending ? <Spinner className="absolute top-1/2 right-3 -translate-y-1/2" label="Searching" /> : null}
        </div>
      </div>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
        {filters.map((f) => (
          <div key={f.name} className="grid gap-1.5">
            <Label htmlFor={`filter-${f.name}`}>{f.label}</Label>
            <NativeSelect id={`filter-${f.name}`} name={f.name} value={params.get(f.name) ?? ""} onChange={(e) => apply(f.name, e.target.value)}>
              <NativeSelectOption value="">{f.any}</NativeSelectOption>
              {f.options.map((o) => (
                <NativeSelectOption key={o.value} value={o.value}>
                  {o.label}
                </NativeSelectOption>
              ))}
            </NativeSelect>
          </div>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <noscript>
          <Button type="submit" size="sm">
            Search
          </Button>
        </noscript>
        {active ? (
          <Button
            type="button"
            variant="ghost"
            size="sm"
            onClick={() => {
              setQ("");
              startTransition(() => router.replace(pathname, { scroll: false }));
            }}
          >
            Clear search and filters
          </Button>
        ) : null}
      </div>
    </form>
  );
}
