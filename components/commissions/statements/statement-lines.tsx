import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { StatementLine } from "@/lib/commission-records/statements";
import { formatMoney } from "@/lib/money";
import { LineStatus } from "./money";

/** The lines behind one partner's statement row; the first ones only when there are many. */
export function StatementLines({
  lines,
  lineCount,
  partnerName,
}: {
  lines: StatementLine[];
  lineCount: number;
  partnerName: string;
}) {
  return (
    <div className="grid gap-2 px-2 py-3">
      <Table aria-label={`Commission lines of ${partnerName}`}>
        <TableHeader>
          <TableRow>
            <TableHead>Deal</TableHead>
            <TableHead>Line</TableHead>
            <TableHead>Due</TableHead>
            <TableHead>Status</TableHead>
            <TableHead className="text-right">Amount</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {lines.map((line) => (
            <TableRow key={line.id}>
              <TableCell className="max-w-56 whitespace-normal">
                <span className="font-medium">{line.customerName}</span>
                {line.dealTitle ? (
                  <span className="block text-xs text-muted-foreground">{line.dealTitle}</span>
                ) : null}
              </TableCell>
              <TableCell className="max-w-56 whitespace-normal">{line.label}</TableCell>
              <TableCell className="tabular-nums">{line.dueDate}</TableCell>
              <TableCell>
                <LineStatus status={line.status} kind={line.kind} />
              </TableCell>
              <TableCell
                className={
                  line.amountMinor < 0
                    ? "text-right text-destructive tabular-nums"
                    : "text-right tabular-nums"
                }
              >
                {formatMoney(line.amountMinor, line.currency)}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {lineCount > lines.length ? (
        <p className="px-2 text-xs text-muted-foreground">
          Showing the first {lines.length} of {lineCount} lines; the CSV export has them all.
        </p>
      ) : null}
    </div>
  );
}
