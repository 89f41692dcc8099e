import Link from "next/link";
import { DOMAIN_LABELS } from "@/components/partners/labels";
import type { DomainGoal } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";
import { Meter, percent, pipelineHref, Widget } from "./widget";

/** Won this quarter per domain against each domain's goal; a row opens that domain in the pipeline list. */
export function DomainGoals({
  domains,
  currency,
  elapsedShare,
  className,
}: {
  domains: DomainGoal[];
  currency: string;
  elapsedShare: number;
  className?: string;
}) {
  return (
    <Widget
      title="Domain goals"
      description="Won this quarter against each domain's goal"
      className={className}
    >
      <ul className="grid gap-1">
        {domains.map((d) => {
          const share = d.goalMinor ? d.wonMinor / d.goalMinor : null;
          const label = DOMAIN_LABELS[d.domain];
          return (
            <li key={d.domain}>
              <Link
                href={pipelineHref({ domain: d.domain })}
                className="grid gap-1.5 rounded-md px-2 py-1.5 transition-colors hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring"
              >
                <span className="flex items-baseline justify-between gap-2 text-sm">
                  <span className="font-medium">{label}</span>
                  <span className="text-xs text-muted-foreground tabular-nums">
                    {formatMoney(d.wonMinor, currency, { compact: true })}
                    {d.goalMinor !== null
                      ? ` of ${formatMoney(d.goalMinor, currency, { compact: true })}`
                      : " · no goal"}
                    {share !== null ? (
                      <span className="ml-2 font-semibold text-foreground">{percent(share)}</span>
                    ) : null}
                  </span>
                </span>
                <Meter
                  value={share ?? 0}
                  marker={d.goalMinor !== null ? elapsedShare : undefined}
                  tone={share === null ? "primary" : share >= elapsedShare ? "success" : "primary"}
                  label={
                    d.goalMinor !== null
                      ? `${label}: ${formatMoney(d.wonMinor, currency)} of ${formatMoney(d.goalMinor, currency)}`
                      : undefined
                  }
                />
              </Link>
            </li>
          );
        })}
      </ul>
    </Widget>
  );
}
