import { formatMoney } from "@/lib/money";
import { pipelineHref, percent, Widget } from "./widget";

/** Open pipeline weighted by stage probability, with overdue deals decayed. */
export function WeightedPipeline({
  currency,
  totalMinor,
  openMinor,
  openCount,
  today,
}: {
  currency: string;
  totalMinor: number;
  openMinor: number;
  openCount: number;
  today: string;
}) {
  return (
    <Widget
      title="Weighted pipeline"
      description="Open value × stage probability, overdue deals decayed"
      href={pipelineHref({ sort: "value", dir: "desc" })}
      hrefLabel="Open deals"
    >
      <p className="text-2xl font-semibold tabular-nums" data-testid="dashboard-weighted">
        {formatMoney(totalMinor, currency)}
      </p>
      <p className="mt-1 text-sm text-muted-foreground">
        of {formatMoney(openMinor, currency)} open across {openCount} {openCount === 1 ? "deal" : "deals"}
        {openMinor > 0 ? ` (${percent(totalMinor / openMinor)})` : ""}
      </p>
      <p className="mt-3 text-xs text-muted-foreground">
        A deal past its expected close date keeps 10 points less of its weight per week overdue, never under
        20%. As of {today}.
      </p>
    </Widget>
  );
}
