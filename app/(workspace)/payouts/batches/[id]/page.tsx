import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BatchActions } from "@/components/payouts/batch-actions";
import { StatementCard } from "@/components/payouts/statement-card";
import { BatchStatus } from "@/components/payouts/status-badges";
import { LiveRefresh } from "@/components/realtime/live-refresh";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { requireUser } from "@/lib/auth/session";
import { withSession } from "@/lib/db/session";
import { formatMoney } from "@/lib/money";
import { isStripePayoutsConfigured } from "@/lib/payments/payouts";
import { getBatch, PayoutBatchNotFoundError } from "@/lib/payouts/queries";
import { summariseToPay } from "@/lib/payouts/trigger-summary";

export const metadata: Metadata = { title: "Payout batch" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser(["vp", "finance"]);
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const batch = await withSession({ claims: user.claims }, (tx) => getBatch(tx, id)).catch((error: unknown) => {
    if (error instanceof PayoutBatchNotFoundError) notFound();
    throw error;
  });
  const canAct = user.role === "finance";
  const totals = new Map<string, number>();
  for (const p of batch.payouts) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.amountMinor);
  const toPay = summariseToPay(batch.payouts);
  const stripe = isStripePayoutsConfigured();
  const simulated = batch.payouts.some((p) => p.mode === "simulated") || (!stripe && batch.status !== "completed");
  return (
    <div className="grid gap-6">
      <LiveRefresh tables={["payouts", "payout_batches"]} />
      <PageHeader
        title={`Batch ${batch.periodStart} – ${batch.periodEnd}`}
        description={`${batch.payouts.length} ${batch.payouts.length === 1 ? "statement" : "statements"} · ${
          [...totals.entries()].map(([c, m]) => formatMoney(m, c)).join(" + ") || "nothing to pay"
        }${batch.note ? ` · ${batch.note}` : ""}`}
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href="/payouts?tab=batches">All batches</Link>
          </Button>
        }
      />
      <div className="flex flex-wrap items-center gap-3">
        <BatchStatus status={batch.status} simulated={simulated} />
        {!stripe ? (
          <span className="text-sm text-muted-foreground">Simulated mode: no Stripe key is configured, no money moves.</span>
        ) : null}
      </div>
      <BatchActions
        batchId={batch.id}
        status={batch.status}
        readOnlyReason={canAct ? null : "Read-only: finance confirms and triggers payout batches."}
        toPay={toPay}
        simulated={!stripe}
      />
      {batch.payouts.length === 0 ? (
        <EmptyState title="No statements" description="This batch has no payouts." />
      ) : (
        <div className="grid gap-4">
          {batch.payouts.map((p) => (
            <StatementCard key={p.id} payout={p} canAct={canAct && batch.status !== "cancelled" && batch.status !== "draft"} />
          ))}
        </div>
      )}
    </div>
  );
}
