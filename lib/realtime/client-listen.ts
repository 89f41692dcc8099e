import { toChangeEvent, type RealtimeTable } from "./events";
import type { RealtimeClient, RealtimeHandlers } from "./port";

/**
 * The browser half of the local adapter: one server-sent event stream per subscription from
 * `/api/realtime`, which hears Postgres LISTEN/NOTIFY and forwards what the database lets this user
 * know of. Reconnects with backoff.
 */
export function createListenClient(base = ""): RealtimeClient {
  return {
    subscribe(tables: readonly RealtimeTable[], handlers: RealtimeHandlers) {
      const scope = [...new Set(tables)].sort().join(",");
      let source: EventSource | null = null;
      let retry: ReturnType<typeof setTimeout> | undefined;
      let attempt = 0;
      let stopped = false;
      const connect = () => {
        handlers.onStatus?.(attempt === 0 ? "connecting" : "reconnecting");
        source = new EventSource(`${base}/api/realtime?tables=${encodeURIComponent(scope)}`);
        source.addEventListener("ready", () => {
          attempt = 0;
          handlers.onStatus?.("open");
        });
        source.addEventListener("change", (message) => {
          try {
            const event = toChangeEvent(JSON.parse((message as MessageEvent<string>).data));
            if (event) handlers.onEvent(event);
          } catch {
            // A malformed frame is dropped; the next event refetches anyway.
          }
        });
        source.onerror = () => {
          source?.close();
          if (stopped) return;
          attempt += 1;
          handlers.onStatus?.("reconnecting");
          retry = setTimeout(connect, Math.min(30_000, 500 * 2 ** Math.min(attempt, 6)));
        };
      };
      connect();
      return () => {
        stopped = true;
        clearTimeout(retry);
        source?.close();
      };
    },
  };
}
