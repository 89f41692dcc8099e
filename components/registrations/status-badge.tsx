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

export function ReferralStatusBadge({ status }: { status: keyof typeof REFERRAL_VARIANT }) {
  return (
    <Badge variant={REFERRAL_VARIANT[status]} className="capitalize">
      {status}
    </Badge>
  );
}
