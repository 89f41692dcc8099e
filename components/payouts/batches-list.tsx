import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { BatchSummary } from "@/lib/payouts/queries";
import { BatchStatus } from "./status-badges";

export function BatchesList({ batches }: { batches: BatchSummary[] }) {
  if (batches.length === 0) {
    return (
      <EmptyState
        title="No payout batches yet"
        description="Create a batch for a period: it gathers every approved line past its holding period into one statement per partner and currency."
      />
    );
  }
  return (
    <div className="relative overflow-x-auto">
      <Table data-testid="batches">
        <TableHeader>
          <TableRow>
            <TableHead>Period</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Statements</TableHead>
            <TableHead className="text-right">Total</TableHead>
            <TableHead>Created</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {batches.map((b) => (
            <TableRow key={b.id}>
              <TableCell>
                <Link href={`/payouts/batches/${b.id}`} className="font-medium underline-offset-4 hover:underline">
                  {b.periodStart} – {b.periodEnd}
                </Link>
                {b.note ? <div className="text-xs text-muted-foreground">{b.note}</div> : null}
              </TableCell>
              <TableCell>
                <BatchStatus status={b.status} simulated={b.simulated} />
              </TableCell>
              <TableCell className="text-right tabular-nums">{b.payoutCount}</TableCell>
              <TableCell className="text-right tabular-nums">
                {b.totals.length ? b.totals.map((t) => <div key={t.currency}>{formatMoney(t.amountMinor, t.currency)}</div>) : "—"}
              </TableCell>
              <TableCell className="tabular-nums">{b.createdAt.slice(0, 10)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
