import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Earnings" };

export default async function Page() {
  await requireUser(["partner"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Earnings" description="What you have earned and been paid." />
      <ComingSoon
        feature="Earnings"
        bullets={[
          "Earnings this month, quarter and lifetime",
          "Each commission line with the rule that explains it",
          "Payout history",
        ]}
      />
    </div>
  );
}
