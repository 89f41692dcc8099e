import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { FillForm } from "@/components/templates/fill-form";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { getFillOrNull } from "@/lib/templates/fill-queries";
import { getTemplateOrNull } from "@/lib/templates/library";
import { resolveSources } from "@/lib/templates/sources";

export const metadata: Metadata = { title: "Edit document" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function EditFillPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(STAFF_ROLES);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const data = await withSession({ claims: user.claims }, async (tx) => {
    const fill = await getFillOrNull(tx, id);
    if (!fill) return null;
    const template = await getTemplateOrNull(tx, fill.templateSlug);
    if (!template) return null;
    const sources = await resolveSources(tx, { user, partnerId: fill.partnerId, now: new Date() });
    return { fill, template, sources };
  });
  if (!data) notFound();
  const { fill, template } = data;
  if (fill.createdBy !== user.id && user.role !== "vp") forbidden();
  const current = fill.versions[0]!;
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href={`/templates/fills/${fill.id}`} className="underline-offset-4 hover:underline">{fill.title}</Link> / edit
      </nav>
      <PageHeader title={`Edit: ${fill.title}`} description={`Saving makes version ${fill.currentVersion + 1} with today's live figures; earlier versions stay as they were.`} />
      <FillForm
        mode="edit"
        fillId={fill.id}
        slug={fill.templateSlug}
        frontmatter={template.frontmatter}
        body={template.body}
        sources={data.sources}
        initial={Object.fromEntries(
          template.frontmatter.variables.filter((v) => v.type !== "table" && v.type !== "chart").map((v) => [v.name, current.values[v.name] ?? ""]),
        )}
        title={fill.title}
        partner={fill.partnerId ? { id: fill.partnerId, name: fill.partnerName ?? "" } : null}
      />
    </div>
  );
}
