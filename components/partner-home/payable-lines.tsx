import { TraceList } from "@/components/commissions/trace-list";
import { Badge } from "@/components/ui/badge";
import type { TraceStep } from "@/lib/commissions/types";
import { formatMoney } from "@/lib/money";

export interface PayableLine {
  id: string;
  label: string;
  dealName: string;
  amountMinor: number;
  currency: string;
  dueDate: string;
  status: string;
  trace: TraceStep[];
  /** Paid by a simulated payout: no money moved. */
  simulated?: boolean;
}

const STATUS = {
  forecast: "secondary",
  earned: "warning",
  approved: "default",
  paid: "success",
  clawed_back: "destructive",
} as const;

/** Each payable line with the rule trace that explains its amount, folded. */
export function PayableLines({ lines }: { lines: readonly PayableLine[] }) {
  if (lines.length === 0) return <p className="text-sm text-muted-foreground">No commission lines yet.</p>;
  return (
    <ul className="grid gap-2" data-testid="payable-lines">
      {lines.map((l) => (
        <li key={l.id} className="rounded-md border">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
              <span>
                <span className="font-medium">{l.dealName}</span>{" "}
                <span className="text-muted-foreground">
                  · {l.label} · due {l.dueDate}
                </span>
              </span>
              <span className="flex items-center gap-2">
                <Badge
                  variant={STATUS[l.status as keyof typeof STATUS] ?? "secondary"}
                  className="capitalize"
                >
                  {l.simulated && l.status === "paid" ? "paid (simulated)" : l.status.replace("_", " ")}
                </Badge>
                <span className="tabular-nums">{formatMoney(l.amountMinor, l.currency)}</span>
              </span>
            </summary>
            <div className="border-t p-3">
              <TraceList trace={l.trace} currency={l.currency} downloadName={`commission-trace-${l.id}.json`} />
            </div>
          </details>
        </li>
      ))}
    </ul>
  );
}
