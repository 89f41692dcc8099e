import Link from "next/link";
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

/** Every partner ranked by health or by four-quarter revenue; rank 1 is best. */
export function RankingTable({
  partners,
  by,
  currency,
}: {
  partners: DirectoryRow[];
  by: "health" | "revenue";
  currency: string;
}) {
  return (
    <Table data-testid="ranking">
      <TableCaption className="sr-only">Partners ranked by {by}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead className="w-12 text-right">#</TableHead>
          <TableHead>Partner</TableHead>
          <TableHead>Health</TableHead>
          <TableHead className="text-right">Won, 4 quarters</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {partners.map((p, index) => (
          <TableRow key={p.id}>
            <TableCell className="text-right tabular-nums">{index + 1}</TableCell>
            <TableCell className="font-medium">
              <Link href={`/partners/${p.id}`} className="underline-offset-4 hover:underline">
                {p.name}
              </Link>
            </TableCell>
            <TableCell>
              <HealthBadge score={p.healthScore} />
            </TableCell>
            <TableCell className="text-right tabular-nums">
              {formatMoney(p.revenueMinor, currency, { compact: true })}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
