import type { Metadata } from "next";
import { ComingSoon } from "@/components/shell/coming-soon";
import { PageHeader } from "@/components/shell/page-header";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Reports" };

export default async function Page() {
  await requireUser(STAFF_ROLES);
  return (
    <div className="grid gap-6">
      <PageHeader title="Reports" description="Forecasts, win/loss and commission statements." />
      <ComingSoon
        feature="Reports"
        bullets={[
          "Weighted forecast and a Monte Carlo view of the quarter",
          "Win/loss analysis by reason, partner, owner and deal size",
          "Commission statements per partner and period",
        ]}
      />
    </div>
  );
}
