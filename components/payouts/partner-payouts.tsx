import { PayoutStatus } from "@/components/payouts/status-badges";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PayoutDetail } from "@/lib/payouts/queries";

/** The partner's own payouts: status, amount, date, and whether it was simulated or paid outside Stripe. */
export function PartnerPayouts({ payouts }: { payouts: PayoutDetail[] }) {
  if (payouts.length === 0) {
    return <EmptyState title="No payouts yet" description="Approved commissions are paid in batches; each payout appears here with its status." />;
  }
  return (
    <div className="relative overflow-x-auto">
      <Table data-testid="partner-payouts">
        <TableHeader>
          <TableRow>
            <TableHead>Date</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Reference</TableHead>
            <TableHead className="text-right">Lines</TableHead>
            <TableHead className="text-right">Amount</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {payouts.map((p) => (
            <TableRow key={p.id}>
              <TableCell className="tabular-nums">{(p.paidAt ?? p.sentAt ?? p.reversedAt ?? "").slice(0, 10) || "—"}</TableCell>
              <TableCell>
                <PayoutStatus status={p.status} mode={p.mode} />
              </TableCell>
              <TableCell className="font-mono text-xs">{p.stripeTransferId ?? p.externalReference ?? "—"}</TableCell>
              <TableCell className="text-right tabular-nums">{p.lines.filter((l) => !l.released).length}</TableCell>
              <TableCell className="text-right tabular-nums">{formatMoney(p.amountMinor, p.currency)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
