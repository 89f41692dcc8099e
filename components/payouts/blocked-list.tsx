import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { BlockedStatement, Statement } from "@/lib/payouts/statements";

/** Statements a batch for today would not pay: blocked (with the reason) and carried forward (below the minimum). */
export function BlockedList({
  blocked,
  carriedForward,
  minimum,
}: {
  blocked: BlockedStatement[];
  carriedForward: Statement[];
  minimum: { minimumMinor: number; currency: string };
}) {
  if (blocked.length === 0 && carriedForward.length === 0) {
    return <EmptyState title="Nobody is blocked" description="Every partner with approved commissions can be paid in the next batch." />;
  }
  const rowsOf = (list: (Statement & { reason?: string })[], reason: (s: Statement & { reason?: string }) => string) =>
    list.map((s) => (
      <TableRow key={`${s.partnerId}:${s.currency}`}>
        <TableCell className="font-medium">{s.partnerName}</TableCell>
        <TableCell>{reason(s)}</TableCell>
        <TableCell className="text-right tabular-nums">{s.lines.length}</TableCell>
        <TableCell className="text-right tabular-nums">{formatMoney(s.amountMinor, s.currency)}</TableCell>
      </TableRow>
    ));
  return (
    <div className="relative overflow-x-auto">
      <Table data-testid="blocked-partners">
        <TableHeader>
          <TableRow>
            <TableHead>Partner</TableHead>
            <TableHead>Why it is not paid</TableHead>
            <TableHead className="text-right">Lines</TableHead>
            <TableHead className="text-right">Amount</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rowsOf(blocked, (s) => s.reason ?? "Blocked")}
          {rowsOf(carriedForward, (s) =>
            s.amountMinor <= 0
              ? "Clawbacks net the statement to nothing: carried forward"
              : `Below the ${formatMoney(minimum.minimumMinor, minimum.currency)} minimum payout: carried forward`,
          )}
        </TableBody>
      </Table>
    </div>
  );
}
