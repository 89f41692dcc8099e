import Link from "next/link";
import { Layers } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { StagePipeline as StageRow } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";
import { StageBarChart } from "./stage-bar-chart";
import { pipelineHref, Widget } from "./widget";

/** Open pipeline per stage: a bar chart, and one link per stage with its count, total and weighted total. */
export function StagePipeline({
  stages,
  currency,
  className,
}: {
  stages: StageRow[];
  currency: string;
  className?: string;
}) {
  const empty = stages.every((s) => s.count === 0);
  const summary = stages
    .map(
      (s) =>
        `${s.name}: ${s.count} deals, ${formatMoney(s.totalMinor, currency)} open, ${formatMoney(s.weightedMinor, currency)} weighted`,
    )
    .join("; ");
  return (
    <Widget
      title="Pipeline by stage"
      description="Open deals, their value and their weighted value"
      href={pipelineHref()}
      hrefLabel="All deals"
      className={className}
    >
      {empty ? (
        <EmptyState
          icon={Layers}
          title="No open deals"
          description="Deals show up here as soon as someone adds one to the pipeline."
          className="min-h-40"
        />
      ) : (
        <figure className="grid gap-4">
          <StageBarChart
            currency={currency}
            data={stages.map((s) => ({
              name: s.name,
              totalMinor: s.totalMinor,
              weightedMinor: s.weightedMinor,
              href: pipelineHref({ stage: s.id }),
            }))}
          />
          <figcaption className="sr-only">{summary}</figcaption>
        </figure>
      )}
      <ul className="mt-4 grid grid-cols-[repeat(auto-fit,minmax(8.5rem,1fr))] gap-2">
        {stages.map((s) => (
          <li key={s.id}>
            <Link
              href={pipelineHref({ stage: s.id })}
              className="block h-full rounded-lg border p-3 transition-colors hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring"
            >
              <span className="flex items-baseline justify-between gap-2">
                <span className="truncate text-sm font-medium">{s.name}</span>
                <span className="text-xs text-muted-foreground">{s.probability}%</span>
              </span>
              <span className="mt-1 block text-xl font-semibold tabular-nums">
                <span data-testid={`dashboard-stage-${s.key}`}>{s.count}</span>
                <span className="sr-only"> {s.count === 1 ? "deal" : "deals"}</span>
              </span>
              <span className="block text-xs text-muted-foreground tabular-nums">
                {formatMoney(s.totalMinor, currency, { compact: true })} ·{" "}
                {formatMoney(s.weightedMinor, currency, { compact: true })} weighted
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Widget>
  );
}
