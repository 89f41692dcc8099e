"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { markPaidExternallyAction, retryPayoutAction } from "@/lib/payouts/actions";

/** Retry a failed payout, or record it (or a pending one) as paid outside Stripe with a reference. */
export function PayoutActions({ payoutId, status, simulated = false }: { payoutId: string; status: string; simulated?: boolean }) {
  const [pending, startTransition] = useTransition();
  const [open, setOpen] = useState(false);
  const [reference, setReference] = useState("");
  const [error, setError] = useState<string[] | undefined>();
  if (status !== "failed" && status !== "pending") return null;
  const retry = () =>
    startTransition(async () => {
      const result = await retryPayoutAction({ payoutId });
      if (!result.ok) toast.error(result.error);
      else if (result.data.sent) toast.success(simulated ? "Simulated payout recorded: no money moved" : "Payout sent");
      else if (result.data.alreadyProcessing) toast.info("That payout is already processing");
      else toast.error("The payout failed again");
    });
  const markPaid = () =>
    startTransition(async () => {
      const result = await markPaidExternallyAction({ payoutId, reference });
      if (result.ok) {
        setError(undefined);
        setOpen(false);
        toast.success("Recorded as paid externally");
      } else if (result.fieldErrors?.reference) setError(result.fieldErrors.reference);
      else toast.error(result.error);
    });
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "failed" ? (
          <Button size="sm" onClick={retry} disabled={pending}>
            Retry
          </Button>
        ) : null}
        <Button size="sm" variant="outline" onClick={() => setOpen((v) => !v)} aria-expanded={open} disabled={pending}>
          Paid externally…
        </Button>
      </div>
      {open ? (
        <div className="grid gap-2 sm:grid-cols-[1fr_auto] sm:items-end">
          <FormField id={`reference-${payoutId}`} label="Payment reference" error={error} description="Bank transfer id or cheque number">
            <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={200} />
          </FormField>
          <Button size="sm" onClick={markPaid} disabled={pending}>
            Record payment
          </Button>
        </div>
      ) : null}
    </div>
  );
}
