import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { PayoutDetail } from "@/lib/payouts/queries";
import { PayoutActions } from "./payout-actions";
import { PayoutStatus } from "./status-badges";

/** One partner statement in a batch: its payout's status and Stripe ids, then the lines it settles. */
export function StatementCard({ payout, canAct }: { payout: PayoutDetail; canAct: boolean }) {
  const when = payout.paidAt ?? payout.sentAt ?? payout.reversedAt;
  return (
    <Card data-testid="payout" aria-label={`Statement for ${payout.partnerName} in ${payout.currency}`}>
      <CardHeader className="flex flex-wrap items-start justify-between gap-3">
        <div className="grid gap-1">
          <CardTitle>
            <h2>{payout.partnerName}</h2>
          </CardTitle>
          <PayoutStatus status={payout.status} mode={payout.mode} />
          <dl className="grid gap-0.5 text-xs text-muted-foreground">
            {payout.stripeTransferId ? (
              <div>
                <dt className="inline">Transfer </dt>
                <dd className="inline font-mono">{payout.stripeTransferId}</dd>
              </div>
            ) : null}
            {payout.stripeAccountId ? (
              <div>
                <dt className="inline">Account </dt>
                <dd className="inline font-mono">{payout.stripeAccountId}</dd>
              </div>
            ) : null}
            {payout.externalReference ? (
              <div>
                <dt className="inline">Reference </dt>
                <dd className="inline">{payout.externalReference}</dd>
              </div>
            ) : null}
            {payout.failureReason ? <div className="text-destructive">Failed: {payout.failureReason}</div> : null}
            {payout.attempts > 0 ? <div>Attempts: {payout.attempts}</div> : null}
            {when ? <div>Updated {when.slice(0, 10)}</div> : null}
          </dl>
        </div>
        <div className="grid justify-items-end gap-2">
          <span className="text-lg font-semibold tabular-nums">{formatMoney(payout.amountMinor, payout.currency)}</span>
          {canAct ? <PayoutActions payoutId={payout.id} status={payout.status} simulated={payout.mode === "simulated"} /> : null}
        </div>
      </CardHeader>
      <CardContent className="relative overflow-x-auto">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Deal</TableHead>
              <TableHead>Line</TableHead>
              <TableHead className="text-right">Amount</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {payout.lines.map((l) => (
              <TableRow key={l.commissionLineId} className={l.released ? "text-muted-foreground line-through" : undefined}>
                <TableCell>{l.dealName}</TableCell>
                <TableCell>
                  {l.label}
                  {l.kind === "clawback" ? <span className="ml-1 text-xs text-destructive">(clawback, netted)</span> : null}
                  {l.released ? <span className="ml-1 text-xs">(released)</span> : null}
                </TableCell>
                <TableCell className={`text-right tabular-nums ${l.amountMinor < 0 ? "text-destructive" : ""}`}>
                  {formatMoney(l.amountMinor, payout.currency)}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
}
