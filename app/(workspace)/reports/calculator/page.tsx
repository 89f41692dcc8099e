import type { Metadata } from "next";
import { CommissionCalculator } from "@/components/commissions/calculator";
import { PageHeader } from "@/components/shell/page-header";
import { STAFF_ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listCalculatorAgreements } from "@/lib/commission-records/queries";
import { withSession } from "@/lib/db/session";

export const metadata: Metadata = { title: "Commission calculator" };

function isoToday() {
  return new Date().toISOString().slice(0, 10);
}

export default async function CalculatorPage() {
  const user = await requireUser(STAFF_ROLES);
  const agreements = await withSession({ claims: user.claims }, (tx) => listCalculatorAgreements(tx));
  return (
    <div className="grid gap-6">
      <PageHeader title="Commission calculator" description="Pick an agreement, describe a deal, and see the payment schedule with every rule that produced it." />
      <CommissionCalculator agreements={agreements} today={isoToday()} />
    </div>
  );
}
