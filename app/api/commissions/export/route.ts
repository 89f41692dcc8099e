// GET /api/commissions/export?type=statement|forecast&partner&period&direction — commission lines as CSV.
import { getCurrentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { loadFx } from "@/lib/commission-records/persist";
import { forecastCsv, statementCsv } from "@/lib/commissions/statement-csv";
import { parseCommissionParams } from "@/lib/commissions/statement-periods";
import { listForecastLines, listStatementLines } from "@/lib/commission-records/statements";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

function csvResponse(body: string, filename: string) {
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (!(STAFF_ROLES as readonly string[]).includes(user.role))
    return problem(403, "Your role cannot export commissions");
  const search = new URL(request.url).searchParams;
  const type = search.get("type") ?? "statement";
  if (type !== "statement" && type !== "forecast")
    return problem(400, "Export type must be statement or forecast");
  const today = new Date().toISOString().slice(0, 10);
  const params = parseCommissionParams(Object.fromEntries(search), today);
  const filter = { partnerId: params.partner, direction: params.direction };
  const suffix = [params.direction, params.partner?.slice(0, 8)].filter(Boolean).join("-");
  const name = (base: string) => `${base}${suffix ? `-${suffix}` : ""}.csv`;

  if (type === "forecast") {
    const body = await withSession({ claims: user.claims }, async (tx) =>
      forecastCsv(await listForecastLines(tx, { ...filter, today }), today, await loadFx(tx)),
    );
    return csvResponse(body, name(`commission-forecast-${today}`));
  }
  const body = await withSession({ claims: user.claims }, async (tx) =>
    statementCsv(
      await listStatementLines(tx, { ...filter, period: params.period }),
      params.period,
      await loadFx(tx),
    ),
  );
  return csvResponse(body, name(`commission-statement-${params.period.key}`));
}
