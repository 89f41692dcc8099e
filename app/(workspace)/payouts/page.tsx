import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payouts" };

export default async function Page() {
  await requireUser(["vp", "finance"]);
  return (
    <div className="grid gap-6">
      <PageHeader title="Payouts" description="Approve commissions and pay partners." />
      <ComingSoon
        feature="Partner payouts"
        bullets={[
          "An approval queue for earned commissions",
          "Payout batches paid through Stripe Connect, each partner exactly once",
          "A ledger and reconciliation report",
        ]}
      />
    </div>
  );
}
