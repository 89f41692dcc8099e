"use client";

import { useEffect, useRef } from "react";
import type { ChangeEvent, RealtimeTable } from "./events";
import { createListenClient } from "./client-listen";
import { realtimeSessionSchema, type RealtimeClient, type RealtimeSession, type RealtimeStatus } from "./port";

export type { RealtimeStatus } from "./port";

async function fetchSession(): Promise<RealtimeSession> {
  const response = await fetch("/api/realtime/session", { cache: "no-store", credentials: "same-origin" });
  if (!response.ok) throw new Error(`realtime session: ${response.status}`);
  return realtimeSessionSchema.parse(await response.json());
}

let shared: Promise<RealtimeClient> | null = null;

/** The tab's realtime client, for the adapter the server was configured with (asked once per tab). */
function realtimeClient(): Promise<RealtimeClient> {
  shared ??= fetchSession()
    .then(async (session): Promise<RealtimeClient> => {
      if (session.adapter === "listen") return createListenClient();
      const { createSupabaseRealtimeClient } = await import("./client-supabase");
      return createSupabaseRealtimeClient(session, {
        refresh: async () => {
          const next = await fetchSession();
          if (next.adapter !== "supabase") throw new Error("The server changed realtime adapter");
          return next;
        },
      });
    })
    .catch((error: unknown) => {
      shared = null;
      throw error;
    });
  return shared;
}

/**
 * Subscribes to change events for the given tables (the scope is required). Events carry ids only:
 * the handler refetches what changed through the server, where RLS applies.
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
    let stop: (() => void) | null = null;
    let stopped = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    const start = () => {
      statusHandler.current?.(attempt === 0 ? "connecting" : "reconnecting");
      realtimeClient().then(
        (client) => {
          if (stopped) return;
          stop = client.subscribe(scope.split(",") as RealtimeTable[], {
            onEvent: (event) => handler.current(event),
            onStatus: (status) => statusHandler.current?.(status),
          });
        },
        () => {
          if (stopped) return;
          attempt += 1;
          retry = setTimeout(start, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
        },
      );
    };
    start();
    return () => {
      stopped = true;
      clearTimeout(retry);
      stop?.();
    };
  }, [scope]);
}
