import { Handshake } from "lucide-react";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import type { DirectoryRow } from "@/lib/health/queries";
import { formatMoney } from "@/lib/money";
import { HealthBadge } from "./health-badge";
import { DOMAIN_LABELS, KIND_LABELS, STATUS_LABELS } from "./labels";
import type { PartnerDomain } from "@/lib/domain/enums";

export function DirectoryTable({
  partners,
  currency,
  filtered,
  revenueLabel,
}: {
  partners: DirectoryRow[];
  currency: string;
  filtered: boolean;
  revenueLabel: string;
}) {
  if (partners.length === 0) {
    return (
      <div className="p-6">
        <EmptyState
          icon={Handshake}
          title={filtered ? "No partners match these filters" : "No partners yet"}
          description={
            filtered
              ? "Clear a filter or search for another name."
              : "Partners appear here when they apply or when your team adds them."
          }
        />
      </div>
    );
  }
  return (
    <Table>
      <TableCaption className="sr-only">Partners, {partners.length} shown</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>Partner</TableHead>
          <TableHead>Kind</TableHead>
          <TableHead className="hidden lg:table-cell">Domain</TableHead>
          <TableHead>Tier</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Health</TableHead>
          <TableHead className="hidden text-right md:table-cell" title={revenueLabel}>
            Won, 4 quarters
          </TableHead>
          <TableHead className="hidden xl:table-cell">Owner</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {partners.map((p) => (
          <TableRow key={p.id} data-testid="partner-row">
            <TableCell className="font-medium">
              <Link href={`/partners/${p.id}`} className="underline-offset-4 hover:underline">
                {p.name}
              </Link>
            </TableCell>
            <TableCell>{KIND_LABELS[p.kind]}</TableCell>
            <TableCell className="hidden lg:table-cell">
              {p.domain ? DOMAIN_LABELS[p.domain as PartnerDomain] : "—"}
            </TableCell>
            <TableCell>{p.tierName ?? "—"}</TableCell>
            <TableCell>{STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status}</TableCell>
            <TableCell>
              <HealthBadge score={p.healthScore} />
            </TableCell>
            <TableCell className="hidden text-right tabular-nums md:table-cell">
              {formatMoney(p.revenueMinor, currency, { compact: true })}
            </TableCell>
            <TableCell className="hidden xl:table-cell">{p.ownerName ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
