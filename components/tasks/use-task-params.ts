"use client";

import { useUrlParams } from "@/components/shell/use-url-params";

/** Tasks view state (week, filters, open task) lives in the URL so a view can be shared and reloaded. */
export function useTaskParams() {
  return useUrlParams();
}
