import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Links" };

export default async function Page() {
  await requireUser(["partner"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Links" description="Share links that credit you for every referral." />
      <ComingSoon
        feature="Referral links"
        bullets={[
          "Your default referral link and campaign links",
          "Clicks counted per link and visitor",
        ]}
      />
    </div>
  );
}
