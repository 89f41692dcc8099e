"use client";

import { useUrlParams } from "@/components/shell/use-url-params";

/** Commission report view state (tab, partner, period, direction) lives in the URL. */
export function useCommissionParams() {
  return useUrlParams();
}
