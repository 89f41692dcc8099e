import type { TraceStep } from "@/lib/commissions/types";

/** The rule trace: every rule the engine applied, with its numbers, in order. */
export function TraceList({ trace }: { trace: readonly TraceStep[] }) {
  if (trace.length === 0) return <p className="text-sm text-muted-foreground">No rule trace recorded.</p>;
  return (
    <ol className="grid gap-1.5 text-sm" data-testid="commission-trace">
      {trace.map((step, i) => (
        <li key={`${step.rule}-${i}`} className="rounded-md border bg-muted/30 px-3 py-2">
          <span className="font-mono text-xs text-muted-foreground">{step.rule}</span>
          <span className="block">{step.detail}</span>
        </li>
      ))}
    </ol>
  );
}
