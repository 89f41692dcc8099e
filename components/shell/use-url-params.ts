"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useTransition } from "react";

/**
 * View state kept in the URL so a view can be shared, saved and reloaded. `set` merges changes (empty
 * removes a key) and drops the keys in `resetOnChange` unless they are part of the change.
 */
export function useUrlParams(resetOnChange: readonly string[] = []) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const reset = resetOnChange.join(",");

  const set = useCallback(
    (changes: Record<string, string | null | undefined>) => {
      const next = new URLSearchParams(params.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value === null || value === undefined || value === "") next.delete(key);
        else next.set(key, value);
      }
      for (const key of reset ? reset.split(",") : []) if (!(key in changes)) next.delete(key);
      const query = next.toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [params, pathname, router, reset],
  );

  return { params, set, pending };
}
