import type { AppRole } from "@/lib/domain/enums";

export type NavIcon =
  | "dashboard"
  | "pipeline"
  | "partners"
  | "team"
  | "status"
  | "tasks"
  | "alerts"
  | "payouts"
  | "templates"
  | "reports"
  | "settings"
  | "home"
  | "links"
  | "referrals"
  | "earnings"
  | "profile"
  | "training";

export interface NavItem {
  href: string;
  label: string;
  icon: NavIcon;
  roles: readonly AppRole[];
  /** A tier feature (tier_features key) the partner must hold for the item to show. */
  feature?: string;
}

const STAFF = ["vp", "sales_manager", "partnership_manager", "finance"] as const;

export const WORKSPACE_NAV: readonly NavItem[] = [
  { href: "/dashboard", label: "Dashboard", icon: "dashboard", roles: STAFF },
  { href: "/pipeline", label: "Pipeline", icon: "pipeline", roles: STAFF },
  { href: "/partners", label: "Partners", icon: "partners", roles: STAFF },
  { href: "/status", label: "Weekly status", icon: "status", roles: STAFF },
  { href: "/tasks", label: "Tasks", icon: "tasks", roles: STAFF },
  { href: "/alerts", label: "Alerts", icon: "alerts", roles: STAFF },
  { href: "/team", label: "Team", icon: "team", roles: STAFF },
  { href: "/payouts", label: "Payouts", icon: "payouts", roles: ["vp", "finance"] },
  { href: "/templates", label: "Templates", icon: "templates", roles: STAFF },
  { href: "/reports", label: "Reports", icon: "reports", roles: STAFF },
  { href: "/settings", label: "Settings", icon: "settings", roles: STAFF },
];

export const PORTAL_NAV: readonly NavItem[] = [
  { href: "/portal", label: "Home", icon: "home", roles: ["partner"] },
  { href: "/portal/links", label: "Links", icon: "links", roles: ["partner"] },
  { href: "/portal/referrals", label: "Referrals & deals", icon: "referrals", roles: ["partner"] },
  { href: "/portal/earnings", label: "Earnings", icon: "earnings", roles: ["partner"] },
  { href: "/portal/training", label: "Training", icon: "training", roles: ["partner"], feature: "training.core" },
  { href: "/portal/profile", label: "Profile", icon: "profile", roles: ["partner"] },
];

/** The items a role sees; a partner's items that need a tier feature show only when its tier holds it. */
export function navFor(role: AppRole, features: readonly string[] = []): readonly NavItem[] {
  const items = role === "partner" ? PORTAL_NAV : WORKSPACE_NAV;
  return items.filter((item) => item.roles.includes(role) && (!item.feature || features.includes(item.feature)));
}
