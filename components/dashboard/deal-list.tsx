import Link from "next/link";
import type { LucideIcon } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { DealItem } from "@/lib/dashboard/queries";
import { formatMoney } from "@/lib/money";
import { pipelineHref, Widget } from "./widget";

/** A short list of deals needing attention; each row opens the pipeline list narrowed to that deal. */
export function DealList({
  title,
  description,
  deals,
  href,
  hrefLabel,
  detail,
  empty,
}: {
  title: string;
  description: string;
  deals: DealItem[];
  href: string;
  hrefLabel: string;
  detail: (deal: DealItem) => string;
  empty: { icon: LucideIcon; title: string; description: string };
}) {
  const total = deals[0]?.total ?? 0;
  return (
    <Widget title={title} description={description} href={href} hrefLabel={hrefLabel}>
      {deals.length === 0 ? (
        <EmptyState
          icon={empty.icon}
          title={empty.title}
          description={empty.description}
          titleAs="h3"
          className="min-h-32 py-6"
        />
      ) : (
        <>
          <ul className="divide-y">
            {deals.map((d) => (
              <li key={d.id}>
                <Link
                  href={pipelineHref({ q: d.customerName, stage: d.stageId, opportunity: d.id })}
                  className="flex items-center justify-between gap-3 rounded-md px-2 py-2 transition-colors hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring"
                >
                  <span className="min-w-0">
                    <span className="block truncate text-sm font-medium">{d.customerName}</span>
                    <span className="block truncate text-xs text-muted-foreground">
                      {d.stageName} · {d.ownerName}
                    </span>
                  </span>
                  <span className="shrink-0 text-right">
                    <span className="block text-sm font-semibold tabular-nums">
                      {formatMoney(d.valueMinor, d.currency)}
                    </span>
                    <span className="block text-xs text-muted-foreground">{detail(d)}</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
          {total > deals.length ? (
            <p className="mt-2 px-2 text-xs text-muted-foreground">
              Showing {deals.length} of {total}.
            </p>
          ) : null}
        </>
      )}
    </Widget>
  );
}
