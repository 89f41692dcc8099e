import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CompareRow } from "@/lib/health/queries";
import { HEALTH_COMPONENTS, COMPONENT_LABELS } from "@/lib/health/score";
import { formatMoney } from "@/lib/money";
import { HealthBadge } from "./health-badge";
import { KIND_LABELS, STATUS_LABELS } from "./labels";

type Cell = (p: CompareRow) => React.ReactNode;

/** The chosen partners as columns, one figure per row, so differences read across. */
export function CompareTable({ partners, currency }: { partners: CompareRow[]; currency: string }) {
  const inputs = (p: CompareRow) => p.breakdown?.inputs;
  const rowsSpec: [string, Cell][] = [
    ["Health", (p) => <HealthBadge score={p.healthScore} />],
    ...HEALTH_COMPONENTS.map((key): [string, Cell] => [
      `${COMPONENT_LABELS[key]} (sub-score)`,
      (p) => p.breakdown?.breakdown.find((c) => c.key === key)?.subScore ?? "—",
    ]),
    ["Kind", (p) => KIND_LABELS[p.kind]],
    ["Status", (p) => STATUS_LABELS[p.status as keyof typeof STATUS_LABELS] ?? p.status],
    ["Tier", (p) => p.tierName ?? "—"],
    [
      "Last interaction",
      (p) =>
        inputs(p)
          ? inputs(p)!.daysSinceLastInteraction === null
            ? "Never"
            : `${inputs(p)!.daysSinceLastInteraction} days ago`
          : "—",
    ],
    ["Interactions, 90 days", (p) => inputs(p)?.interactions90d ?? "—"],
    ["Open deals", (p) => inputs(p)?.openDeals ?? "—"],
    [
      "Open pipeline",
      (p) => (inputs(p) ? formatMoney(inputs(p)!.openPipelineMinor, currency, { compact: true }) : "—"),
    ],
    [
      "Won, last 90 days",
      (p) => (inputs(p) ? formatMoney(inputs(p)!.revenueRecentMinor, currency, { compact: true }) : "—"),
    ],
    ["Won, 4 quarters", (p) => formatMoney(p.revenueMinor, currency, { compact: true })],
    [
      "Open issues",
      (p) =>
        inputs(p)
          ? inputs(p)!.pendingRegistrations + inputs(p)!.overdueTasks + inputs(p)!.pendingEscalations
          : "—",
    ],
    ["Owner", (p) => p.ownerName ?? "—"],
  ];
  return (
    <Table data-testid="compare-table">
      <TableHeader>
        <TableRow>
          <TableHead className="w-48">
            <span className="sr-only">Measure</span>
          </TableHead>
          {partners.map((p) => (
            <TableHead key={p.id} scope="col">
              <Link href={`/partners/${p.id}`} className="underline-offset-4 hover:underline">
                {p.name}
              </Link>
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rowsSpec.map(([label, cell]) => (
          <TableRow key={label}>
            <TableHead scope="row" className="font-medium text-muted-foreground">
              {label}
            </TableHead>
            {partners.map((p) => (
              <TableCell key={p.id} className="tabular-nums">
                {cell(p)}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
