"use client";

import { useUrlParams } from "@/components/shell/use-url-params";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";

const SLOTS = 4;

/** Up to four partners to compare, kept in the URL as `ids=a,b,c`. */
export function ComparePicker({
  partners,
  selected,
}: {
  partners: { id: string; name: string }[];
  selected: string[];
}) {
  const { set, pending } = useUrlParams();
  const choose = (slot: number, id: string) => {
    const next = [...selected];
    if (id) next[slot] = id;
    else next.splice(slot, 1);
    set({ ids: [...new Set(next.filter(Boolean))].join(",") });
  };
  return (
    <div
      className="flex flex-wrap items-end gap-3"
      role="group"
      aria-label="Partners to compare"
      aria-busy={pending}
    >
      {Array.from({ length: Math.min(SLOTS, selected.length + 1) }, (_, slot) => (
        <div key={slot} className="grid gap-1">
          <Label htmlFor={`compare-${slot}`} className="text-xs text-muted-foreground">
            Partner {slot + 1}
          </Label>
          <NativeSelect
            id={`compare-${slot}`}
            size="sm"
            wrapperClassName="w-48"
            value={selected[slot] ?? ""}
            onChange={(e) => choose(slot, e.target.value)}
          >
            <NativeSelectOption value="">
              {slot < selected.length ? "Remove" : "Choose a partner"}
            </NativeSelectOption>
            {partners
              .filter((p) => p.id === selected[slot] || !selected.includes(p.id))
              .map((p) => (
                <NativeSelectOption key={p.id} value={p.id}>
                  {p.name}
                </NativeSelectOption>
              ))}
          </NativeSelect>
        </div>
      ))}
    </div>
  );
}
