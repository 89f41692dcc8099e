import Link from "next/link";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { WinLossRow } from "@/lib/dashboard/conversion";
import type { WinLoss } from "@/lib/dashboard/queries";
import { cn } from "@/lib/utils";
import { percent, pipelineHref, Widget } from "./widget";

function RateTable({
  label,
  rows,
  hrefOf,
  footer,
}: {
  label: string;
  rows: WinLossRow[];
  hrefOf?: (row: WinLossRow) => string;
  footer?: WinLossRow | null;
}) {
  const line = (r: WinLossRow, muted = false) => (
    <TableRow key={r.key} className={cn(muted && "text-muted-foreground")}>
      <TableCell className="max-w-52 truncate font-medium">
        {hrefOf && !muted ? (
          <Link href={hrefOf(r)} className="text-primary underline-offset-4 hover:underline">
            {r.label}
          </Link>
        ) : (
          r.label
        )}
      </TableCell>
      <TableCell className="text-right tabular-nums">{r.won}</TableCell>
      <TableCell className="text-right tabular-nums">{r.lost}</TableCell>
      <TableCell className="text-right font-semibold tabular-nums">{percent(r.winRate)}</TableCell>
    </TableRow>
  );
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>{label}</TableHead>
          <TableHead className="text-right">Won</TableHead>
          <TableHead className="text-right">Lost</TableHead>
          <TableHead className="text-right">Win rate</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={4} className="text-muted-foreground">
              No closed deals.
            </TableCell>
          </TableRow>
        ) : (
          rows.map((r) => line(r))
        )}
        {footer ? line(footer, true) : null}
      </TableBody>
    </Table>
  );
}

function LossReasons({ rows, lost }: { rows: WinLossRow[]; lost: number }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Loss reason</TableHead>
          <TableHead className="text-right">Lost</TableHead>
          <TableHead className="text-right">Share of losses</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((r) => (
          <TableRow key={r.key}>
            <TableCell className="max-w-52 truncate font-medium">{r.label}</TableCell>
            <TableCell className="text-right tabular-nums">{r.lost}</TableCell>
            <TableCell className="text-right tabular-nums">
              {percent(lost > 0 ? r.lost / lost : null)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

/** Win/loss over the last four full quarters by reason, referring partner, owner and deal size. */
export function WinLossTables({ data }: { data: WinLoss }) {
  const total = data.won + data.lost;
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <Widget
        headingAs="h3"
        title="Loss reasons"
        description={`${data.lost} deals lost in ${data.window.label}`}
      >
        {data.lost === 0 ? (
          <p className="text-sm text-muted-foreground">No lost deals in this period.</p>
        ) : (
          <LossReasons rows={data.lossReasons} lost={data.lost} />
        )}
      </Widget>
      <Widget
        headingAs="h3"
        title="By deal size"
        description={`${data.currency} deals only; ${percent(total > 0 ? data.won / total : null)} overall win rate across ${total} closed deals`}
      >
        <RateTable label="Deal size" rows={data.sizes} />
      </Widget>
      <Widget
        headingAs="h3"
        title="By referring partner"
        description="Top 8 partners by closed deals, with direct deals for comparison"
      >
        <RateTable
          label="Partner"
          rows={data.partners}
          hrefOf={(r) => pipelineHref({ partner: r.key })}
          footer={data.direct}
        />
      </Widget>
      <Widget headingAs="h3" title="By owner" description="Every owner with a closed deal in the period">
        <RateTable label="Owner" rows={data.owners} hrefOf={(r) => pipelineHref({ owner: r.key })} />
      </Widget>
    </div>
  );
}
