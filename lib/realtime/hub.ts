import "server-only";
import { getConnection } from "@/lib/db/client";
import { parseChangeNotice, type ChangeEvent, type ChangeNotice, type RealtimeTable } from "./events";
import { visibleEvents, type Viewer } from "./visibility";

// The local realtime adapter's server half: one LISTEN per instance, batched, each batch's visibility
// decided by the database as each subscriber (visibility.ts), fanned out to the SSE streams of
// app/api/realtime/route.ts. The browser half is client-listen.ts.

export const CHANGES_CHANNEL = "partneros_changes";

export interface Subscriber extends Viewer {
  tables: ReadonlySet<RealtimeTable>;
  send(event: ChangeEvent): void;
}

/** A stream over the user's or the instance's cap; the client's reconnect backoff retries later. */
export class RealtimeLimitError extends Error {
  constructor(
    readonly scope: "user" | "instance",
    readonly retryAfterSeconds: number,
  ) {
    super(scope === "user" ? "You have too many live pages open" : "This server holds as many live connections as it can");
  }
}

interface Hub {
  subscribers: Set<Subscriber>;
  pending: Map<string, ChangeNotice>;
  flushing?: ReturnType<typeof setTimeout>;
  listening?: Promise<void>;
}

const globalForHub = globalThis as typeof globalThis & { __partnerosRealtime?: Hub };
const hub: Hub = (globalForHub.__partnerosRealtime ??= { subscribers: new Set(), pending: new Map() });

function limit(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Streams one user may hold (a tab holds two: the notification bell and the page's live refresh), so the
 * default allows five tabs; one more is refused. Refusing the newest, rather than closing the oldest,
 * keeps tabs from taking the stream from each other on every reconnect.
 */
export const maxStreamsPerUser = () => limit("REALTIME_MAX_STREAMS_PER_USER", 10);
/** Streams one server instance holds in all; beyond it new streams are refused with 429. */
export const maxStreamsPerInstance = () => limit("REALTIME_MAX_STREAMS", 1000);
/** How long change notifications are gathered into one batch: one bulk update becomes one fan-out. */
export const batchWindowMs = () => limit("REALTIME_BATCH_MS", 75);

/** Whether this subscriber may learn of the change, as the database decides it for a batch of one. */
export async function maySee(subscriber: Viewer, notice: ChangeNotice): Promise<boolean> {
  const visible = await visibleEvents([subscriber], () => [notice]);
  return (visible.get(subscriber)?.length ?? 0) > 0;
}

async function dispatch(events: ChangeNotice[]) {
  const subscribers = [...hub.subscribers].filter((s) => events.some((e) => s.tables.has(e.table)));
  if (!subscribers.length) return;
  try {
    const visible = await visibleEvents(subscribers, (s) => events.filter((e) => s.tables.has(e.table)));
    for (const [subscriber, list] of visible) {
      // A stream that closed while the batch was decided hears nothing more.
      if (hub.subscribers.has(subscriber)) for (const event of list) subscriber.send(event);
    }
  } catch (error) {
    console.error("[realtime] visibility check failed", error);
  }
}

function flush() {
  hub.flushing = undefined;
  const events = [...hub.pending.values()];
  hub.pending.clear();
  if (events.length) void dispatch(events);
}

/** A batch is sent early at this size, so one huge update becomes several bounded read-backs, not one unbounded one. */
const MAX_BATCH = 500;

/** Gathers a notification into the current batch; repeats of the same row change collapse into one (with all their topics). */
export function enqueueChange(notice: ChangeNotice) {
  const key = `${notice.table}:${notice.op}:${notice.id ?? ""}`;
  const earlier = hub.pending.get(key);
  hub.pending.set(key, earlier ? { ...notice, topics: [...new Set([...earlier.topics, ...notice.topics])] } : notice);
  if (hub.pending.size >= MAX_BATCH) {
    clearTimeout(hub.flushing);
    flush();
    return;
  }
  hub.flushing ??= setTimeout(flush, batchWindowMs());
}

function ensureListening(): Promise<void> {
  hub.listening ??= (async () => {
    const conn = await getConnection();
    await conn.listen(CHANGES_CHANNEL, (payload) => {
      const notice = parseChangeNotice(payload);
      if (notice) enqueueChange(notice);
    });
  })().catch((error: unknown) => {
    hub.listening = undefined;
    throw error;
  });
  return hub.listening;
}

/** Adds a stream; throws RealtimeLimitError when the user or the instance holds its cap of streams. */
export async function subscribe(subscriber: Subscriber): Promise<() => void> {
  await ensureListening();
  let own = 0;
  for (const s of hub.subscribers) if (s.claims.sub === subscriber.claims.sub) own += 1;
  if (own >= maxStreamsPerUser()) throw new RealtimeLimitError("user", 60);
  if (hub.subscribers.size >= maxStreamsPerInstance()) throw new RealtimeLimitError("instance", 30);
  hub.subscribers.add(subscriber);
  return () => hub.subscribers.delete(subscriber);
}

/** Open streams in all and of one user (health checks and tests). */
export function streamCounts(userId?: string): { total: number; user: number } {
  const all = [...hub.subscribers];
  return { total: all.length, user: userId ? all.filter((s) => s.claims.sub === userId).length : 0 };
}
