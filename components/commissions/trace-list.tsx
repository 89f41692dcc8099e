import { explainTrace } from "@/lib/commissions/explain";
import type { TraceStep } from "@/lib/commissions/types";

/**
 * How a commission was calculated: every rule the engine applied, in order, as a sentence with its
 * amounts. The machine trace (rule keys, minor units) stays downloadable as JSON for finance and audit.
 */
export function TraceList({
  trace,
  currency,
  baseRateName,
  downloadName = "commission-trace.json",
}: {
  trace: readonly TraceStep[];
  /** The schedule's (agreement) currency. */
  currency: string;
  baseRateName?: string;
  downloadName?: string;
}) {
  if (trace.length === 0) return <p className="text-sm text-muted-foreground">No calculation recorded for this commission.</p>;
  const sentences = explainTrace(trace, { currency, baseRateName });
  const json = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(trace, null, 2))}`;
  return (
    <div className="grid gap-2">
      <ol className="grid gap-1.5 text-sm" data-testid="commission-trace">
        {sentences.map((text, i) => (
          <li key={`${trace[i]!.rule}-${i}`} className="rounded-md border bg-muted/30 px-3 py-2" data-rule={trace[i]!.rule}>
            {text}
          </li>
        ))}
      </ol>
      <a
        href={json}
        download={downloadName}
        className="justify-self-start text-xs text-muted-foreground underline underline-offset-2 hover:text-foreground focus-visible:outline-2"
      >
        Download the calculation as JSON
      </a>
    </div>
  );
}
