import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PartnerTotals, ReconciliationPayout } from "@/lib/payouts/reports";
import { PayoutStatus } from "./status-badges";

function Difference({ minor, currency }: { minor: number; currency: string }) {
  if (minor === 0) return <span className="text-success">Matches</span>;
  return <span className="font-medium text-destructive">{formatMoney(minor, currency)} off</span>;
}

export function PartnerTotalsTable({ totals }: { totals: PartnerTotals[] }) {
  if (totals.length === 0) return <EmptyState title="Nothing approved or paid in this period" description="Pick another period above." />;
  const money = (m: number, c: string) => (m === 0 ? <span className="text-muted-foreground">—</span> : formatMoney(m, c));
  return (
    <div className="relative overflow-x-auto">
      <Table data-testid="partner-totals">
        <TableHeader>
          <TableRow>
            <TableHead>Partner</TableHead>
            <TableHead className="text-right">Approved</TableHead>
            <TableHead className="text-right">Paid</TableHead>
            <TableHead className="text-right">In flight</TableHead>
            <TableHead className="text-right">Failed</TableHead>
            <TableHead className="text-right">Reversed</TableHead>
            <TableHead className="text-right">Owed at period end</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {totals.map((t) => (
            <TableRow key={`${t.partnerId}:${t.currency}`}>
              <TableCell className="font-medium">
                {t.partnerName} <span className="text-xs text-muted-foreground">{t.currency}</span>
              </TableCell>
              <TableCell className="text-right tabular-nums">{money(t.approvedMinor, t.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(t.paidMinor, t.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(t.inFlightMinor, t.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(t.failedMinor, t.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(t.reversedMinor, t.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{money(t.owedMinor, t.currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

export function PayoutReconciliationTable({ payouts }: { payouts: ReconciliationPayout[] }) {
  if (payouts.length === 0) return <EmptyState title="No payouts in this period" description="Batches whose period ends in the chosen dates appear here." />;
  return (
    <div className="relative overflow-x-auto">
      <Table data-testid="payout-reconciliation">
        <TableHeader>
          <TableRow>
            <TableHead>Batch</TableHead>
            <TableHead>Partner</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Transfer / reference</TableHead>
            <TableHead className="text-right">Statement</TableHead>
            <TableHead className="text-right">Lines</TableHead>
            <TableHead className="text-right">Ledger paid</TableHead>
            <TableHead className="text-right">Ledger in transit</TableHead>
            <TableHead className="text-right">Difference</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {payouts.map((p) => (
            <TableRow key={p.payoutId}>
              <TableCell>
                <Link href={`/payouts/batches/${p.batchId}`} className="underline-offset-4 hover:underline">
                  {p.batchPeriod}
                </Link>
              </TableCell>
              <TableCell className="font-medium">{p.partnerName}</TableCell>
              <TableCell>
                <PayoutStatus status={p.status} mode={p.mode} />
              </TableCell>
              <TableCell className="font-mono text-xs">{p.stripeTransferId ?? p.externalReference ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.amountMinor, p.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">
                {p.itemsMinor === p.amountMinor ? formatMoney(p.itemsMinor, p.currency) : <span className="text-warning">{formatMoney(p.itemsMinor, p.currency)}</span>}
              </TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.ledgerPaidMinor, p.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.ledgerInTransitMinor, p.currency)}</TableCell>
              <TableCell className="text-right tabular-nums">
                <Difference minor={p.differenceMinor} currency={p.currency} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
