import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CopyIcon, FilePenLineIcon, PencilIcon } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { DocumentView } from "@/components/templates/document-view";
import { FillsList } from "@/components/templates/fills-list";
import { VariablesTable } from "@/components/templates/variables-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { exampleValues, fillMarkdown } from "@/lib/templates/fill";
import { getSamplePartner, listFills } from "@/lib/templates/fill-queries";
import { CATEGORY_LABELS, PARTNER_TYPE_LABELS, PHASE_LABELS, PRIORITY_LABELS, SKILL_LABELS, TIER_LABELS } from "@/lib/templates/labels";
import { getLibrary, getTemplateOrNull } from "@/lib/templates/library";
import { templateHtml } from "@/lib/templates/preview";
import { renderHtml } from "@/lib/templates/render/html";
import { resolveSources } from "@/lib/templates/sources";
import { getUsageStats, recordUsage } from "@/lib/templates/usage";

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { title: slug.replace(/-/g, " ") };
}

export default async function TemplatePage({ params, searchParams }: Params) {
  const user = await requireUser(STAFF_ROLES);
  const { slug } = await params;
  const sp = await searchParams;
  const view = sp.view === "example" ? "example" : "template";
  const partner = typeof sp.partner === "string" ? sp.partner : null;
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const template = await getTemplateOrNull(tx, slug);
    if (!template) return null;
    await recordUsage(tx, slug, "view", user.id);
    const { templates } = await getLibrary(tx);
    let example: { markdown: string; partnerName: string | null } | null = null;
    if (view === "example") {
      // Partner documents are shown filled for the partner with the most revenue this quarter.
      const fm = template.frontmatter;
      const sample = fm.variables.some((v) => v.source?.startsWith("partner.")) ? await getSamplePartner(tx) : null;
      const sources = await resolveSources(tx, { user, partnerId: sample?.id ?? null, now: new Date() });
      example = { markdown: fillMarkdown(fm, template.body, exampleValues(fm, sources), sources), partnerName: sample?.name ?? null };
    }
    return { template, templates, example, fills: await listFills(tx, { slug, limit: 10 }), usage: (await getUsageStats(tx)).get(slug) };
  });
  if (!data) notFound();
  const { template, usage } = data;
  const fm = template.frontmatter;
  const canAuthor = user.role === "vp" || user.role === "partnership_manager";
  const related = fm.related.map((r) => data.templates.find((t) => t.slug === r)).filter((t) => t !== undefined);
  const fillHref = `/templates/${slug}/fill${partner ? `?partner=${encodeURIComponent(partner)}` : ""}`;
  const hasExample = fm.priority === "high";
  const html = view === "example" && data.example ? renderHtml(data.example.markdown, { includeGuidance: false }) : templateHtml(fm, template.body);
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/templates" className="underline-offset-4 hover:underline">
          Templates
        </Link>{" "}
        / <Link href={`/templates?category=${fm.category}`} className="underline-offset-4 hover:underline">{CATEGORY_LABELS[fm.category]}</Link>
      </nav>
      <PageHeader
        title={fm.title}
        description={fm.description}
        actions={
          <>
            {canAuthor && template.origin === "team" ? (
              <Button asChild variant="outline">
                <Link href={`/templates/${slug}/edit`}>
                  <PencilIcon aria-hidden="true" /> Edit
                </Link>
              </Button>
            ) : null}
            {canAuthor && template.origin === "library" ? (
              <Button asChild variant="outline">
                <Link href={`/templates/new?from=${slug}`}>
                  <CopyIcon aria-hidden="true" /> Adapt for the team
                </Link>
              </Button>
            ) : null}
            <Button asChild>
              <Link href={fillHref}>
                <FilePenLineIcon aria-hidden="true" /> Fill from live data
              </Link>
            </Button>
          </>
        }
      />
      <div className="flex flex-wrap gap-1.5 text-xs">
        <Badge variant="secondary">{CATEGORY_LABELS[fm.category]}</Badge>
        <Badge variant={fm.priority === "high" ? "warning" : "outline"}>{PRIORITY_LABELS[fm.priority]}</Badge>
        {template.origin === "team" ? <Badge variant="outline">Team template · version {template.version}</Badge> : null}
        {fm.legal_notice ? <Badge variant="outline">Not legal advice: have counsel review</Badge> : null}
      </div>
      <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
        <Card>
          <CardHeader className="flex flex-wrap items-center justify-between gap-2">
            <CardTitle>
              <h2>{view === "example" ? "Example fill" : "Template"}</h2>
            </CardTitle>
            {hasExample ? (
              <div role="tablist" aria-label="Show" className="flex gap-1 rounded-md bg-muted p-1 text-sm">
                {(["template", "example"] as const).map((v) => (
                  <Link
                    key={v}
                    role="tab"
                    aria-selected={view === v}
                    href={`/templates/${slug}${v === "example" ? "?view=example" : ""}`}
                    className="rounded px-3 py-1 aria-selected:bg-background aria-selected:shadow-xs"
                  >
                    {v === "example" ? "Example fill" : "Template"}
                  </Link>
                ))}
              </div>
            ) : null}
          </CardHeader>
          <CardContent>
            {view === "example" ? (
              <p className="mb-4 text-xs text-muted-foreground">
                {data.example?.partnerName ? `Filled for ${data.example.partnerName} from today's data` : "Program-wide figures from today's data"}, with example values where a person types them in.
              </p>
            ) : null}
            <DocumentView html={html} label={fm.title} />
          </CardContent>
        </Card>
        <aside className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>About</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid gap-2 text-sm">
                <Meta term="Purpose">{fm.purpose}</Meta>
                <Meta term="Phase">{fm.phase.map((p) => PHASE_LABELS[p]).join(", ")}</Meta>
                <Meta term="Tiers">{fm.tiers.map((t) => TIER_LABELS[t]).join(", ")}</Meta>
                <Meta term="Partner types">{fm.partner_types.map((t) => PARTNER_TYPE_LABELS[t]).join(", ")}</Meta>
                <Meta term="Skill level">{SKILL_LABELS[fm.skill_level]}</Meta>
                <Meta term="Time">{fm.time_required}</Meta>
                <Meta term="Usage">
                  {usage?.views ?? 0} views · {usage?.fills ?? 0} fills · {usage?.exports ?? 0} exports · {usage?.shares ?? 0} shares
                </Meta>
              </dl>
              <h3 className="mt-4 text-sm font-medium">Outcomes</h3>
              <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
                {fm.outcomes.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            </CardContent>
          </Card>
          {related.length ? (
            <Card>
              <CardHeader>
                <CardTitle>
                  <h2>Related</h2>
                </CardTitle>
              </CardHeader>
              <CardContent>
                <ul className="grid gap-1 text-sm">
                  {related.map((r) => (
                    <li key={r.slug}>
                      <Link href={`/templates/${r.slug}`} className="underline-offset-4 hover:underline">
                        {r.frontmatter.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </CardContent>
            </Card>
          ) : null}
        </aside>
      </div>
      <VariablesTable variables={fm.variables} />
      <FillsList fills={data.fills} title="Filled documents" empty="Nobody has filled this template yet." />
    </div>
  );
}

function Meta({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7rem_1fr] gap-2">
      <dt className="text-muted-foreground">{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
