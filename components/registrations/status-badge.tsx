import { Badge } from "@/components/ui/badge";

const VARIANT = { pending: "warning", approved: "success", rejected: "destructive" } as const;
const REFERRAL_VARIANT = {
  new: "secondary",
  contacted: "outline",
  qualified: "warning",
  converted: "success",
  closed: "outline",
} as const;

export function RegistrationStatusBadge({ status }: { status: "pending" | "approved" | "rejected" }) {
  return (
    <Badge variant={VARIANT[status]} className="capitalize">
      {status === "pending" ? "In review" : status}
    </Badge>
  );
}

/** A referral linked to a deal follows its stage (the database keeps it in step): open, won or lost. */
const REFERRAL_LABEL = {
  new: "New",
  contacted: "Contacted",
  qualified: "In progress",
  converted: "Won",
  closed: "Lost",
} as const;

export function ReferralStatusBadge({ status }: { status: keyof typeof REFERRAL_VARIANT }) {
  return <Badge variant={REFERRAL_VARIANT[status]}>{REFERRAL_LABEL[status]}</Badge>;
}
