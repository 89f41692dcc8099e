import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Pipeline" };

export default async function Page() {
  await requireUser(STAFF_ROLES);
  return (
    <div className="grid gap-6">
      <PageHeader title="Pipeline" description="Every opportunity from lead to close." />
      <ComingSoon
        feature="The pipeline board"
        bullets={[
          "A kanban board per stage you drag with mouse or keyboard",
          "List view with filters, saved views, CSV import and export",
          "Live updates when a teammate moves a deal",
        ]}
      />
    </div>
  );
}
