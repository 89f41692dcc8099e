import { formatMoney } from "@/lib/money";
import { QuarterTrendChart, type QuarterBar } from "./quarter-trend-chart";
import { percent, Widget } from "./widget";

/** The last four full quarters: won against that quarter's target. */
export function QuarterTrend({ quarters, currency }: { quarters: QuarterBar[]; currency: string }) {
  const summary = quarters
    .map(
      (q) =>
        `${q.label}: ${formatMoney(q.wonMinor, currency)} won of ${formatMoney(q.targetMinor, currency)}`,
    )
    .join("; ");
  return (
    <Widget headingAs="h3" title="Last four quarters" description="Won against each quarter's company target">
      <figure className="grid gap-3">
        <QuarterTrendChart data={quarters} currency={currency} />
        <figcaption className="sr-only">{summary}</figcaption>
      </figure>
      <ul className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4" aria-label="Share of target per quarter">
        {quarters.map((q) => (
          <li key={q.label} className="rounded-lg border px-3 py-2">
            <span className="block text-xs text-muted-foreground">{q.label}</span>
            <span className="block font-semibold tabular-nums">
              {percent(q.targetMinor > 0 ? q.wonMinor / q.targetMinor : null)}
            </span>
            <span className="block text-xs text-muted-foreground tabular-nums">
              {formatMoney(q.wonMinor, currency, { compact: true })} of{" "}
              {formatMoney(q.targetMinor, currency, { compact: true })}
            </span>
          </li>
        ))}
      </ul>
    </Widget>
  );
}
