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

/** A batch's status; one whose payouts were recorded without Stripe says so in the badge itself. */
export function BatchStatus({ status, simulated = false }: { status: string; simulated?: boolean }) {
  const label = simulated && status !== "draft" && status !== "cancelled" ? `${status} (simulated)` : status;
  return (
    <Badge variant={BATCH[status] ?? "secondary"} title={simulated ? "Recorded without Stripe keys: no money moved" : undefined}>
      {label}
    </Badge>
  );
}

/** The payout's status, and how it was paid when that is not a real Stripe transfer. */
export function PayoutStatus({ status, mode }: { status: string; mode: string | null }) {
  if (mode === "simulated") {
    return (
      <span className="flex flex-wrap gap-1">
        <Badge variant={PAYOUT[status] ?? "secondary"} title="Recorded without Stripe keys: no money moved">
          simulated {status}
        </Badge>
        {status === "paid" ? <span className="text-xs text-muted-foreground">no money moved</span> : null}
      </span>
    );
  }
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={PAYOUT[status] ?? "secondary"}>{status}</Badge>
      {mode === "external" ? (
        <Badge variant="outline" title="Paid outside Stripe; see the reference">
          paid externally
        </Badge>
      ) : null}
    </span>
  );
}
