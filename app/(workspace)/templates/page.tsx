import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Templates" };

export default async function Page() {
  await requireUser(STAFF_ROLES);
  return (
    <div className="grid gap-6">
      <PageHeader title="Templates" description="Partner-program documents filled from live data." />
      <ComingSoon
        feature="The template library"
        bullets={[
          "45 partner-program templates with search and filters",
          "Fill from the company profile and a partner's live data",
          "Export to PDF and Word, and share read-only links",
        ]}
      />
    </div>
  );
}
