import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { FileDownIcon, PencilIcon } from "lucide-react";
import { PageHeader } from "@/components/shell/page-header";
import { DocumentView } from "@/components/templates/document-view";
import { SharePanel } from "@/components/templates/share-panel";
import { VersionDiff } from "@/components/templates/version-diff";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { serverEnv } from "@/lib/env";
import { getFillOrNull } from "@/lib/templates/fill-queries";
import { renderHtml } from "@/lib/templates/render/html";

export const metadata: Metadata = { title: "Document" };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function FillPage({ params, searchParams }: Params) {
  const user = await requireUser(STAFF_ROLES);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const sp = await searchParams;
  const fill = await withSession({ claims: user.claims }, (tx) => getFillOrNull(tx, id));
  if (!fill) notFound();
  const versionParam = Number(sp.version);
  const shown = fill.versions.find((v) => v.version === versionParam) ?? fill.versions[0]!;
  const compareParam = Number(sp.compare);
  const compared = fill.versions.find((v) => v.version === compareParam) ?? null;
  const canEdit = fill.createdBy === user.id || user.role === "vp";
  const exportHref = (format: "pdf" | "docx") => `/api/templates/fills/${fill.id}/export?format=${format}&version=${shown.version}`;
  const host = (await headers()).get("host");
  const origin = serverEnv().APP_URL ?? (host ? `http://${host}` : "");
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/templates" className="underline-offset-4 hover:underline">Templates</Link> /{" "}
        <Link href={`/templates/${fill.templateSlug}`} className="underline-offset-4 hover:underline">{fill.templateSlug.replace(/-/g, " ")}</Link>
      </nav>
      <PageHeader
        title={fill.title}
        description={`${fill.partnerName ? `${fill.partnerName} · ` : ""}version ${shown.version} of ${fill.currentVersion} · ${shown.authorName ?? "unknown"} · ${dateFormat.format(new Date(shown.createdAt))}`}
        actions={
          <>
            {canEdit ? (
              <Button asChild variant="outline">
                <Link href={`/templates/fills/${fill.id}/edit`}>
                  <PencilIcon aria-hidden="true" /> Edit values
                </Link>
              </Button>
            ) : null}
            <Button asChild variant="outline">
              <a href={exportHref("docx")} download>
                <FileDownIcon aria-hidden="true" /> Word
              </a>
            </Button>
            <Button asChild>
              <a href={exportHref("pdf")} download>
                <FileDownIcon aria-hidden="true" /> PDF
              </a>
            </Button>
          </>
        }
      />
      <div className="grid gap-6 xl:grid-cols-[1fr_22rem]">
        <div className="grid content-start gap-6">
          {compared && compared.version !== shown.version ? (
            <Card>
              <CardContent className="pt-6">
                <VersionDiff from={compared.markdown} to={shown.markdown} fromLabel={`version ${compared.version}`} toLabel={`version ${shown.version}`} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardContent className="pt-6">
              <DocumentView html={renderHtml(shown.markdown, { includeGuidance: false })} label={fill.title} />
            </CardContent>
          </Card>
        </div>
        <aside className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>
                <h2>Versions</h2>
              </CardTitle>
            </CardHeader>
            <CardContent>
              <ol className="grid gap-2 text-sm" data-testid="fill-versions">
                {fill.versions.map((v) => (
                  <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 rounded-md border px-3 py-2">
                    <Link href={`/templates/fills/${fill.id}?version=${v.version}`} aria-current={v.version === shown.version ? "page" : undefined} className="font-medium underline-offset-4 hover:underline aria-[current=page]:no-underline">
                      Version {v.version}
                    </Link>
                    <span className="text-xs text-muted-foreground">
                      {v.authorName ?? "unknown"} · {dateFormat.format(new Date(v.createdAt))}
                    </span>
                    {v.version > 1 ? (
                      <Link href={`/templates/fills/${fill.id}?version=${v.version}&compare=${v.version - 1}`} className="w-full text-xs text-primary underline-offset-4 hover:underline">
                        Compare with version {v.version - 1}
                      </Link>
                    ) : null}
                  </li>
                ))}
              </ol>
            </CardContent>
          </Card>
          <SharePanel fillId={fill.id} links={fill.shareLinks} origin={origin} />
        </aside>
      </div>
    </div>
  );
}
