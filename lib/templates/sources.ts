// Also used by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/session";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { getMetrics, type Metrics } from "./metrics";
import { BAND_LABELS, bandOf } from "@/lib/health/score";
import { formatSourceDate, markdownTable, chartBlock, money, percent } from "./format";
import { scorecardStatuses } from "./scorecard";
import type { SourceValues } from "./sources-types";

const KIND_LABELS: Record<string, string> = { isv: "ISV", program: "Program partner", isv_and_program: "ISV and program partner" };
const DOMAIN_LABELS: Record<string, string> = {
  finops: "FinOps",
  security: "Security",
  observability: "Observability",
  devops: "DevOps",
  data_backup: "Data and backup",
  dev_platform: "Developer platform",
};

interface PartnerRow {
  name: string;
  website: string | null;
  kind: string;
  domain: string | null;
  tier: string | null;
  rate: string | null;
  cadence: string | null;
  health: number | null;
  joined: string | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_title: string | null;
  manager_name: string | null;
  manager_email: string | null;
  legal_name: string | null;
  address: string | null;
}

async function companySources(tx: Tx): Promise<SourceValues> {
  const [s] = await rows<Record<string, string | null>>(
    tx,
    sql`select company_name, legal_name, address, website, contact_email, signatory_name, signatory_title from public.workspace_settings limit 1`,
  );
  if (!s) return {};
  const out: SourceValues = {
    "company.name": s.company_name ?? undefined,
    "company.legal_name": s.legal_name ?? s.company_name ?? undefined,
    "company.address": s.address ?? undefined,
    "company.website": s.website ?? undefined,
    "company.email": s.contact_email ?? undefined,
    "company.signatory_name": s.signatory_name ?? undefined,
    "company.signatory_title": s.signatory_title ?? undefined,
  };
  return out;
}

async function partnerSources(tx: Tx, partnerId: string): Promise<SourceValues> {
  const [p] = await rows<PartnerRow>(
    tx,
    sql`select p.name, p.website, p.kind::text as kind, p.domain::text as domain, t.name as tier, t.commission_rate::text as rate,
          t.payout_cadence::text as cadence, p.health_score as health, p.joined_at::date::text as joined,
          c.name as contact_name, c.email as contact_email, c.title as contact_title,
          m.display_name as manager_name, m.email as manager_email,
          (select d.legal_name from public.partner_tax_details d where d.partner_id = p.id order by d.submitted_at desc limit 1) as legal_name,
          (select d.address from public.partner_tax_details d where d.partner_id = p.id order by d.submitted_at desc limit 1) as address
        from public.partners p
        left join public.tiers t on t.id = p.tier_id
        left join public.partner_contacts c on c.id = p.primary_contact_id
        left join public.profiles m on m.id = p.owner_id
        where p.id = ${partnerId}`,
  );
  if (!p) return {};
  return {
    "partner.name": p.name,
    "partner.legal_name": p.legal_name ?? p.name,
    "partner.address": p.address ?? undefined,
    "partner.website": p.website ?? undefined,
    "partner.kind": KIND_LABELS[p.kind] ?? p.kind,
    "partner.domain": p.domain ? (DOMAIN_LABELS[p.domain] ?? p.domain) : undefined,
    "partner.tier": p.tier ?? undefined,
    "partner.commission_rate": p.rate ? `${Number(p.rate)}%` : undefined,
    "partner.payout_cadence": p.cadence ? (p.cadence === "realtime" ? "real-time" : p.cadence === "biweekly" ? "bi-weekly" : p.cadence) : undefined,
    "partner.health_score": p.health == null ? undefined : String(p.health),
    "partner.health_label": p.health == null ? undefined : BAND_LABELS[bandOf(p.health)],
    "partner.joined_on": p.joined ? formatSourceDate(p.joined) : undefined,
    "partner.primary_contact_name": p.contact_name ?? undefined,
    "partner.primary_contact_email": p.contact_email ?? undefined,
    "partner.primary_contact_title": p.contact_title ?? undefined,
    "partner.manager_name": p.manager_name ?? undefined,
    "partner.manager_email": p.manager_email ?? undefined,
  };
}

function metricSources(m: Metrics, partnerScoped: boolean): SourceValues {
  const c = m.currency;
  const growth = m.previousQuarterRevenueMinor ? (m.quarterRevenueMinor - m.previousQuarterRevenueMinor) / m.previousQuarterRevenueMinor : null;
  const closed = m.wonYtd + m.lostYtd;
  const healthRows = partnerScoped
    ? [
        ["Interactions in the last 90 days", String(m.interactions90d)],
        ["Days since the last interaction", m.daysSinceInteraction == null ? "No interaction logged" : String(m.daysSinceInteraction)],
        ["Open opportunities", String(m.openOpportunities)],
        ["Pipeline", money(m.pipelineMinor, c)],
        ["Revenue this quarter vs last", growth == null ? "No revenue last quarter" : percent(growth)],
        ["Deal registrations this quarter", String(m.registrationsQuarter)],
      ]
    : m.healthBands.map((b) => [b.band, String(b.partners)]);
  return {
    "metrics.quarter_revenue": money(m.quarterRevenueMinor, c),
    "metrics.previous_quarter_revenue": money(m.previousQuarterRevenueMinor, c),
    "metrics.revenue_growth": growth == null ? undefined : percent(growth),
    "metrics.ytd_revenue": money(m.ytdRevenueMinor, c),
    // No target (a partner off the tier ladder): nothing is printed as "$0.00", the template says it is not set.
    "metrics.quarter_target": m.quarterTargetMinor ? money(m.quarterTargetMinor, c) : undefined,
    "metrics.target_attainment": m.quarterTargetMinor ? percent(m.quarterRevenueMinor / m.quarterTargetMinor) : undefined,
    "metrics.pipeline_value": money(m.pipelineMinor, c),
    "metrics.weighted_pipeline": money(m.weightedPipelineMinor, c),
    "metrics.open_opportunities": String(m.openOpportunities),
    "metrics.deals_won_quarter": String(m.dealsWonQuarter),
    "metrics.win_rate": closed ? percent(m.wonYtd / closed) : undefined,
    "metrics.average_deal_size": m.wonYtd ? money(Math.round(m.ytdRevenueMinor / m.wonYtd), c) : undefined,
    "metrics.commission_earned_quarter": money(m.commissionEarnedQuarterMinor, c),
    "metrics.commission_paid_ytd": money(m.commissionPaidYtdMinor, c),
    "metrics.active_partners": String(m.activePartners),
    "metrics.new_partners_quarter": String(m.newPartnersQuarter),
    "metrics.registrations_quarter": String(m.registrationsQuarter),
    "metrics.revenue_by_quarter": markdownTable(
      ["Quarter", "Won revenue", "Deals won"],
      m.revenueByQuarter.map((q) => [q.label, money(q.revenueMinor, c), String(q.deals)]),
    ),
    "metrics.pipeline_by_stage": markdownTable(
      ["Stage", "Open deals", "Value"],
      m.pipelineByStage.map((s) => [s.stage, String(s.deals), money(s.valueMinor, c)]),
    ),
    "metrics.top_opportunities": markdownTable(
      ["Customer", "Stage", "Value", "Expected close", "Owner"],
      m.topOpportunities.map((o) => [o.customer, o.stage, money(o.valueMinor, c), o.closeDate ?? "—", o.owner]),
    ),
    "metrics.partner_ranking": markdownTable(
      ["#", "Partner", "Tier", "Won this quarter", "Deals", "Health"],
      m.partnerRanking.map((r, i) => [String(i + 1), r.partner, r.tier ?? "—", money(r.revenueMinor, c), String(r.deals), r.health == null ? "—" : String(r.health)]),
    ),
    "metrics.health_breakdown": markdownTable(partnerScoped ? ["Signal", "Value"] : ["Health band", "Partners"], healthRows),
    "metrics.revenue_chart": chartBlock({
      title: "Won revenue by quarter",
      format: "currency",
      currency: c,
      points: m.revenueByQuarter.map((q) => ({ label: q.label, value: q.revenueMinor / 100 })),
    }),
    "metrics.pipeline_chart": chartBlock({
      title: "Open pipeline by stage",
      format: "currency",
      currency: c,
      points: m.pipelineByStage.map((s) => ({ label: s.stage, value: s.valueMinor / 100 })),
    }),
  };
}

function dateSources(now: Date): SourceValues {
  const iso = now.toISOString().slice(0, 10);
  const q = Math.floor(now.getUTCMonth() / 3) + 1;
  return {
    "date.today": formatSourceDate(iso),
    "date.month": new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" }).format(now),
    "date.quarter": `Q${q} ${now.getUTCFullYear()}`,
    "date.year": String(now.getUTCFullYear()),
  };
}

/** Every live value a template may draw on, for the signed-in person and (optionally) one partner. */
export async function resolveSources(
  tx: Tx,
  options: { user: Pick<CurrentUser, "displayName" | "email" | "role" | "title">; partnerId: string | null; now: Date },
): Promise<SourceValues> {
  const metrics = await getMetrics(tx, { partnerId: options.partnerId, now: options.now });
  const partner = options.partnerId ? await partnerSources(tx, options.partnerId) : {};
  const program = options.partnerId ? await getMetrics(tx, { partnerId: null, now: options.now }) : metrics;
  const programClosed = program.wonYtd + program.lostYtd;
  return {
    ...(await companySources(tx)),
    ...partner,
    "user.name": options.user.displayName,
    "user.email": options.user.email,
    "user.title": options.user.title ?? ROLE_LABELS[options.user.role],
    ...dateSources(options.now),
    ...metricSources(metrics, Boolean(options.partnerId)),
    ...scorecardStatuses({
      ...metrics,
      health: partner["partner.health_score"] === undefined ? null : Number(partner["partner.health_score"]),
      programWinRate: programClosed ? program.wonYtd / programClosed : null,
    }),
  };
}
