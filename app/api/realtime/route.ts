// GET /api/realtime?tables=a,b — server-sent change events for the signed-in user, filtered through RLS.
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";
import { isRealtimeTable, type ChangeEvent, type RealtimeTable } from "@/lib/realtime/events";
import { subscribe } from "@/lib/realtime/hub";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  const requested = (new URL(request.url).searchParams.get("tables") ?? "").split(",").filter(Boolean);
  const unknown = requested.filter((t) => !isRealtimeTable(t));
  if (requested.length === 0 || unknown.length > 0) {
    return problem(400, "Name the tables to watch", { detail: unknown.length ? `Unknown tables: ${unknown.join(", ")}` : "Pass ?tables=…" });
  }
  const tables = new Set(requested as RealtimeTable[]);
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const unsubscribe = await subscribe({
        claims: user.claims,
        role: user.role,
        partnerId: user.partnerId,
        tables,
        send: (event: ChangeEvent) => write(`event: change\ndata: ${JSON.stringify(event)}\n\n`),
      });
      const heartbeat = setInterval(() => write(`: keep-alive\n\n`), 20_000);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      write(`retry: 2000\nevent: ready\ndata: {}\n\n`);
    },
    cancel() {
      cleanup();
    },
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
