import type { AppRole } from "@/lib/domain/enums";

export const ROLES = ["vp", "sales_manager", "partnership_manager", "finance", "partner"] as const satisfies readonly AppRole[];
export const STAFF_ROLES = ["vp", "sales_manager", "partnership_manager", "finance"] as const satisfies readonly AppRole[];

export const ROLE_LABELS: Record<AppRole, string> = {
  vp: "VP Strategic Partnerships",
  sales_manager: "Sales manager",
  partnership_manager: "Partnership manager",
  finance: "Finance",
  partner: "Partner",
};

/** Where each role lands after signing in. */
export const ROLE_HOME: Record<AppRole, string> = {
  vp: "/dashboard",
  sales_manager: "/pipeline",
  partnership_manager: "/partners",
  finance: "/payouts",
  partner: "/portal",
};

export function isStaffRole(role: AppRole): boolean {
  return role !== "partner";
}
