"use client";

import { useEffect, useRef } from "react";
import type { ChangeEvent, RealtimeTable } from "./events";

export type RealtimeStatus = "connecting" | "open" | "reconnecting";

/**
 * Subscribes to change events for the given tables (the scope is required). Events carry ids only:
 * the handler refetches through the server, where RLS applies. Reconnects with backoff.
 */
export function useRealtime(
  tables: readonly [RealtimeTable, ...RealtimeTable[]],
  onEvent: (event: ChangeEvent) => void,
  onStatus?: (status: RealtimeStatus) => void,
): void {
  const handler = useRef(onEvent);
  const statusHandler = useRef(onStatus);
  useEffect(() => {
    handler.current = onEvent;
    statusHandler.current = onStatus;
  });
  const scope = [...tables].sort().join(",");

  useEffect(() => {
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let stopped = false;

    const connect = () => {
      statusHandler.current?.(attempt === 0 ? "connecting" : "reconnecting");
      source = new EventSource(`/api/realtime?tables=${encodeURIComponent(scope)}`);
      source.addEventListener("ready", () => {
        attempt = 0;
        statusHandler.current?.("open");
      });
      source.addEventListener("change", (message) => {
        try {
          handler.current(JSON.parse((message as MessageEvent<string>).data) as ChangeEvent);
        } catch {
          // A malformed frame is dropped; the next event refetches anyway.
        }
      });
      source.onerror = () => {
        source?.close();
        if (stopped) return;
        attempt += 1;
        statusHandler.current?.("reconnecting");
        retry = setTimeout(connect, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [scope]);
}
