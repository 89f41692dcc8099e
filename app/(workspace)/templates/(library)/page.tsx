import type { Metadata } from "next";
import Link from "next/link";
import { PlusIcon } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { LibraryFilters, type FilterDef } from "@/components/templates/library-filters";
import { RecommendationsCard } from "@/components/templates/recommendations";
import { TemplateCard } from "@/components/templates/template-card";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listPartnerOptions } from "@/lib/templates/fill-queries";
import { CATEGORY_LABELS, PARTNER_TYPE_LABELS, PHASE_LABELS, SKILL_LABELS, TIER_LABELS } from "@/lib/templates/labels";
import { getLibrary } from "@/lib/templates/library";
import { getRecommendations } from "@/lib/templates/recommend";
import { BUNDLES } from "@/lib/templates/recommend-rules";
import { TEMPLATE_CATEGORIES } from "@/lib/templates/schema";
import { searchTemplates, type TemplateFilters } from "@/lib/templates/search";
import { getUsageStats } from "@/lib/templates/usage";

export const metadata: Metadata = { title: "Templates" };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === "string" && v.length <= 200 ? v : undefined);
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));

export default async function TemplatesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser(STAFF_ROLES);
  const sp = await searchParams;
  const filters: TemplateFilters = { q: one(sp.q), category: one(sp.category), tier: one(sp.tier), skill: one(sp.skill), phase: one(sp.phase), type: one(sp.type) };
  const partnerId = one(sp.partner);
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const { templates, index } = await getLibrary(tx);
    const partners = await listPartnerOptions(tx);
    const partner = partners.find((p) => p.id === partnerId) ?? null;
    const available = new Set(templates.map((t) => t.slug));
    return {
      templates,
      results: searchTemplates(index, filters),
      usage: await getUsageStats(tx),
      partners,
      partner,
      recommendations: partner ? await getRecommendations(tx, partner.id, available) : [],
    };
  });
  const origin = new Map(data.templates.map((t) => [t.slug, t.origin]));
  // Category counts are the library's; the team's own templates are counted on their own line.
  const counts = new Map<string, number>();
  for (const t of data.templates) if (t.origin === "library") counts.set(t.frontmatter.category, (counts.get(t.frontmatter.category) ?? 0) + 1);
  const libraryCount = data.templates.filter((t) => t.origin === "library").length;
  const teamCount = data.templates.length - libraryCount;
  const teamOnly = sp.team === "1";
  const results = teamOnly ? data.results.filter((t) => origin.get(t.slug) === "team") : data.results;
  const defs: FilterDef[] = [
    { name: "category", label: "Category", any: "All categories", options: options(CATEGORY_LABELS) },
    { name: "tier", label: "Tier", any: "Any tier", options: options(TIER_LABELS) },
    { name: "phase", label: "Phase", any: "Any phase", options: options(PHASE_LABELS) },
    { name: "skill", label: "Skill level", any: "Any skill level", options: options(SKILL_LABELS) },
    { name: "type", label: "Partner type", any: "Any partner type", options: options(PARTNER_TYPE_LABELS) },
    { name: "partner", label: "Recommend for", any: "No partner", options: data.partners.map((p) => ({ value: p.id, label: p.name })) },
  ];
  const canAuthor = user.role === "vp" || user.role === "partnership_manager";
  const titles = Object.fromEntries(data.templates.map((t) => [t.slug, t.frontmatter.title]));
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Templates"
        description={`${libraryCount} partner-program templates${teamCount ? ` and ${teamCount} written by your team` : ""}, filled from live data and exported to PDF and Word.`}
        actions={
          <>
            <Button asChild variant="outline">
              <Link href="/templates/fills">Documents</Link>
            </Button>
            {canAuthor ? (
              <Button asChild>
                <Link href="/templates/new">
                  <PlusIcon aria-hidden="true" />
                  New team template
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      <LibraryFilters filters={defs} />
      {data.partner ? (
        <RecommendationsCard partnerId={data.partner.id} partnerName={data.partner.name} recommendations={data.recommendations} titles={titles} bundles={BUNDLES} />
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[14rem_1fr]">
        <nav aria-label="Categories" className="lg:sticky lg:top-20 lg:self-start">
          <ul className="flex flex-wrap gap-1 lg:grid" data-testid="category-counts">
            <li>
              <Link href="/templates" className="flex justify-between gap-3 rounded-md px-2 py-1 text-sm hover:bg-accent" aria-current={!filters.category && !teamOnly ? "page" : undefined}>
                <span>All</span>
                <span className="text-muted-foreground tabular-nums">{libraryCount}</span>
              </Link>
            </li>
            {TEMPLATE_CATEGORIES.map((c) => (
              <li key={c.key}>
                <Link
                  href={`/templates?category=${c.key}`}
                  data-category={c.key}
                  className="flex justify-between gap-3 rounded-md px-2 py-1 text-sm hover:bg-accent aria-[current=page]:bg-accent aria-[current=page]:font-medium"
                  aria-current={filters.category === c.key ? "page" : undefined}
                >
                  <span>{c.label}</span>
                  <span className="text-muted-foreground tabular-nums">{counts.get(c.key) ?? 0}</span>
                </Link>
              </li>
            ))}
            <li>
              <Link
                href="/templates?team=1"
                data-category="team"
                className="flex justify-between gap-3 rounded-md px-2 py-1 text-sm hover:bg-accent aria-[current=page]:bg-accent aria-[current=page]:font-medium"
                aria-current={teamOnly ? "page" : undefined}
              >
                <span>Team templates</span>
                <span className="text-muted-foreground tabular-nums">{teamCount}</span>
              </Link>
            </li>
          </ul>
        </nav>
        <section aria-labelledby="results-heading" className="grid content-start gap-3">
          <h2 id="results-heading" className="text-sm text-muted-foreground" aria-live="polite">
            {results.length} {results.length === 1 ? "template" : "templates"}
            {filters.q ? ` for “${filters.q}”` : ""}
          </h2>
          {results.length === 0 ? (
            <EmptyState title="No template matches" description="Try fewer words or clear a filter. Search forgives typos and matches the start of words." />
          ) : (
            <ul className="grid gap-3 md:grid-cols-2 2xl:grid-cols-3">
              {results.map((t) => (
                <TemplateCard key={t.slug} slug={t.slug} origin={origin.get(t.slug) ?? "library"} frontmatter={t.frontmatter} usage={data.usage.get(t.slug)} query={partnerId ? `partner=${partnerId}` : undefined} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
