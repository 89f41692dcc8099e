"use client";

import { usePathname, useRouter } from "next/navigation";
import { useTransition } from "react";
import { Card, CardContent } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";

/** Choosing a partner reloads the form with that partner's live data (tier, revenue, pipeline, contacts). */
export function PartnerPicker({ partners, selected }: { partners: { id: string; name: string }[]; selected: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  return (
    <Card>
      <CardContent className="flex flex-wrap items-end gap-3">
        <div className="grid w-full gap-1.5 sm:w-80">
          <Label htmlFor="fill-partner">Fill from partner</Label>
          <NativeSelect
            id="fill-partner"
            value={selected ?? ""}
            onChange={(e) => startTransition(() => router.replace(e.target.value ? `${pathname}?partner=${e.target.value}` : pathname))}
          >
            <NativeSelectOption value="">No partner (program-wide figures)</NativeSelectOption>
            {partners.map((p) => (
              <NativeSelectOption key={p.id} value={p.id}>
                {p.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </div>
        {pending ? <Spinner label="Loading the partner's data" /> : null}
        <p className="text-sm text-muted-foreground">Changing the partner reloads its live data; values you typed are replaced.</p>
      </CardContent>
    </Card>
  );
}
