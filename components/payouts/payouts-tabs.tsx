import Link from "next/link";
import { cn } from "@/lib/utils";

export type PayoutsTab = "queue" | "rejected" | "batches" | "blocked";

const TABS: { tab: PayoutsTab; label: string }[] = [
  { tab: "queue", label: "Approval queue" },
  { tab: "rejected", label: "Rejected" },
  { tab: "batches", label: "Batches" },
  { tab: "blocked", label: "Blocked partners" },
];

export function parsePayoutsTab(value: string | string[] | undefined): PayoutsTab {
  return TABS.some((t) => t.tab === value) ? (value as PayoutsTab) : "queue";
}

/** Tabs as links, so each view has its own URL. */
export function PayoutsTabs({ current }: { current: PayoutsTab }) {
  return (
    <nav aria-label="Payouts" className="relative flex gap-1 overflow-x-auto border-b">
      {TABS.map(({ tab, label }) => (
        <Link
          key={tab}
          href={tab === "queue" ? "/payouts" : `/payouts?tab=${tab}`}
          scroll={false}
          aria-current={current === tab ? "page" : undefined}
          className={cn(
            "-mb-px shrink-0 border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            current === tab ? "border-primary text-foreground" : "border-transparent",
          )}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
