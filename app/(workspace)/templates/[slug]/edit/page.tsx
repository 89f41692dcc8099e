import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { diffLines } from "diff";
import { PageHeader } from "@/components/shell/page-header";
import { TeamTemplateEditor } from "@/components/templates/team-template-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { libraryTemplates } from "@/lib/templates/library";
import {
  getTeamTemplateForEdit,
  getTeamTemplateVersionSource,
  type TeamTemplateForEdit,
} from "@/lib/templates/team-queries";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Edit team template" };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
/** Unchanged lines kept around each change; longer unchanged runs fold into a count. */
const CONTEXT = 3;

type DiffLine = { kind: "added" | "removed" | "same"; text: string } | { kind: "fold"; count: number };

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines;
}

/** Line diff from an old source to the current one, with long unchanged runs folded. */
function lineDiff(from: string, to: string): { lines: DiffLine[]; added: number; removed: number } {
  const out: DiffLine[] = [];
  let added = 0;
  let removed = 0;
  const changes = diffLines(from, to);
  changes.forEach((change, i) => {
    const lines = linesOf(change.value);
    if (change.added || change.removed) {
      const kind = change.added ? "added" : "removed";
      if (change.added) added += lines.length;
      else removed += lines.length;
      for (const text of lines) out.push({ kind, text });
      return;
    }
    const head = i === 0 ? 0 : CONTEXT;
    const tail = i === changes.length - 1 ? 0 : CONTEXT;
    if (lines.length <= head + tail + 1) {
      for (const text of lines) out.push({ kind: "same", text });
      return;
    }
    for (const text of lines.slice(0, head)) out.push({ kind: "same", text });
    out.push({ kind: "fold", count: lines.length - head - tail });
    for (const text of lines.slice(lines.length - tail)) out.push({ kind: "same", text });
  });
  return { lines: out, added, removed };
}

const MARKERS = {
  added: { sign: "+", label: "Added: ", className: "bg-success/10 text-foreground" },
  removed: { sign: "−", label: "Removed: ", className: "bg-destructive/10 text-foreground" },
  same: { sign: " ", label: "", className: "text-muted-foreground" },
} as const;

function SourceDiff({
  from,
  to,
  fromVersion,
  toVersion,
}: {
  from: string;
  to: string;
  fromVersion: number;
  toVersion: number;
}) {
  const diff = lineDiff(from, to);
  if (diff.added === 0 && diff.removed === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        Version {fromVersion} has the same source as version {toVersion}.
      </p>
    );
  }
  return (
    <div className="grid gap-2">
      <p className="text-sm">
        From version {fromVersion} to version {toVersion}: {diff.added} {diff.added === 1 ? "line" : "lines"}{" "}
        added, {diff.removed} {diff.removed === 1 ? "line" : "lines"} removed.
      </p>
      <ol
        aria-label={`Changes from version ${fromVersion} to version ${toVersion}`}
        className="max-h-[32rem] overflow-auto rounded-md border font-mono text-xs leading-relaxed"
      >
        {diff.lines.map((line, i) =>
          line.kind === "fold" ? (
            <li key={i} className="bg-muted px-3 py-1 text-muted-foreground italic">
              … {line.count} unchanged {line.count === 1 ? "line" : "lines"} …
            </li>
          ) : (
            <li key={i} className={cn("flex gap-3 px-3 whitespace-pre-wrap", MARKERS[line.kind].className)}>
              <span aria-hidden="true" className="w-3 shrink-0 select-none font-semibold">
                {MARKERS[line.kind].sign}
              </span>
              <span className="min-w-0 break-words">
                {MARKERS[line.kind].label ? (
                  <span className="sr-only">{MARKERS[line.kind].label}</span>
                ) : null}
                {line.kind === "added" ? <ins className="no-underline">{line.text}</ins> : null}
                {line.kind === "removed" ? <del className="no-underline">{line.text}</del> : null}
                {line.kind === "same" ? line.text || " " : null}
              </span>
            </li>
          ),
        )}
      </ol>
    </div>
  );
}

function VersionHistory({ template, selected }: { template: TeamTemplateForEdit; selected: number | null }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Version</TableHead>
          <TableHead scope="col">Saved</TableHead>
          <TableHead scope="col">By</TableHead>
          <TableHead scope="col">
            <span className="sr-only">Actions</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {template.versions.map((v) => (
          <TableRow key={v.version} aria-current={v.version === selected ? "true" : undefined}>
            <TableCell>
              <span className="flex items-center gap-2">
                {v.version}
                {v.version === template.currentVersion ? <Badge variant="outline">Current</Badge> : null}
              </span>
            </TableCell>
            <TableCell>{when.format(v.createdAt)} UTC</TableCell>
            <TableCell>{v.authorName ?? "A former team member"}</TableCell>
            <TableCell className="text-right">
              {v.version === template.currentVersion ? null : (
                <Link
                  href={`?version=${v.version}#selected-version`}
                  scroll={false}
                  className="text-primary underline-offset-4 hover:underline"
                >
                  View<span className="sr-only"> version {v.version} and compare with the current one</span>
                </Link>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export default async function Page({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ version?: string | string[] }>;
}) {
  const user = await requireUser(["vp", "partnership_manager"]);
  const { slug } = await params;
  const { version } = await searchParams;
  if (!SLUG.test(slug) || libraryTemplates().some((t) => t.slug === slug)) notFound();
  const wanted = typeof version === "string" && /^\d{1,6}$/.test(version) ? Number(version) : null;
  const { template, selectedSource } = await withSession({ claims: user.claims }, async (tx) => {
    const found = await getTeamTemplateForEdit(tx, slug);
    const chosen =
      found && wanted !== null && wanted !== found.currentVersion
        ? await getTeamTemplateVersionSource(tx, slug, wanted)
        : null;
    return { template: found, selectedSource: chosen };
  });
  if (!template) notFound();
  const selected = selectedSource === null ? null : wanted;
  return (
    <div className="grid gap-6">
      <PageHeader
        title={`Edit ${template.title}`}
        description="Each save keeps the earlier version; fills already made keep the version they were made from."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href={`/templates/${template.slug}`}>View template</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/templates">All templates</Link>
            </Button>
          </>
        }
      />
      <TeamTemplateEditor
        key={template.currentVersion}
        slug={template.slug}
        initialSource={template.source}
        currentVersion={template.currentVersion}
        archived={template.archivedAt !== null}
      />
      <Card>
        <CardHeader>
          <CardTitle>
            <h2>Version history</h2>
          </CardTitle>
          <CardDescription>Open an earlier version to read it and see what changed since.</CardDescription>
        </CardHeader>
        <CardContent>
          <VersionHistory template={template} selected={selected} />
        </CardContent>
      </Card>
      {wanted !== null && wanted !== template.currentVersion ? (
        <Card id="selected-version" tabIndex={-1}>
          <CardHeader>
            <CardTitle>
              <h2>{selectedSource === null ? `There is no version ${wanted}` : `Version ${wanted}`}</h2>
            </CardTitle>
            {selectedSource === null ? (
              <CardDescription>Choose a version from the history above.</CardDescription>
            ) : null}
          </CardHeader>
          {selectedSource !== null ? (
            <CardContent className="grid gap-4">
              <SourceDiff
                from={selectedSource}
                to={template.source}
                fromVersion={wanted}
                toVersion={template.currentVersion}
              />
              <details className="rounded-md border p-3">
                <summary className="cursor-pointer text-sm font-medium">
                  Full source of version {wanted}
                </summary>
                <pre className="mt-3 max-h-[32rem] overflow-auto font-mono text-xs leading-relaxed whitespace-pre-wrap">
                  {selectedSource}
                </pre>
              </details>
            </CardContent>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
