// GET /api/realtime/session — which realtime adapter this server uses, and for Supabase Realtime the
// topics and short-lived token the signed-in user's browser joins its private channels with.
import { getCurrentUser } from "@/lib/auth/session";
import { problem } from "@/lib/http/problem";
import { realtimeSessionFor } from "@/lib/realtime/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  const session = await realtimeSessionFor(user);
  return Response.json(session, { headers: { "Cache-Control": "no-store" } });
}
