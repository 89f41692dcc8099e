import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NewAgreementForm, NewVersionForm } from "@/components/agreements/agreement-forms";
import { DOMAIN_LABELS, healthBand, KIND_LABELS } from "@/components/partners/labels";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listPartnerAgreements } from "@/lib/agreements/queries";
import { PartnerLinksSection } from "@/components/referrals/partner-links-section";
import { getPartnerDetailOrNull } from "@/lib/partners/queries";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { FillsList } from "@/components/templates/fills-list";
import { RecommendationsCard } from "@/components/templates/recommendations";
import { listFills } from "@/lib/templates/fill-queries";
import { getLibrary } from "@/lib/templates/library";
import { getRecommendations } from "@/lib/templates/recommend";
import { BUNDLES } from "@/lib/templates/recommend-rules";

export const metadata: Metadata = { title: "Partner" };

const isoToday = () => new Date().toISOString().slice(0, 10);
const PAYMENT = {
  one_time: "One-time",
  recurring: "Recurring",
  hybrid: "Hybrid",
  milestone: "Milestone",
} as const;

export default async function PartnerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(STAFF_ROLES);
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
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
    };
  });
  if (!detail) notFound();
  const { partner, contacts } = detail;
  const canEdit = user.role === "vp" || user.role === "finance";
  const health = healthBand(partner.healthScore);
  const today = isoToday();
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
          <Link
            className="text-sm text-primary underline-offset-4 hover:underline"
            href={`/pipeline?view=list&partner=${partner.id}`}
          >
            Deals with this partner
          </Link>
        }
      />
      <div className="flex flex-wrap gap-2">
        <Badge variant="secondary" className="capitalize">
          {partner.status}
        </Badge>
        <Badge variant={health.variant}>
          Health {partner.healthScore ?? "–"} · {health.label}
        </Badge>
      </div>
      <div className="grid gap-6 lg:grid-cols-2">
        <RecommendationsCard partnerId={partner.id} partnerName={partner.name} recommendations={detail.recommendations} titles={detail.titles} bundles={BUNDLES} />
        <FillsList fills={detail.fills} title="Documents" empty="No documents filled for this partner yet." />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Agreements</h2>
          </CardTitle>
          <CardDescription>
            {canEdit
              ? "Versions take effect on their date; earlier versions keep their terms."
              : "Commission terms with this partner. The VP and finance edit them."}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {detail.agreements.length === 0 ? (
            <p className="text-sm text-muted-foreground">No agreement yet.</p>
          ) : null}
          {detail.agreements.map((a) => (
            <section
              key={a.id}
              aria-labelledby={`agreement-${a.id}`}
              className="grid gap-3"
              data-testid="agreement"
            >
              <h3 id={`agreement-${a.id}`} className="flex flex-wrap items-center gap-2 font-semibold">
                {a.name}
                <Badge variant="outline">{a.direction === "payable" ? "We pay" : "Pays us"}</Badge>
                <Badge variant="outline" className="capitalize">
                  {a.model}
                </Badge>
                <Badge variant={a.status === "active" ? "success" : "secondary"}>{a.status}</Badge>
              </h3>
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Version</TableHead>
                    <TableHead>Effective</TableHead>
                    <TableHead className="text-right">Rate</TableHead>
                    <TableHead>Payment</TableHead>
                    <TableHead className="hidden md:table-cell">Basis</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {a.versions.map((v) => (
                    <TableRow key={v.id}>
                      <TableCell>v{v.version}</TableCell>
                      <TableCell className="tabular-nums">
                        {v.effectiveFrom} → {v.effectiveTo ?? "open"}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{Number(v.rate)}%</TableCell>
                      <TableCell>
                        {PAYMENT[v.paymentModel]} · {v.currency}
                      </TableCell>
                      <TableCell className="hidden md:table-cell">
                        {v.basis === "deal_value" ? "Deal value" : "Net revenue"}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              {canEdit ? <NewVersionForm agreementId={a.id} today={today} /> : null}
            </section>
          ))}
        </CardContent>
      </Card>
      {canEdit ? (
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>New agreement</h2>
            </CardTitle>
            <CardDescription>
              Model ranges: referral 5–25%, reseller 20–50%, MSP 15–40%, custom 5–50%.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <NewAgreementForm partnerId={partner.id} today={today} />
          </CardContent>
        </Card>
      ) : null}
      <PartnerLinksSection partnerId={partner.id} claims={user.claims} />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Contacts</h2>
          </CardTitle>
        </CardHeader>
        <CardContent>
          {contacts.length === 0 ? (
            <p className="text-sm text-muted-foreground">No contacts yet.</p>
          ) : (
            <ul className="grid gap-2 text-sm">
              {contacts.map((c) => (
                <li key={c.id}>
                  <span className="font-medium">{c.name}</span>
                  {c.title ? <span className="text-muted-foreground"> · {c.title}</span> : null}
                  {c.email ? (
                    <a
                      className="ml-2 text-primary underline-offset-4 hover:underline"
                      href={`mailto:${c.email}`}
                    >
                      {c.email}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
