import { Badge } from "@/components/ui/badge";
import type { OpportunityCommission } from "@/lib/commissions/queries";
import type { TraceStep } from "@/lib/commissions/types";
import { formatMoney } from "@/lib/money";
import { TraceList } from "./trace-list";

const DIRECTION = { receivable: "ISV pays us", payable: "We pay the partner" } as const;

/** A deal's commission lines, grouped by direction, each group with the trace that explains it. */
export function OpportunityCommissions({ lines }: { lines: OpportunityCommission[] }) {
  if (lines.length === 0) {
    return <p className="text-sm text-muted-foreground">No commission applies: the deal has no ISV or referring partner with an active agreement you can see.</p>;
  }
  const groups = new Map<string, OpportunityCommission[]>();
  for (const line of lines) groups.set(`${line.direction}:${line.partnerName}`, [...(groups.get(`${line.direction}:${line.partnerName}`) ?? []), line]);
  return (
    <div className="grid gap-4" data-testid="opportunity-commissions">
      {[...groups.values()].map((group) => {
        const first = group[0]!;
        const total = group.reduce((sum, l) => sum + l.amountMinor, 0);
        return (
          <details key={`${first.direction}-${first.partnerName}`} className="rounded-lg border p-3">
            <summary className="flex cursor-pointer flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{DIRECTION[first.direction]}</span>
              <span className="text-muted-foreground">{first.partnerName}</span>
              <span className="ml-auto font-semibold tabular-nums">{formatMoney(total, first.currency)}</span>
              <Badge variant={first.status === "earned" || first.status === "approved" ? "success" : "secondary"}>{first.status}</Badge>
            </summary>
            <p className="mt-2 text-xs text-muted-foreground">
              {group.length} {group.length === 1 ? "line" : "lines"}, first due {first.dueDate} · effective rate {first.effectiveRate ? `${Number(first.effectiveRate)}%` : "—"}
            </p>
            <div className="mt-2">
              <TraceList trace={first.trace as TraceStep[]} />
            </div>
          </details>
        );
      })}
    </div>
  );
}
