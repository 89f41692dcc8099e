import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { FillForm } from "@/components/templates/fill-form";
import { PartnerPicker } from "@/components/templates/partner-picker";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { initialValues } from "@/lib/templates/fill";
import { listPartnerOptions } from "@/lib/templates/fill-queries";
import { getTemplateOrNull } from "@/lib/templates/library";
import { resolveSources } from "@/lib/templates/sources";

export const metadata: Metadata = { title: "Fill template" };

type Params = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FillPage({ params, searchParams }: Params) {
  const user = await requireUser(STAFF_ROLES);
  const { slug } = await params;
  const sp = await searchParams;
  const requested = typeof sp.partner === "string" ? sp.partner : null;
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const template = await getTemplateOrNull(tx, slug);
    if (!template) return null;
    const partners = await listPartnerOptions(tx);
    const partner = partners.find((p) => p.id === requested) ?? null;
    const sources = await resolveSources(tx, { user, partnerId: partner?.id ?? null, now: new Date() });
    return { template, partners, partner, sources };
  });
  if (!data) notFound();
  const fm = data.template.frontmatter;
  const usesPartner = fm.variables.some((v) => v.source?.startsWith("partner.")) || fm.variables.some((v) => v.source?.startsWith("metrics."));
  const title = data.partner ? `${fm.title} — ${data.partner.name}` : fm.title;
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/templates" className="underline-offset-4 hover:underline">Templates</Link> /{" "}
        <Link href={`/templates/${slug}`} className="underline-offset-4 hover:underline">{fm.title}</Link>
      </nav>
      <PageHeader title={`Fill: ${fm.title}`} description="Live values come from the company profile, the partner you choose and today's figures; change any of them before saving." />
      {usesPartner ? <PartnerPicker partners={data.partners} selected={data.partner?.id ?? null} /> : null}
      <FillForm
        key={data.partner?.id ?? "none"}
        mode="create"
        slug={slug}
        frontmatter={fm}
        body={data.template.body}
        sources={data.sources}
        initial={initialValues(fm, data.sources)}
        title={title}
        partner={data.partner}
      />
    </div>
  );
}
