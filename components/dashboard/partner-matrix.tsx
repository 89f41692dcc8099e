import { formatMoney } from "@/lib/money";
import Link from "next/link";
import { Handshake } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { PartnerPoint } from "@/lib/dashboard/queries";
import { PartnerScatter } from "./partner-scatter";
import { pipelineHref, Widget } from "./widget";

/** ISV partners by health score and revenue won this quarter, with the top earners listed beside the chart. */
export function PartnerMatrix({
  partners,
  currency,
  className,
}: {
  partners: PartnerPoint[];
  currency: string;
  className?: string;
}) {
  const top = [...partners]
    .filter((p) => p.wonMinor > 0)
    .sort((a, b) => b.wonMinor - a.wonMinor)
    .slice(0, 5);
  return (
    <Widget
      title="Partner matrix"
      description="ISV partners: revenue won this quarter against health score"
      href="/partners"
      hrefLabel="Partners"
      className={className}
    >
      {partners.length === 0 ? (
        <EmptyState
          icon={Handshake}
          title="No scored ISV partners"
          description="Partners appear here once they have a health score."
          className="min-h-40"
        />
      ) : (
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_14rem]">
          <PartnerScatter
            currency={currency}
            data={partners.map((p) => ({ ...p, href: pipelineHref({ partner: p.id }) }))}
          />
          <div>
            <h3 className="mb-1 text-sm font-medium">Top partners this quarter</h3>
            {top.length === 0 ? (
              <p className="text-sm text-muted-foreground">No ISV-sourced wins yet this quarter.</p>
            ) : (
              <ol className="grid gap-0.5">
                {top.map((p) => (
                  <li key={p.id}>
                    <Link
                      href={pipelineHref({ partner: p.id })}
                      className="flex items-baseline justify-between gap-2 rounded-md px-2 py-1 text-sm hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      <span className="truncate">{p.name}</span>
                      <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                        {formatMoney(p.wonMinor, currency, { compact: true })} · health {p.healthScore}
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </div>
        </div>
      )}
    </Widget>
  );
}
