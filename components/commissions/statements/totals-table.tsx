import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Amounts, Converted } from "@/lib/commissions/statement-math";
import { AmountList, ConvertedAmount, DifferenceList, RateNote } from "./money";

export interface TotalRow {
  label: string;
  converted: Converted;
  difference?: boolean;
}

const amountsOf = (c: Converted): Amounts =>
  Object.fromEntries(c.rows.map((r) => [r.currency, r.amountMinor]));

/** Section totals: per-currency subtotals beside their conversion to the reporting currency. */
export function TotalsTable({ caption, rows }: { caption: string; rows: TotalRow[] }) {
  const first = rows[0]?.converted;
  return (
    <div className="grid gap-2">
      <Table aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHead>{caption}</TableHead>
            <TableHead className="text-right">Per currency</TableHead>
            <TableHead className="text-right">In {first?.target ?? "USD"}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={row.label}>
              <TableCell className="align-top font-medium">{row.label}</TableCell>
              <TableCell className="text-right align-top">
                {row.difference ? (
                  <DifferenceList amounts={amountsOf(row.converted)} />
                ) : (
                  <AmountList amounts={amountsOf(row.converted)} />
                )}
              </TableCell>
              <TableCell className="text-right align-top">
                <ConvertedAmount converted={row.converted} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {first ? (
        <RateNote
          conversions={rows.map((r) => r.converted)}
          prefix={`${first.target} amounts use each currency's latest rate on or before ${first.asOf}, the period's last day.`}
        />
      ) : null}
    </div>
  );
}
