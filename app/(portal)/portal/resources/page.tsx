import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Resources" };

export default async function Page() {
  await requireUser(["partner"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Resources" description="Sales and marketing material." />
      <ComingSoon
        feature="Resources"
        bullets={[
          "Playbooks, decks and co-branded material",
          "Content your tier unlocks",
        ]}
      />
    </div>
  );
}
