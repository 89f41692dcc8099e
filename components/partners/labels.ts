import type { PartnerDomain } from "@/lib/db/schema";

export const DOMAIN_LABELS: Record<PartnerDomain, string> = {
  finops: "FinOps",
  security: "Security",
  observability: "Observability",
  devops: "DevOps",
  data_backup: "Data/Backup",
  dev_platform: "Dev Platform",
};

export const KIND_LABELS = { isv: "ISV vendor", program: "Program partner", isv_and_program: "ISV + program" } as const;

export function healthBand(score: number | null): { label: string; variant: "success" | "secondary" | "warning" | "destructive" } {
  if (score === null) return { label: "Not scored", variant: "secondary" };
  if (score >= 80) return { label: "Excellent", variant: "success" };
  if (score >= 60) return { label: "Healthy", variant: "secondary" };
  if (score >= 40) return { label: "Needs attention", variant: "warning" };
  return { label: "At risk", variant: "destructive" };
}
