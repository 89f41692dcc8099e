import { Badge } from "@/components/ui/badge";

type Variant = "default" | "secondary" | "destructive" | "outline" | "success" | "warning";

const BATCH: Record<string, Variant> = {
  draft: "secondary",
  confirmed: "outline",
  processing: "warning",
  completed: "success",
  cancelled: "destructive",
};
const PAYOUT: Record<string, Variant> = {
  pending: "secondary",
  processing: "warning",
  sent: "outline",
  paid: "success",
  failed: "destructive",
  reversed: "destructive",
  cancelled: "secondary",
};

export function BatchStatus({ status }: { status: string }) {
  return <Badge variant={BATCH[status] ?? "secondary"}>{status}</Badge>;
}

/** The payout's status, and how it was paid when that is not a real Stripe transfer. */
export function PayoutStatus({ status, mode }: { status: string; mode: string | null }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={PAYOUT[status] ?? "secondary"}>{status}</Badge>
      {mode === "simulated" ? (
        <Badge variant="outline" title="Recorded without Stripe keys: no money moved">
          simulated
        </Badge>
      ) : null}
      {mode === "external" ? (
        <Badge variant="outline" title="Paid outside Stripe; see the reference">
          paid externally
        </Badge>
      ) : null}
    </span>
  );
}
