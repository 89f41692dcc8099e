// GET /api/portal/earnings?status=forecast|pending|approved|paid (pending = earned, awaiting approval) — the signed-in partner's payable commission lines as CSV.
import { getCurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { explainTrace } from "@/lib/commissions/explain";
import type { TraceStep } from "@/lib/commissions/types";
import { minorToAmount } from "@/lib/money";
import { toCsv } from "@/lib/csv/parse";
import { bucketOf } from "@/lib/partner-home/earnings";
import { getReferredDealFacts, listPayableLines } from "@/lib/partner-home/queries";

export const dynamic = "force-dynamic";

const BUCKETS = new Set(["forecast", "pending", "approved", "paid"]);
const traceOf = (trace: unknown): TraceStep[] => (Array.isArray(trace) ? trace : []);

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (user.role !== "partner" || !user.partnerId)
    return problem(403, "Only partner users export their earnings");
  const status = new URL(request.url).searchParams.get("status");
  if (status && !BUCKETS.has(status))
    return problem(400, "Unknown status", { detail: "Use forecast, pending, approved or paid" });
  const today = new Date().toISOString().slice(0, 10);
  const { lines, facts } = await withSession({ claims: user.claims }, async (tx) => ({
    lines: await listPayableLines(tx, user.partnerId!, 10_000),
    facts: await getReferredDealFacts(tx, today),
  }));
  const names = new Map(facts.deals.map((d) => [d.id, d.customer_name]));
  const body = toCsv(
    ["due_date", "customer", "line", "status", "amount", "currency", "rate_percent", "calculation", "trace_json"],
    lines
      .filter((l) => !status || bucketOf(l.status) === status)
      .map((l) => [
        l.dueDate,
        names.get(l.opportunityId) ?? "",
        l.label,
        l.simulated && l.status === "paid" ? "paid (simulated)" : l.status,
        minorToAmount(l.amountMinor, l.currency),
        l.currency,
        l.effectiveRate,
        explainTrace(traceOf(l.trace), { currency: l.currency }).join(" "),
        JSON.stringify(traceOf(l.trace)),
      ]),
  );
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="earnings-${today}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
