import Link from "next/link";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { ROLE_LABELS } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import { listNotificationsForUser } from "@/lib/notifications/queries";
import { listOwnFeatureKeys } from "@/lib/tiers/own-features";
import { navFor } from "./nav-config";
import { BrandMark } from "./brand-mark";
import { MobileNav } from "./mobile-nav";
import { NavLinks } from "./nav-links";
import { UserMenu } from "./user-menu";

export async function AppShell({ user, children }: { user: CurrentUser; children: React.ReactNode }) {
  const portal = user.role === "partner";
  const items = navFor(user.role, portal ? await listOwnFeatureKeys(user) : []);
  const faceTitle = portal ? (user.partnerName ?? "Partner portal") : "Team workspace";
  const notifications = await listNotificationsForUser(user);
  return (
    <div className="flex min-h-dvh">
      <a href="#main" className="sr-only z-50 rounded-md bg-background px-3 py-2 focus:not-sr-only focus:fixed focus:left-3 focus:top-3">
        Skip to content
      </a>
      <aside className="hidden w-64 shrink-0 flex-col border-r border-sidebar-border bg-sidebar lg:flex">
        <div className="flex h-16 items-center gap-2 px-5">
          <Link href={portal ? "/portal" : "/dashboard"} className="flex items-center gap-2 rounded-md font-semibold tracking-tight">
            <BrandMark />
            <span>PartnerOS</span>
          </Link>
        </div>
        <p className="px-5 pb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">{faceTitle}</p>
        <nav aria-label="Main" className="flex-1 px-3">
          <NavLinks items={items} />
        </nav>
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="sticky top-0 z-30 flex h-16 items-center gap-2 border-b bg-background/95 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/80 md:px-6">
          <MobileNav items={items} title={faceTitle} />
          <span className="font-semibold lg:hidden">PartnerOS</span>
          <div className="ml-auto flex items-center gap-1">
            <NotificationBell initial={notifications} />
            <ThemeToggle />
            <UserMenu name={user.displayName} email={user.email} roleLabel={ROLE_LABELS[user.role]} accountHref={portal ? "/portal/profile" : "/settings"} />
          </div>
        </header>
        <main id="main" className="flex-1 px-4 py-6 md:px-8">
          {children}
        </main>
      </div>
    </div>
  );
}
