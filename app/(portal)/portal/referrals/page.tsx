import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Referrals & deals" };

export default async function Page() {
  await requireUser(["partner"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Referrals & deals" description="Register deals and follow your referrals." />
      <ComingSoon
        feature="Referrals and deal registration"
        bullets={[
          "Register a deal and see its approval and protection window",
          "Every referral attributed to you with its status",
        ]}
      />
    </div>
  );
}
