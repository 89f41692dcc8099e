"use client";

import {
  BarChart3,
  Bell,
  ClipboardList,
  ListChecks,
  Coins,
  FileText,
  GraduationCap,
  Handshake,
  Home,
  Kanban,
  LayoutDashboard,
  Link2,
  Send,
  Settings,
  UserRound,
  Users,
  Wallet,
  type LucideIcon,
} from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import type { NavIcon, NavItem } from "./nav-config";

const ICONS: Record<NavIcon, LucideIcon> = {
  dashboard: LayoutDashboard,
  pipeline: Kanban,
  partners: Handshake,
  team: Users,
  status: ClipboardList,
  tasks: ListChecks,
  alerts: Bell,
  payouts: Wallet,
  templates: FileText,
  reports: BarChart3,
  settings: Settings,
  home: Home,
  links: Link2,
  referrals: Send,
  earnings: Coins,
  profile: UserRound,
  training: GraduationCap,
};

function isActive(pathname: string, href: string): boolean {
  if (href === "/portal") return pathname === "/portal";
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function NavLinks({ items, onNavigate }: { items: readonly NavItem[]; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="grid gap-1">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = isActive(pathname, item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-sidebar-foreground/80 outline-none transition-colors hover:bg-sidebar-accent hover:text-sidebar-foreground focus-visible:ring-2 focus-visible:ring-ring",
                active && "bg-sidebar-accent text-sidebar-foreground",
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
