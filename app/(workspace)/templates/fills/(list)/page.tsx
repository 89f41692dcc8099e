import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { FillsList } from "@/components/templates/fills-list";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listFills } from "@/lib/templates/fill-queries";

export const metadata: Metadata = { title: "Documents" };

export default async function DocumentsPage() {
  const user = await requireUser(STAFF_ROLES);
  const fills = await withSession({ claims: user.claims }, (tx) => listFills(tx, { limit: 100 }));
  return (
    <div className="grid gap-6">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/templates" className="underline-offset-4 hover:underline">
          Templates
        </Link>{" "}
        / Documents
      </nav>
      <PageHeader title="Documents" description="Every filled template, newest first, with its versions, exports and share links." />
      <FillsList fills={fills} title={`${fills.length} ${fills.length === 1 ? "document" : "documents"}`} empty="No documents yet: fill a template from the library." />
    </div>
  );
}
