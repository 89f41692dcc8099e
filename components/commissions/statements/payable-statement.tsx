import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Statement } from "@/lib/commission-records/statements";
import { ExpandableRow } from "./expandable-row";
import { AmountList } from "./money";

/** Per program partner: what we owe for the period, clawbacks to recover, and what was already paid. */
export function PayableStatement({
  statement,
  canSeePayable,
}: {
  statement: Statement;
  canSeePayable: boolean;
}) {
  const { payable, period } = statement;
  if (payable.length === 0) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
        {canSeePayable
          ? `No payable commission is due in ${period.label}.`
          : "Commissions we pay to program partners are visible to finance and the VP."}
      </p>
    );
  }
  return (
    <Table aria-label={`Payable commissions, ${period.label}`}>
      <TableHeader>
        <TableRow>
          <TableHead>Program partner</TableHead>
          <TableHead className="text-right">Owed</TableHead>
          <TableHead className="text-right">Clawbacks</TableHead>
          <TableHead className="text-right">Net owed</TableHead>
          <TableHead className="text-right">Paid</TableHead>
          <TableHead className="text-right">Lines</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {payable.map((row) => (
          <ExpandableRow
            key={row.partnerId}
            label={`payable lines of ${row.partnerName}`}
            partnerName={row.partnerName}
            lines={row.lines}
            lineCount={row.lineCount}
            emptyText={`No line is due in ${period.label}.`}
            cells={[
              <span key="name" className="font-medium whitespace-normal">
                {row.partnerName}
              </span>,
              <AmountList key="owed" amounts={row.owed} />,
              <AmountList key="clawbacks" amounts={row.clawbacks} className="text-destructive" />,
              <AmountList key="net" amounts={row.net} className="font-medium" />,
              <AmountList key="paid" amounts={row.paid} />,
            ]}
          />
        ))}
      </TableBody>
    </Table>
  );
}
