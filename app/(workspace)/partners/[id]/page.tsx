import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AgreementsSection } from "@/components/partners/agreements-section";
import { ContactsCard } from "@/components/partners/contacts-card";
import { HealthBadge } from "@/components/partners/health-badge";
import { HealthCard } from "@/components/partners/health-card";
import { InteractionsCard } from "@/components/partners/interactions-card";
import { DOMAIN_LABELS, KIND_LABELS, STATUS_LABELS } from "@/components/partners/labels";
import { CommissionCard, OpportunitiesCard, RevenueCard } from "@/components/partners/partner-business-cards";
import { PartnerLinksSection } from "@/components/referrals/partner-links-section";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { FillsList } from "@/components/templates/fills-list";
import { RecommendationsCard } from "@/components/templates/recommendations";
import { listPartnerAgreements } from "@/lib/agreements/queries";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { withSession } from "@/lib/db/session";
import {
  getCommissionSummary,
  getHealthHistory,
  getPrimaryContactId,
  listInteractions,
  listPartnerOpportunities,
  listRevenueByQuarter,
} from "@/lib/health/partner-queries";
import { getWorkspaceCurrency } from "@/lib/health/queries";
import { getPartnerDetailOrNull } from "@/lib/partners/queries";
import { listFills } from "@/lib/templates/fill-queries";
import { getLibrary } from "@/lib/templates/library";
import { getRecommendations } from "@/lib/templates/recommend";
import { BUNDLES } from "@/lib/templates/recommend-rules";

export const metadata: Metadata = { title: "Partner" };

async function loadRelationship(tx: Tx, id: string, now: Date) {
  const currency = await getWorkspaceCurrency(tx);
  return {
    currency,
    primaryId: await getPrimaryContactId(tx, id),
    interactions: await listInteractions(tx, id),
    deals: await listPartnerOpportunities(tx, id),
    revenue: await listRevenueByQuarter(tx, id, now, currency),
    commissions: await getCommissionSummary(tx, id),
    health: await getHealthHistory(tx, id),
  };
}

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(STAFF_ROLES);
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const now = new Date();
  const detail = await withSession({ claims: user.claims }, async (tx) => {
    const found = await getPartnerDetailOrNull(tx, id);
    if (!found) return null;
    const { templates } = await getLibrary(tx);
    const recommendations = await getRecommendations(tx, id, new Set(templates.map((t) => t.slug)));
    return {
      ...found,
      agreements: await listPartnerAgreements(tx, id),
      recommendations,
      titles: Object.fromEntries(templates.map((t) => [t.slug, t.frontmatter.title])),
      fills: await listFills(tx, { partnerId: id, limit: 10 }),
      relationship: await loadRelationship(tx, id, now),
    };
  });
  if (!detail) notFound();
  const { partner, contacts, relationship: r } = detail;
  const canEditAgreements = user.role === "vp" || user.role === "finance";
  const canEditContacts = user.role === "vp" || user.role === "partnership_manager";
  const canLog = user.role !== "finance";
  return (
    <div className="grid gap-6">
      <PageHeader
        title={partner.name}
        description={[
          KIND_LABELS[partner.kind],
          partner.domain ? DOMAIN_LABELS[partner.domain] : null,
          partner.tierName ? `${partner.tierName} tier` : null,
          partner.ownerName ? `Owner ${partner.ownerName}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
        actions={
          <>
            <Link
              className="text-sm text-primary underline-offset-4 hover:underline"
              href={`/partners/compare?ids=${partner.id}`}
            >
              Compare
            </Link>
            <Link
              className="text-sm text-primary underline-offset-4 hover:underline"
              href={`/pipeline?view=list&partner=${partner.id}`}
            >
              Deals with this partner
            </Link>
          </>
        }
      />
      <div className="flex flex-wrap gap-2">
        <Badge variant="secondary">{STATUS_LABELS[partner.status]}</Badge>
        {r.health.firstScoredOn ? (
          <Badge variant="secondary" data-testid="health-badge">
            New partner · scored from {r.health.firstScoredOn}
          </Badge>
        ) : (
          <HealthBadge score={partner.healthScore} prefix="Health" />
        )}
      </div>
      <HealthCard history={r.health} isVp={user.role === "vp"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <ContactsCard
          partnerId={partner.id}
          primaryId={r.primaryId}
          canEdit={canEditContacts}
          contacts={contacts.map((c) => ({
            id: c.id,
            name: c.name,
            email: c.email,
            phone: c.phone,
            title: c.title,
          }))}
        />
        <RevenueCard quarters={r.revenue} currency={r.currency} />
      </div>
      <InteractionsCard partnerId={partner.id} interactions={r.interactions} canLog={canLog} />
      <OpportunitiesCard partnerId={partner.id} deals={r.deals} />
      <CommissionCard rows={r.commissions} visible={user.role === "vp" || user.role === "finance"} />
      <div className="grid gap-6 lg:grid-cols-2">
        <RecommendationsCard
          partnerId={partner.id}
          partnerName={partner.name}
          recommendations={detail.recommendations}
          titles={detail.titles}
          bundles={BUNDLES}
        />
        <FillsList fills={detail.fills} title="Documents" empty="No documents filled for this partner yet." />
      </div>
      <AgreementsSection
        partnerId={partner.id}
        agreements={detail.agreements}
        canEdit={canEditAgreements}
        today={now.toISOString().slice(0, 10)}
      />
      <PartnerLinksSection partnerId={partner.id} claims={user.claims} />
    </div>
  );
}
