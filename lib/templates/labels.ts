import { TEMPLATE_CATEGORIES } from "./schema";

export const CATEGORY_LABELS: Record<string, string> = Object.fromEntries(TEMPLATE_CATEGORIES.map((c) => [c.key, c.label]));

export const PHASE_LABELS: Record<string, string> = {
  recruit: "Recruit",
  onboard: "Onboard",
  enable: "Enable",
  sell: "Sell",
  grow: "Grow",
  review: "Review",
  exit: "Exit",
};

export const SKILL_LABELS: Record<string, string> = { beginner: "Beginner", intermediate: "Intermediate", advanced: "Advanced" };

export const PARTNER_TYPE_LABELS: Record<string, string> = {
  isv: "ISV",
  si: "System integrator",
  reseller: "Reseller",
  referral: "Referral",
  marketplace: "Marketplace",
  technology: "Technology",
  education: "Education",
};

export const TIER_LABELS: Record<string, string> = { starter: "Starter", active: "Growth", performer: "Performer", elite: "Elite" };

export const PRIORITY_LABELS: Record<string, string> = { high: "High priority", medium: "Medium priority", low: "Low priority" };
