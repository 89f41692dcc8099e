import { Badge } from "@/components/ui/badge";
import type { Amounts, Converted } from "@/lib/commissions/statement-math";
import type { CommissionStatus } from "@/lib/commissions/types";
import { formatMoney } from "@/lib/money";
import { cn } from "@/lib/utils";

const nonZero = (amounts: Amounts) =>
  Object.entries(amounts)
    .filter(([, minor]) => minor !== 0)
    .sort(([a], [b]) => a.localeCompare(b));

/** One line per currency; never a sum across currencies. */
export function AmountList({ amounts, className }: { amounts: Amounts; className?: string }) {
  const entries = nonZero(amounts);
  if (entries.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <span className={cn("grid justify-items-end gap-0.5 tabular-nums", className)}>
      {entries.map(([currency, minor]) => (
        <span key={currency}>{formatMoney(minor, currency)}</span>
      ))}
    </span>
  );
}

/** received − expected per currency, with words as well as colour: short, over or settled. */
export function DifferenceList({
  amounts,
  settledWhenEmpty = true,
}: {
  amounts: Amounts;
  settledWhenEmpty?: boolean;
}) {
  const entries = nonZero(amounts);
  if (entries.length === 0)
    return settledWhenEmpty ? (
      <span className="text-success">Settled</span>
    ) : (
      <span className="text-muted-foreground">—</span>
    );
  return (
    <span className="grid justify-items-end gap-0.5 tabular-nums">
      {entries.map(([currency, minor]) => (
        <span key={currency} className={cn("font-medium", minor < 0 ? "text-destructive" : "text-warning")}>
          {formatMoney(minor, currency)}{" "}
          <span className="text-xs font-normal">{minor < 0 ? "short" : "over"}</span>
        </span>
      ))}
    </span>
  );
}

/** The converted total, with the currencies that could not be converted named beside it, never added. */
export function ConvertedAmount({ converted, className }: { converted: Converted; className?: string }) {
  const missing = converted.rows.filter((r) => r.convertedMinor === null);
  return (
    <span className={cn("grid justify-items-end gap-0.5 tabular-nums", className)}>
      <span className="font-medium">
        {converted.rows.length === missing.length && missing.length > 0
          ? "—"
          : formatMoney(converted.totalMinor, converted.target)}
      </span>
      {missing.map((r) => (
        <span key={r.currency} className="text-xs text-warning">
          + {formatMoney(r.amountMinor, r.currency)} not convertible
        </span>
      ))}
    </span>
  );
}

/** Which rates a set of conversions used, in words: "EUR 1.08 (rate of 2026-11-01)". */
export function RateNote({ conversions, prefix }: { conversions: Converted[]; prefix: string }) {
  const used = new Map<string, string>();
  const missing = new Set<string>();
  for (const c of conversions) {
    for (const r of c.rows) {
      if (r.rateDate && r.rate) used.set(r.currency, `${r.currency} ${r.rate} (rate of ${r.rateDate})`);
      if (r.convertedMinor === null) missing.add(r.currency);
    }
  }
  const target = conversions[0]?.target ?? "USD";
  return (
    <p className="text-xs text-muted-foreground">
      {prefix} {used.size > 0 ? <>Rates used: {[...used.values()].join(", ")}.</> : null}{" "}
      {missing.size > 0 ? (
        <span className="text-warning">
          No {target} rate on or before that date for {[...missing].join(", ")}: those amounts are shown as
          not convertible and left out of the {target} totals. Finance can add the rate under Settings → FX
          rates.
        </span>
      ) : null}
    </p>
  );
}

const STATUS_VARIANT: Record<
  CommissionStatus,
  "secondary" | "warning" | "success" | "default" | "destructive"
> = {
  forecast: "secondary",
  earned: "warning",
  approved: "success",
  paid: "default",
  clawed_back: "destructive",
};

export function LineStatus({ status, kind }: { status: CommissionStatus; kind: string }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={STATUS_VARIANT[status]}>{status.replace("_", " ")}</Badge>
      {kind === "clawback" ? <Badge variant="destructive">clawback</Badge> : null}
    </span>
  );
}
