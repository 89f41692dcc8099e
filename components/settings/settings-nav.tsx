import Link from "next/link";
import { cn } from "@/lib/utils";

const ITEMS = [
  { href: "/settings", label: "Account & team", vpOnly: false },
  { href: "/settings/pipeline", label: "Pipeline", vpOnly: true },
  { href: "/settings/goals", label: "Goals", vpOnly: true },
];

export function SettingsNav({ current, isVp }: { current: string; isVp: boolean }) {
  const items = ITEMS.filter((i) => isVp || !i.vpOnly);
  if (items.length < 2) return null;
  return (
    <nav aria-label="Settings sections" className="flex gap-1 border-b">
      {items.map((item) => (
        <Link
          key={item.href}
          href={item.href}
          aria-current={current === item.href ? "page" : undefined}
          className={cn(
            "-mb-px border-b-2 px-3 py-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
            current === item.href ? "border-primary text-foreground" : "border-transparent",
          )}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}
