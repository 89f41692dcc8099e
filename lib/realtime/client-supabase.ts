import { createClient, type RealtimeChannel, type SupabaseClient } from "@supabase/supabase-js";
import { toChangeEvent, type ChangeEvent, type RealtimeTable } from "./events";
import type { RealtimeClient, RealtimeHandlers, RealtimeSession, RealtimeStatus } from "./port";

type SupabaseSession = Extract<RealtimeSession, { adapter: "supabase" }>;

export interface SupabaseRealtimeOptions {
  /** Fetches a fresh session (new token) before the current one expires. */
  refresh: () => Promise<SupabaseSession>;
  /** A WebSocket constructor where the runtime has none (Node 20: the `ws` package). */
  transport?: unknown;
}

/**
 * The browser half of the Supabase Realtime adapter: one socket per tab and one private broadcast
 * channel per topic the database lets the user join (`channel(topic, { config: { private: true } })`);
 * Supabase authorises each join through RLS on realtime.messages as the token's user. Every
 * subscription hears the `change` broadcasts of its tables.
 */
export function createSupabaseRealtimeClient(initial: SupabaseSession, options: SupabaseRealtimeOptions): RealtimeClient & { close(): Promise<void> } {
  let session = initial;
  let supabase: SupabaseClient | null = null;
  let channels: RealtimeChannel[] = [];
  let refreshTimer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<{ tables: ReadonlySet<RealtimeTable>; handlers: RealtimeHandlers }>();
  const joined = new Set<string>();
  let status: RealtimeStatus = "connecting";

  const setStatus = (next: RealtimeStatus) => {
    status = next;
    for (const l of listeners) l.handlers.onStatus?.(next);
  };
  const deliver = (event: ChangeEvent) => {
    for (const l of listeners) if (l.tables.has(event.table)) l.handlers.onEvent(event);
  };

  const scheduleRefresh = () => {
    clearTimeout(refreshTimer);
    const wait = Math.max(5_000, (session.expiresAt - Date.now()) * 0.8);
    refreshTimer = setTimeout(() => {
      options
        .refresh()
        .then(async (next) => {
          session = next;
          // Without an argument realtime-js asks the accessToken callback, which answers the new token, and re-sends it on every channel.
          await supabase?.realtime.setAuth();
        })
        .catch(() => {})
        .finally(scheduleRefresh);
    }, wait);
  };

  const open = () => {
    if (supabase) return;
    const client = (supabase = createClient(session.url, session.key, {
      accessToken: async () => session.accessToken,
      realtime: { ...(options.transport ? { transport: options.transport as never } : {}) },
    }));
    // A client reopened after a quiet spell fetches a fresh token first; then the token goes out before
    // any join, since a private channel joined without one is refused.
    const ready = session.expiresAt - Date.now() > 60_000 ? Promise.resolve() : options.refresh().then((next) => void (session = next));
    void ready.then(() => client.realtime.setAuth()).then(() => {
      if (supabase !== client) return;
      channels = session.topics.map((topic) => {
        const channel = client.channel(topic, { config: { private: true } });
        channel.on("broadcast", { event: "change" }, (message: { payload?: unknown }) => {
          const event = toChangeEvent(message.payload);
          if (event) deliver(event);
        });
        channel.subscribe((state) => {
          if (state === "SUBSCRIBED") joined.add(topic);
          else joined.delete(topic);
          setStatus(joined.size === session.topics.length ? "open" : state === "SUBSCRIBED" ? "connecting" : "reconnecting");
        });
        return channel;
      });
      scheduleRefresh();
    }, () => {
      // No token to join with: the next subscription after this one closes tries again.
      if (supabase === client) supabase = null;
      setStatus("reconnecting");
    });
  };

  const close = async () => {
    clearTimeout(refreshTimer);
    const client = supabase;
    supabase = null;
    joined.clear();
    if (client) await Promise.all(channels.map((c) => client.removeChannel(c)));
    channels = [];
    await client?.realtime.disconnect();
  };

  return {
    subscribe(tables, handlers) {
      const listener = { tables: new Set(tables), handlers };
      listeners.add(listener);
      handlers.onStatus?.(status);
      open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) void close();
      };
    },
    close,
  };
}
