// GET /api/opportunities/export?<pipeline filters> — the filtered opportunities as CSV, re-importable as is.
import { getCurrentUser } from "@/lib/auth/session";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { withSession } from "@/lib/db/session";
import { problem } from "@/lib/http/problem";
import { minorDigits } from "@/lib/money";
import { minorToAmount, OPPORTUNITY_EXPORT_COLUMNS, toCsv } from "@/lib/opportunities/csv";
import { filtersOf, parsePipelineParams } from "@/lib/opportunities/params";
import { getPipelineOptions, listOpportunitiesForExport } from "@/lib/opportunities/queries";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return problem(401, "Sign in first");
  if (!(STAFF_ROLES as readonly string[]).includes(user.role)) return problem(403, "Your role cannot export opportunities");
  const params = parsePipelineParams(Object.fromEntries(new URL(request.url).searchParams));
  const rows = await withSession({ claims: user.claims }, async (tx) => {
    const options = await getPipelineOptions(tx);
    return listOpportunitiesForExport(tx, filtersOf(params, 10 ** minorDigits(options.currency)));
  });
  const body = toCsv(
    [...OPPORTUNITY_EXPORT_COLUMNS],
    rows.map((r) => [
      r.id,
      r.customerName,
      r.title,
      minorToAmount(r.valueMinor, r.currency),
      r.currency,
      r.stageKey,
      r.stageName,
      r.probability,
      r.ownerEmail,
      r.ownerName,
      r.isvPartnerName,
      r.referringPartnerName,
      r.domain,
      r.expectedCloseDate,
      r.actualCloseDate,
      r.contactName,
      r.contactEmail,
      r.technicalContactName,
      r.technicalContactEmail,
      r.notes,
      r.createdAt.toISOString(),
    ]),
  );
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="opportunities-${stamp}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
