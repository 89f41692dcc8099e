import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { TeamTemplateEditor } from "@/components/templates/team-template-editor";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { getLibraryTemplateSource, STARTER_TEMPLATE_SOURCE } from "@/lib/templates/team-queries";

export const metadata: Metadata = { title: "New team template" };

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ from?: string | string[] }>;
}) {
  await requireUser(["vp", "partnership_manager"]);
  const { from } = await searchParams;
  const fromSlug = typeof from === "string" && from ? from : null;
  const source = fromSlug ? getLibraryTemplateSource(fromSlug) : STARTER_TEMPLATE_SOURCE;
  if (source === null) notFound();
  return (
    <div className="grid gap-6">
      <PageHeader
        title="New team template"
        description={
          fromSlug
            ? "A copy of the library template to adapt for your team. Change the title: the address comes from it."
            : "Write a template in the library's format. The address comes from the title; the checks below show what still needs fixing."
        }
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/templates">All templates</Link>
          </Button>
        }
      />
      <TeamTemplateEditor initialSource={source} />
    </div>
  );
}
