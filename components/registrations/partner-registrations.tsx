import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatMoney } from "@/lib/money";
import { RegistrationStatusBadge } from "./status-badge";

export interface PartnerRegistrationRow {
  id: string;
  customerName: string;
  customerDomain: string;
  estimatedValueMinor: number;
  currency: string;
  status: "pending" | "approved" | "rejected";
  rejectionReason: string | null;
  protectedUntil: string | null;
  createdAt: Date;
}

export function PartnerRegistrationsTable({
  rows,
  today,
}: {
  rows: readonly PartnerRegistrationRow[];
  today: string;
}) {
  if (rows.length === 0)
    return (
      <p className="text-sm text-muted-foreground">
        No registrations yet. Register a deal to protect the customer for you.
      </p>
    );
  return (
    <Table data-testid="partner-registrations">
      <TableHeader>
        <TableRow>
          <TableHead>Customer</TableHead>
          <TableHead className="text-right">Estimated value</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Protection</TableHead>
          <TableHead className="hidden md:table-cell">Registered</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              <span className="font-medium">{r.customerName}</span>
              <span className="block text-xs text-muted-foreground">{r.customerDomain}</span>
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(r.estimatedValueMinor, r.currency)}
            </TableCell>
            <TableCell>
              <RegistrationStatusBadge status={r.status} />
              {r.rejectionReason ? (
                <span className="mt-1 block max-w-xs text-xs text-muted-foreground">{r.rejectionReason}</span>
              ) : null}
            </TableCell>
            <TableCell className="tabular-nums">
              {r.protectedUntil
                ? r.protectedUntil >= today
                  ? `Until ${r.protectedUntil}`
                  : `Ended ${r.protectedUntil}`
                : "—"}
            </TableCell>
            <TableCell className="hidden tabular-nums md:table-cell">
              {r.createdAt.toISOString().slice(0, 10)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
