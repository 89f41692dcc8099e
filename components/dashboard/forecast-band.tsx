import { formatMoney } from "@/lib/money";

/** Where the quarter is likely to land: already won, the P10–P90 band of the simulation, its median and the target. */
export function ForecastBand({
  currency,
  wonMinor,
  p10Minor,
  p50Minor,
  p90Minor,
  targetMinor,
}: {
  currency: string;
  wonMinor: number;
  p10Minor: number;
  p50Minor: number;
  p90Minor: number;
  targetMinor: number;
}) {
  const max = Math.max(p90Minor, targetMinor, 1) * 1.08;
  const at = (v: number) => `${(Math.min(v, max) / max) * 100}%`;
  const label = `Simulated quarter: 80% of outcomes between ${formatMoney(p10Minor, currency)} and ${formatMoney(p90Minor, currency)}, median ${formatMoney(p50Minor, currency)}; already won ${formatMoney(wonMinor, currency)}; target ${formatMoney(targetMinor, currency)}.`;
  return (
    <figure className="grid gap-2">
      <div role="img" aria-label={label} className="relative pt-6 pb-1">
        <span
          className="absolute top-0 -translate-x-1/2 text-xs whitespace-nowrap text-muted-foreground"
          style={{ left: at(targetMinor) }}
        >
          Target {formatMoney(targetMinor, currency, { compact: true })}
        </span>
        <div className="relative h-8 overflow-hidden rounded-md bg-muted">
          <div className="absolute inset-y-0 left-0 bg-primary/25" style={{ width: at(wonMinor) }} />
          <div
            className="absolute inset-y-1.5 rounded-sm bg-primary/45"
            style={{ left: at(p10Minor), width: `calc(${at(p90Minor)} - ${at(p10Minor)})` }}
          />
          <div
            className="absolute inset-y-0 w-1 -translate-x-1/2 bg-primary"
            style={{ left: at(p50Minor) }}
          />
        </div>
        <div
          className="absolute top-4 bottom-0 border-l-2 border-dashed border-foreground/70"
          style={{ left: at(targetMinor) }}
        />
      </div>
      <figcaption className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-hidden>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-primary/25" /> Won so far
        </span>
        <span className="flex items-center gap-1.5">
          <span className="size-2.5 rounded-sm bg-primary/45" /> P10–P90 (
          {formatMoney(p10Minor, currency, { compact: true })}–
          {formatMoney(p90Minor, currency, { compact: true })})
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-2.5 w-1 bg-primary" /> Median{" "}
          {formatMoney(p50Minor, currency, { compact: true })}
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-2.5 border-l-2 border-dashed border-foreground/70" /> Target
        </span>
      </figcaption>
    </figure>
  );
}
