// GET /api/realtime?tables=a,b — the local realtime adapter: server-sent change events for the signed-in
// user, each batch decided by the database as that user (lib/realtime/visibility.ts).
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";
import { isRealtimeTable, type ChangeEvent, type RealtimeTable } from "@/lib/realtime/events";
import { realtimeConfig } from "@/lib/realtime/config";
import { RealtimeLimitError, subscribe } from "@/lib/realtime/hub";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (realtimeConfig().adapter !== "listen") {
    return problem(404, "This server delivers live updates through Supabase Realtime", { detail: "See GET /api/realtime/session." });
  }
  const requested = (new URL(request.url).searchParams.get("tables") ?? "").split(",").filter(Boolean);
  const unknown = requested.filter((t) => !isRealtimeTable(t));
  if (requested.length === 0 || unknown.length > 0) {
    return problem(400, "Name the tables to watch", { detail: unknown.length ? `Unknown tables: ${unknown.slice(0, 20).join(", ").slice(0, 500)}` : "Pass ?tables=…" });
  }
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe = () => {};
  const end = () => {
    clearInterval(heartbeat);
    unsubscribe();
    try {
      controller?.close();
    } catch {
      // already closed
    }
  };
  const write = (text: string) => {
    try {
      controller?.enqueue(encoder.encode(text));
    } catch {
      end();
    }
  };
  try {
    // Admitted before the stream opens, so a full instance answers with a status rather than a broken stream.
    unsubscribe = await subscribe({
      claims: user.claims,
      tables: new Set(requested as RealtimeTable[]),
      send: (event: ChangeEvent) => write(`event: change\ndata: ${JSON.stringify(event)}\n\n`),
    });
  } catch (error) {
    if (!(error instanceof RealtimeLimitError)) throw error;
    return problem(429, error.message, {
      detail: "Live updates are paused here; the page still works. Close another tab, or wait and it reconnects.",
      headers: { "Retry-After": String(error.retryAfterSeconds) },
    });
  }
  request.signal.addEventListener("abort", end);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      heartbeat = setInterval(() => write(`: keep-alive\n\n`), 20_000);
      write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
    },
    cancel: end,
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
