import Link from "next/link";
import type { CommissionParams, CommissionTab } from "@/lib/commissions/statement-periods";
import { cn } from "@/lib/utils";

const TABS: { tab: CommissionTab; label: string }[] = [
  { tab: "statements", label: "Statements" },
  { tab: "forecast", label: "Forecast" },
  { tab: "receipts", label: "Receipts" },
  { tab: "overrides", label: "Overrides" },
];

/** Tabs as links, so each view has its own URL and keeps the chosen partner, period and direction. */
export function CommissionTabs({ params }: { params: CommissionParams }) {
  const hrefOf = (tab: CommissionTab) => {
    const search = new URLSearchParams({ tab });
    if (params.partner) search.set("partner", params.partner);
    search.set("period", params.period.key);
    if (params.direction) search.set("direction", params.direction);
    return `/reports/commissions?${search.toString()}`;
  };
  return (
    <nav aria-label="Commission reports" className="relative flex gap-1 overflow-x-auto border-b">
      {TABS.map(({ tab, label }) => (
        <Link
          key={tab}
          href={hrefOf(tab)}
          scroll={false}
          aria-current={params.tab === tab ? "page" : undefined}
          className={cn(
            "-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            params.tab === tab ? "border-primary text-foreground" : "border-transparent",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
