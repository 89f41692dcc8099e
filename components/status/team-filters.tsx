"use client";

import { useUrlParams } from "@/components/shell/use-url-params";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";

/** Person, role and range filters for the team view, kept in the URL. */
export function TeamFilters({ people }: { people: { id: string; name: string }[] }) {
  const { params, set, pending } = useUrlParams();
  return (
    <div className="flex flex-wrap items-end gap-4 print:hidden" aria-busy={pending || undefined}>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-person">Person</Label>
        <NativeSelect
          id="filter-person"
          wrapperClassName="w-52"
          value={params.get("person") ?? ""}
          onChange={(e) => set({ person: e.target.value })}
        >
          <option value="">Everyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-role">Role</Label>
        <NativeSelect
          id="filter-role"
          wrapperClassName="w-52"
          value={params.get("role") ?? ""}
          onChange={(e) => set({ role: e.target.value })}
        >
          <option value="">All roles</option>
          {STAFF_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </NativeSelect>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="filter-weeks">Weeks</Label>
        <NativeSelect
          id="filter-weeks"
          wrapperClassName="w-32"
          value={params.get("weeks") ?? "4"}
          onChange={(e) => set({ weeks: e.target.value === "4" ? null : e.target.value })}
        >
          {["4", "8", "12"].map((w) => (
            <option key={w} value={w}>
              Last {w}
            </option>
          ))}
        </NativeSelect>
      </div>
    </div>
  );
}
