import { z } from "zod";
import type { ChangeEvent, RealtimeTable } from "./events";

export type RealtimeStatus = "connecting" | "open" | "reconnecting";

export interface RealtimeHandlers {
  /** A row of a watched table changed: refetch it (or the part of the page that shows it) through the server. */
  onEvent(event: ChangeEvent): void;
  onStatus?(status: RealtimeStatus): void;
}

/**
 * The one realtime interface of a page: subscribe to tables for the signed-in viewer, hear
 * `{ table, op, id }` events for the rows the database lets the viewer know of, unsubscribe.
 * Implemented by the local adapter (`client-listen.ts`: LISTEN/NOTIFY fanned out by this server as
 * server-sent events) and the Supabase one (`client-supabase.ts`: private broadcast channels of
 * Supabase Realtime). Which one runs is chosen once on the server (`config.ts`) and handed to the
 * browser by `GET /api/realtime/session`.
 */
export interface RealtimeClient {
  subscribe(tables: readonly RealtimeTable[], handlers: RealtimeHandlers): () => void;
}

/** What `GET /api/realtime/session` answers: the adapter, and for Supabase what the browser joins with. */
export const realtimeSessionSchema = z.discriminatedUnion("adapter", [
  z.object({ adapter: z.literal("listen") }),
  z.object({
    adapter: z.literal("supabase"),
    url: z.url(),
    key: z.string().min(1),
    /** A short-lived JWT with the user's claims: Supabase Realtime runs the channel authorisation as this user. */
    accessToken: z.string().min(1),
    /** When the token expires (ms since the epoch); the client fetches a new session before then. */
    expiresAt: z.number().int(),
    /** The private topics the database lets this user join (private.realtime_my_topics). */
    topics: z.array(z.string().min(1).max(100)).max(20),
  }),
]);
export type RealtimeSession = z.infer<typeof realtimeSessionSchema>;
