import { Table, TableBody, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Statement } from "@/lib/commission-records/statements";
import { ExpandableRow } from "./expandable-row";
import { AmountList, DifferenceList } from "./money";

/** Per ISV vendor: what the vendor owes us for the period against what finance recorded as received. */
export function ReceivableStatement({ statement }: { statement: Statement }) {
  const { receivable, receiptsVisible, period } = statement;
  if (receivable.length === 0) {
    return (
      <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">
        No receivable commission is due in {period.label}
        {receiptsVisible ? " and no payment was received" : ""} among the deals you can see.
      </p>
    );
  }
  return (
    <Table aria-label={`Receivable commissions, ${period.label}`}>
      <TableHeader>
        <TableRow>
          <TableHead>ISV vendor</TableHead>
          <TableHead className="text-right">Expected</TableHead>
          {receiptsVisible ? (
            <>
              <TableHead className="text-right">Received</TableHead>
              <TableHead className="text-right">Difference</TableHead>
            </>
          ) : null}
          <TableHead className="text-right">Lines</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {receivable.map((row) => (
          <ExpandableRow
            key={row.partnerId}
            label={`receivable lines of ${row.partnerName}`}
            partnerName={row.partnerName}
            lines={row.lines}
            lineCount={row.lineCount}
            emptyText={`No line is due in ${period.label}: the amount received is unmatched.`}
            cells={[
              <span key="name" className="font-medium whitespace-normal">
                {row.partnerName}
              </span>,
              <AmountList key="expected" amounts={row.expected} />,
              ...(receiptsVisible
                ? [
                    <AmountList key="received" amounts={row.received} />,
                    <DifferenceList key="difference" amounts={row.difference} />,
                  ]
                : []),
            ]}
          />
        ))}
      </TableBody>
    </Table>
  );
}
