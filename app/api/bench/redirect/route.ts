// GET /api/bench/redirect — a bare 302 as the baseline of the referral redirect benchmark; 404 unless PARTNEROS_BENCH_ROUTES=on.
import { problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export function GET() {
  if (process.env.PARTNEROS_BENCH_ROUTES !== "on") return problem(404, "Not found");
  return new Response(null, { status: 302, headers: { Location: "/welcome", "Cache-Control": "no-store" } });
}
