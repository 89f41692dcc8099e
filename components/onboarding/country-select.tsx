import type { ComponentProps } from "react";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { COUNTRIES } from "@/lib/domain/countries";

/** A country field: the full ISO list by name (type a letter to jump), submitting the two-letter code. */
export function CountrySelect({ defaultValue, ...props }: Omit<ComponentProps<typeof NativeSelect>, "children" | "defaultValue"> & { defaultValue?: string | null }) {
  return (
    <NativeSelect autoComplete="country" {...props} defaultValue={defaultValue ?? ""}>
      <NativeSelectOption value="" disabled>
        Choose a country
      </NativeSelectOption>
      {COUNTRIES.map((c) => (
        <NativeSelectOption key={c.code} value={c.code}>
          {c.name}
        </NativeSelectOption>
      ))}
    </NativeSelect>
  );
}
