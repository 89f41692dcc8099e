"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import type { RealtimeTable } from "@/lib/realtime/events";
import { useRealtime } from "@/lib/realtime/use-realtime";

/** Re-renders the current server page when any of the watched tables changes (debounced, so a burst costs one render). */
export function LiveRefresh({ tables, delayMs = 120 }: { tables: readonly [RealtimeTable, ...RealtimeTable[]]; delayMs?: number }) {
  const router = useRouter();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useRealtime(tables, () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => router.refresh(), delayMs);
  });
  return null;
}
