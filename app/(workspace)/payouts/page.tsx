import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { TabSkeleton } from "@/components/commissions/statements/tab-skeleton";
import { ApprovalQueue } from "@/components/payouts/approval-queue";
import { BatchesList } from "@/components/payouts/batches-list";
import { BlockedList } from "@/components/payouts/blocked-list";
import { NewBatchForm } from "@/components/payouts/new-batch-form";
import { PayoutRules } from "@/components/payouts/payout-rules";
import { parsePayoutsTab, PayoutsTabs, type PayoutsTab } from "@/components/payouts/payouts-tabs";
import { QueueFilters } from "@/components/payouts/queue-filters";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { requireUser, type CurrentUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { isStripePayoutsConfigured } from "@/lib/payments/payouts";
import { getMinimumPayout, listApprovalFilterOptions, listApprovalQueue, type HoldingFilter } from "@/lib/payouts/approval-queue";
import { listBatches } from "@/lib/payouts/queries";
import { buildStatements } from "@/lib/payouts/statements";

export const metadata: Metadata = { title: "Payouts" };

const VP_READ_ONLY = "You see the payout work read-only: finance approves commissions and pays partners.";
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Params {
  tab: PayoutsTab;
  partner: string | null;
  currency: string | null;
  holding: HoldingFilter | null;
}

function quarterStart(today: string) {
  const month = Math.floor((Number(today.slice(5, 7)) - 1) / 3) * 3 + 1;
  return `${today.slice(0, 4)}-${String(month).padStart(2, "0")}-01`;
}

async function Panel({ user, params, today }: { user: CurrentUser; params: Params; today: string }) {
  const session = { claims: user.claims };
  const readOnly = user.role === "finance" ? null : VP_READ_ONLY;
  if (params.tab === "queue" || params.tab === "rejected") {
    const data = await withSession(session, async (tx) => ({
      lines: await listApprovalQueue(tx, {
        today,
        partnerId: params.partner,
        currency: params.currency,
        holding: params.tab === "rejected" ? "rejected" : params.holding,
      }),
      options: await listApprovalFilterOptions(tx),
    }));
    return (
      <div className="grid gap-4">
        <QueueFilters
          tab={params.tab}
          partners={data.options.partners}
          currencies={data.options.currencies}
          partnerId={params.partner}
          currency={params.currency}
          holding={params.holding}
        />
        <ApprovalQueue lines={data.lines} view={params.tab === "rejected" ? "rejected" : "open"} readOnlyReason={readOnly} />
      </div>
    );
  }
  if (params.tab === "batches") {
    const batches = await withSession(session, (tx) => listBatches(tx));
    return (
      <div className="grid gap-4">
        {readOnly ? null : <NewBatchForm defaultStart={quarterStart(today)} defaultEnd={today} />}
        <BatchesList batches={batches} />
      </div>
    );
  }
  const data = await withSession(session, async (tx) => ({
    built: await buildStatements(tx, { periodEnd: today }, { stripeConfigured: isStripePayoutsConfigured() }),
    minimum: await getMinimumPayout(tx),
  }));
  return <BlockedList blocked={data.built.blocked} carriedForward={data.built.carriedForward} minimum={data.minimum} />;
}

export default async function Page({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser(["vp", "finance"]);
  const search = await searchParams;
  const partner = one(search.partner);
  const currency = one(search.currency);
  const holding = one(search.holding);
  const params: Params = {
    tab: parsePayoutsTab(search.tab),
    partner: partner && UUID.test(partner) ? partner : null,
    currency: currency && /^[A-Z]{3}$/.test(currency) ? currency : null,
    holding: holding === "ready" || holding === "holding" ? holding : null,
  };
  const today = new Date().toISOString().slice(0, 10);
  const minimum = await withSession({ claims: user.claims }, (tx) => getMinimumPayout(tx));
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["payouts", "payout_batches", "opportunities"]} />
      <PageHeader
        title="Payouts"
        description="Approve earned commissions, pay partners in batches, and reconcile with the ledger."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/payouts/reconciliation">Reconciliation</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/reports/commissions?tab=statements">Commission statements</Link>
            </Button>
          </>
        }
      />
      <PayoutRules minimum={minimum} simulated={!isStripePayoutsConfigured()} />
      <PayoutsTabs current={params.tab} />
      <Suspense key={JSON.stringify(params)} fallback={<TabSkeleton label={`Loading ${params.tab}`} />}>
        <Panel user={user} params={params} today={today} />
      </Suspense>
    </div>
  );
}
