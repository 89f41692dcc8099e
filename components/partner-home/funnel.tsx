import type { FunnelStep } from "@/lib/partner-home/earnings";

export function Funnel({ steps }: { steps: readonly FunnelStep[] }) {
  return (
    <ol className="grid gap-2 sm:grid-cols-4" data-testid="partner-funnel">
      {steps.map((s) => (
        <li key={s.key} className="rounded-lg border p-3" data-testid={`funnel-${s.key}`}>
          <p className="text-sm text-muted-foreground">{s.label}</p>
          <p className="text-2xl font-semibold tabular-nums" data-testid="funnel-count">{s.count}</p>
          <p className="text-xs text-muted-foreground">
            {s.rate === null ? "\u00a0" : `${Math.round(s.rate * 100)}% of the step before`}
          </p>
        </li>
      ))}
    </ol>
  );
}
