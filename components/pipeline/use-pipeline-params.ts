"use client";

import { useUrlParams } from "@/components/shell/use-url-params";

const PAGE_RESET = ["page"] as const;

/** Pipeline view state lives in the URL so a view can be shared, saved and reloaded; a filter change goes back to page 1. */
export function usePipelineParams() {
  return useUrlParams(PAGE_RESET);
}
