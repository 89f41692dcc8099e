import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { quarterOf } from "@/lib/domain/quarter";
import { recommendForPartner, type PartnerFacts, type Recommendation } from "./recommend-rules";

const DAY = 86_400_000;
const AGREEMENT_SLUGS = ["isv-partnership-agreement", "referral-partner-agreement", "reseller-agreement", "system-integrator-agreement", "master-service-agreement"];

export async function getPartnerFacts(tx: Tx, partnerId: string, now: Date): Promise<PartnerFacts | null> {
  const q = quarterOf(now);
  const [row] = await rows<Record<string, unknown>>(
    tx,
    sql`select p.name, p.status::text as status, p.kind::text as kind, p.health_score, p.joined_at,
          exists (select 1 from public.template_fills f where f.partner_id = p.id and f.template_slug = 'mutual-nda') as has_nda,
          (exists (select 1 from public.agreements a where a.partner_id = p.id)
            or exists (select 1 from public.template_fills f where f.partner_id = p.id and f.template_slug in ${sql`(${sql.join(AGREEMENT_SLUGS.map((s) => sql`${s}`), sql`, `)})`})) as has_agreement,
          exists (select 1 from public.template_fills f where f.partner_id = p.id and f.template_slug = 'partner-business-review'
            and f.created_at >= ${q.start}::date) as reviewed,
          (select count(*) from public.deal_registrations r where r.partner_id = p.id and r.status::text = 'pending')::int as pending
        from public.partners p where p.id = ${partnerId}`,
  );
  if (!row) return null;
  const today = Date.parse(now.toISOString().slice(0, 10) + "T00:00:00Z");
  const joined = row.joined_at ? new Date(row.joined_at as string).getTime() : null;
  return {
    name: String(row.name),
    status: String(row.status),
    kind: row.kind as PartnerFacts["kind"],
    healthScore: row.health_score == null ? null : Number(row.health_score),
    daysSinceJoined: joined === null ? null : Math.max(0, Math.floor((today - joined) / DAY)),
    hasNda: Boolean(row.has_nda),
    hasAgreement: Boolean(row.has_agreement),
    reviewedThisQuarter: Boolean(row.reviewed),
    pendingRegistrations: Number(row.pending ?? 0),
    daysToQuarterEnd: Math.round((Date.parse(`${q.end}T00:00:00Z`) - today) / DAY),
    daysIntoQuarter: Math.round((today - Date.parse(`${q.start}T00:00:00Z`)) / DAY),
    quarterLabel: q.label,
  };
}

export async function getRecommendations(
  tx: Tx,
  partnerId: string,
  available: ReadonlySet<string>,
  now = new Date(),
): Promise<Recommendation[]> {
  const facts = await getPartnerFacts(tx, partnerId, now);
  return facts ? recommendForPartner(facts, available) : [];
}
