import type { PartnerDomain } from "@/lib/domain/enums";
import { BAND_LABELS, bandOf } from "@/lib/health/score";

export const DOMAIN_LABELS: Record<PartnerDomain, string> = {
  finops: "FinOps",
  security: "Security",
  observability: "Observability",
  devops: "DevOps",
  data_backup: "Data/Backup",
  dev_platform: "Dev Platform",
};

export const STATUS_LABELS = {
  prospect: "Prospect",
  applicant: "Applicant",
  onboarding: "Onboarding",
  active: "Active",
  inactive: "Inactive",
  churned: "Churned",
} as const;

export const INTERACTION_LABELS = {
  meeting: "Meeting",
  call: "Call",
  email: "Email",
  qbr: "QBR",
  event: "Event",
  note: "Note",
} as const;

export const KIND_LABELS = {
  isv: "ISV vendor",
  program: "Program partner",
  isv_and_program: "ISV + program",
} as const;

const BAND_VARIANT = {
  excellent: "success",
  healthy: "secondary",
  needs_attention: "warning",
  at_risk: "destructive",
} as const;

/** Badge text and colour for a score, using the same bands as the health score itself. */
export function healthBand(score: number | null): {
  label: string;
  variant: "success" | "secondary" | "warning" | "destructive";
} {
  if (score === null) return { label: "Not scored", variant: "secondary" };
  const band = bandOf(score);
  return { label: BAND_LABELS[band], variant: BAND_VARIANT[band] };
}
