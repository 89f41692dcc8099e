"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { decideOverrideAction } from "@/lib/commission-records/override-actions";
import type { PendingOverride } from "@/lib/commission-records/override-queries";
import { formatMoney } from "@/lib/money";

const STATUS = {
  pending: { label: "Awaiting approval", variant: "warning" },
  approved: { label: "Approved", variant: "success" },
  rejected: { label: "Rejected", variant: "destructive" },
  withdrawn: { label: "Withdrawn", variant: "secondary" },
} as const;

function Decision({ override }: { override: PendingOverride }) {
  const [pending, startTransition] = useTransition();
  const [note, setNote] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  const decide = (decision: "approve" | "reject") =>
    startTransition(async () => {
      const result = await decideOverrideAction({ overrideId: override.id, decision, note: note || undefined });
      if (result.ok) {
        setError(undefined);
        toast.success(decision === "approve" ? "Override approved; the deal's commission is recalculated" : "Override rejected");
      } else if (result.fieldErrors?.note) setError(result.fieldErrors.note);
      else toast.error(result.error);
    });
  return (
    <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
      <FormField id={`note-${override.id}`} label="Note to the requester" description="Required to reject" error={error}>
        <Input value={note} onChange={(e) => setNote(e.target.value)} placeholder="Why you decided this way" />
      </FormField>
      <div className="flex gap-2">
        <Button size="sm" disabled={pending} onClick={() => decide("approve")}>
          Approve
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => decide("reject")}>
          Reject
        </Button>
      </div>
    </div>
  );
}

/** Rate overrides: the VP's approval queue for out-of-range rates, then recent decisions. */
export function OverrideQueue({ overrides, canDecide }: { overrides: PendingOverride[]; canDecide: boolean }) {
  if (overrides.length === 0) {
    return <EmptyState title="No overrides" description="Deal-level rate overrides appear here. Outside the agreement's range they wait for a VP's approval." />;
  }
  const waiting = overrides.filter((o) => o.status === "pending").length;
  return (
    <div className="grid gap-3" data-testid="override-queue">
      <p className="text-sm text-muted-foreground">
        {waiting === 0 ? "Nothing waits for approval." : `${waiting} ${waiting === 1 ? "override waits" : "overrides wait"} for a VP's decision.`}
      </p>
      <ul className="grid gap-3">
        {overrides.map((o) => (
          <li key={o.id} className="grid gap-2 rounded-lg border p-4" aria-label={`Override for ${o.customerName}`}>
            <div className="flex flex-wrap items-center gap-2">
              <Link href={`/pipeline?opportunity=${o.opportunityId}`} className="font-medium underline-offset-4 hover:underline">
                {o.customerName}
              </Link>
              <span className="text-sm text-muted-foreground">
                {o.partnerName} · {o.agreementName} · {formatMoney(o.valueMinor, o.currency)}
              </span>
              <Badge variant={STATUS[o.status].variant} className="ml-auto">
                {STATUS[o.status].label}
              </Badge>
            </div>
            <p className="text-sm">
              <span className="font-semibold tabular-nums">{Number(o.rate)}%</span>
              {o.agreementRate ? <span className="text-muted-foreground"> instead of {Number(o.agreementRate)}%</span> : null}
              <span className="text-muted-foreground">
                {" "}
                · {o.model} range {o.range}
                {o.needsApproval ? " · outside the range" : " · within the range"}
              </span>
            </p>
            <p className="text-sm">“{o.reason}”</p>
            <p className="text-xs text-muted-foreground">
              Asked by {o.requestedByName ?? "someone"} on {o.createdAt.slice(0, 10)}
              {o.decidedByName && o.decidedAt ? ` · ${o.status} by ${o.decidedByName} on ${o.decidedAt.slice(0, 10)}` : ""}
              {o.decisionNote ? ` · “${o.decisionNote}”` : ""}
            </p>
            {canDecide && o.status === "pending" ? <Decision override={o} /> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
