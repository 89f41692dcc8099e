import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";

import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Payouts" };

export default async function Page() {
  await requireUser(["vp", "finance"]);
  return (
    <div className="grid gap-6">
      <PageHeader
        title="Payouts"
        description="Approve commissions and pay partners."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/reports/commissions?tab=receipts">Record ISV payments and see statements</Link>
          </Button>
        }
      />
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
