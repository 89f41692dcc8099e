import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { BUCKET_LABELS, type EarningsBucket, type EarningsTotals } from "@/lib/partner-home/earnings";

const COLUMNS: readonly EarningsBucket[] = ["forecast", "pending", "approved", "paid"];

const PERIOD = { month: "This month", quarter: "This quarter", lifetime: "Lifetime" } as const;

/** Payable earnings per currency and period: forecast, earned (awaiting approval), approved, paid. */
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
          {COLUMNS.map((c) => (
            <TableHead key={c} className="text-right">
              {BUCKET_LABELS[c]}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {totals.map((t) => (
          <TableRow key={`${t.currency}-${t.period}`}>
            <TableCell>
              {PERIOD[t.period]} <span className="text-xs text-muted-foreground">{t.currency}</span>
            </TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c} className="text-right tabular-nums">
                {formatMoney(t[c], t.currency)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
