import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import type { EarningsTotals } from "@/lib/partner-home/earnings";

const PERIOD = { month: "This month", quarter: "This quarter", lifetime: "Lifetime" } as const;

/** Payable earnings per currency and period: pending (forecast + earned), approved, paid. */
export function EarningsSummary({ totals }: { totals: readonly EarningsTotals[] }) {
  if (totals.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No commissions yet. They appear here as soon as a deal you referred is in the pipeline.
      </p>
    );
  return (
    <Table data-testid="earnings-summary">
      <TableHeader>
        <TableRow>
          <TableHead>Period</TableHead>
          <TableHead className="text-right">Pending</TableHead>
          <TableHead className="text-right">Approved</TableHead>
          <TableHead className="text-right">Paid</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {totals.map((t) => (
          <TableRow key={`${t.currency}-${t.period}`}>
            <TableCell>
              {PERIOD[t.period]} <span className="text-xs text-muted-foreground">{t.currency}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(t.pending, t.currency)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(t.approved, t.currency)}</TableCell>
            <TableCell className="text-right tabular-nums">{formatMoney(t.paid, t.currency)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
