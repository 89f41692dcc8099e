import Link from "next/link";
import { ArrowRight } from "lucide-react";
import type { StageConversion } from "@/lib/dashboard/conversion";
import { Meter, percent, pipelineHref, Widget } from "./widget";

/** Stage-to-stage conversion over the last four full quarters; each row opens the from-stage in the pipeline list. */
export function ConversionRates({
  conversions,
  windowLabel,
  className,
}: {
  conversions: StageConversion[];
  windowLabel: string;
  className?: string;
}) {
  const none = conversions.every((c) => c.entered === 0);
  return (
    <Widget
      title="Stage conversion"
      description={`Deals that entered each stage in ${windowLabel}`}
      className={className}
    >
      {none ? (
        <p className="text-sm text-muted-foreground">No stage history in the last four quarters yet.</p>
      ) : (
        <ul className="grid gap-1">
          {conversions.map((c) => (
            <li key={c.from.id}>
              <Link
                href={pipelineHref({ stage: c.from.id })}
                className="grid gap-1.5 rounded-md px-2 py-1.5 transition-colors hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="flex items-center justify-between gap-2 text-sm">
                  <span className="flex min-w-0 items-center gap-1">
                    <span className="truncate">{c.from.name}</span>
                    <ArrowRight aria-label="to" className="size-3.5 shrink-0 text-muted-foreground" />
                    <span className="truncate">{c.to.name}</span>
                  </span>
                  <span className="font-semibold tabular-nums">{percent(c.rate)}</span>
                </span>
                <Meter value={c.rate ?? 0} />
                <span className="text-xs text-muted-foreground tabular-nums">
                  {c.advanced} of {c.entered} {c.entered === 1 ? "deal" : "deals"}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <p className="mt-3 text-xs text-muted-foreground">
        Skipping ahead counts as progress; a lost deal does not.
      </p>
    </Widget>
  );
}
