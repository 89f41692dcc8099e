import Link from "next/link";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "/settings", label: "Account & team", access: "all" },
  { href: "/settings/company", label: "Company profile", access: "all" },
  { href: "/settings/pipeline", label: "Pipeline", access: "vp" },
  { href: "/settings/goals", label: "Goals", access: "vp" },
  { href: "/settings/tiers", label: "Tiers", access: "vp" },
  { href: "/settings/fx", label: "FX rates", access: "finance" },
  { href: "/settings/program", label: "Partner program", access: "vp" },
  { href: "/settings/landing-pages", label: "Landing pages", access: "partnerships" },
  { href: "/settings/alerts", label: "Alerts", access: "all" },
  { href: "/settings/tasks", label: "Task checklists", access: "vp" },
  { href: "/settings/health", label: "Partner health", access: "vp" },
] as const;

export function SettingsNav({
  current,
  isVp,
  isFinance = false,
  isPartnershipManager = false,
}: {
  current: string;
  isVp: boolean;
  isFinance?: boolean;
  isPartnershipManager?: boolean;
}) {
  const items = ITEMS.filter(
    (i) =>
      i.access === "all" ||
      isVp ||
      (i.access === "finance" && isFinance) ||
      (i.access === "partnerships" && isPartnershipManager),
  );
  if (items.length < 2) return null;
  return (
    // Wraps rather than overflowing at tablet widths, where every section is listed for the VP.
    <nav aria-label="Settings sections" className="flex flex-wrap gap-x-1 border-b">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={current === item.href ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm whitespace-nowrap font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            current === item.href ? "border-primary text-foreground" : "border-transparent",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
