// GET /api/payouts/export?from&to — ledger entries of a period as CSV for accounting (finance and the VP).
import { getCurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { ledgerCsv, listLedgerEntries, parseReportPeriod } from "@/lib/payouts/reports";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (user.role !== "finance" && user.role !== "vp") return problem(403, "Only finance and the VP export the ledger");
  const search = new URL(request.url).searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const period = parseReportPeriod({ from: search.get("from"), to: search.get("to") }, today);
  if ("error" in period) return problem(400, "Invalid period", { detail: period.error });
  const body = await withSession({ claims: user.claims }, async (tx) => ledgerCsv(await listLedgerEntries(tx, period)));
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="ledger-${period.from}-to-${period.to}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
