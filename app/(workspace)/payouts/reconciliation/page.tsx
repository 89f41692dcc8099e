import type { Metadata } from "next";
import Link from "next/link";
import { PartnerTotalsTable, PayoutReconciliationTable } from "@/components/payouts/reconciliation-tables";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { PageSection } from "@/components/shell/page-section";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { listPartnerTotals, listReconciliationPayouts, parseReportPeriod } from "@/lib/payouts/reports";

export const metadata: Metadata = { title: "Payout reconciliation" };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(["vp", "finance"]);
  const search = await searchParams;
  const today = new Date().toISOString().slice(0, 10);
  const parsed = parseReportPeriod({ from: one(search.from), to: one(search.to) }, today);
  const period = "error" in parsed ? (parseReportPeriod({}, today) as { from: string; to: string }) : parsed;
  const data = await withSession({ claims: user.claims }, async (tx) => ({
    totals: await listPartnerTotals(tx, period),
    payouts: await listReconciliationPayouts(tx, period),
  }));
  const exportHref = `/api/payouts/export?${new URLSearchParams({ from: period.from, to: period.to }).toString()}`;
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["payouts", "payout_batches"]} />
      <PageHeader
        title="Payout reconciliation"
        description="Approved against paid, failed and reversed per partner, and every payout checked against the ledger."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/payouts">Payouts</Link>
            </Button>
            <Button asChild size="sm">
              <a href={exportHref} download>
                Export ledger CSV
              </a>
            </Button>
          </>
        }
      />
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Report period">
        <div className="grid gap-1.5">
          <Label htmlFor="from">From</Label>
          <Input id="from" type="date" name="from" defaultValue={period.from} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="to">To</Label>
          <Input id="to" type="date" name="to" defaultValue={period.to} />
        </div>
        <Button type="submit" variant="outline">
          Show
        </Button>
      </form>
      {"error" in parsed ? (
        <Alert variant="destructive">
          <AlertDescription>{parsed.error}; showing the previous quarter to date instead.</AlertDescription>
        </Alert>
      ) : null}
      <PageSection id="partner-totals" title="Per partner" description="Approved in the period (ledger), payouts of batches ending in it by status, and what is still owed at its end.">
        <PartnerTotalsTable totals={data.totals} />
      </PageSection>
      <PageSection
        id="payout-checks"
        title="Per payout"
        description="A paid payout must show its amount as cash out, a sent one as in transit, anything else neither; the difference says otherwise."
      >
        <PayoutReconciliationTable payouts={data.payouts} />
      </PageSection>
    </div>
  );
}
