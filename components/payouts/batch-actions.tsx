"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { formatMoney } from "@/lib/money";
import { cancelBatchAction, confirmBatchAction, triggerBatchAction } from "@/lib/payouts/actions";
import { plural, triggerAnswer, type BatchToPay } from "@/lib/payouts/trigger-summary";

/**
 * Confirm, trigger and cancel. Trigger asks first, with the total and how many partners it pays; it is
 * disabled while a run is in flight, and a second press anyway is answered by the server.
 */
export function BatchActions({
  batchId,
  status,
  readOnlyReason,
  toPay,
  simulated,
}: {
  batchId: string;
  status: string;
  readOnlyReason: string | null;
  toPay: BatchToPay;
  simulated: boolean;
}) {
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const inFlight = useRef(false);
  if (readOnlyReason) {
    return (
      <p className="text-sm text-muted-foreground" role="note">
        {readOnlyReason}
      </p>
    );
  }
  const confirm = () =>
    startTransition(async () => {
      const result = await confirmBatchAction({ batchId });
      if (result.ok) toast.success("Batch confirmed; it can be triggered now");
      else toast.error(result.error);
    });
  const cancel = () =>
    startTransition(async () => {
      const result = await cancelBatchAction({ batchId });
      if (result.ok) toast.success("Batch cancelled; its lines are payable again");
      else toast.error(result.error);
    });
  const trigger = () => {
    setAsking(false);
    if (inFlight.current) return;
    inFlight.current = true;
    startTransition(async () => {
      try {
        const result = await triggerBatchAction({ batchId });
        if (!result.ok) {
          toast.error(result.error);
          return;
        }
        const text = triggerAnswer(result.data, simulated);
        setAnswer(text);
        if (result.data.failed > 0) toast.error(text);
        else if (result.data.alreadyDone) toast.info(text);
        else toast.success(text);
      } finally {
        inFlight.current = false;
      }
    });
  };
  const canTrigger = status === "confirmed" || status === "processing";
  const total = toPay.totals.map((t) => formatMoney(t.amountMinor, t.currency)).join(" + ") || formatMoney(0, "USD");
  const who = plural(toPay.partners, "partner");
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "draft" ? (
          <Button onClick={confirm} disabled={pending}>
            Confirm batch
          </Button>
        ) : null}
        {canTrigger ? (
          <Button onClick={() => setAsking(true)} disabled={pending} aria-describedby="trigger-answer">
            {pending ? "Sending payouts…" : status === "processing" ? "Resume payouts" : "Trigger payouts"}
          </Button>
        ) : null}
        {status === "draft" || status === "confirmed" ? (
          <Button variant="outline" onClick={cancel} disabled={pending}>
            Cancel batch
          </Button>
        ) : null}
      </div>
      <p id="trigger-answer" className="text-sm text-muted-foreground" aria-live="polite">
        {answer ?? (status === "draft" ? "Confirm the statements before paying them." : "")}
      </p>
      <Dialog open={asking} onOpenChange={setAsking}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{simulated ? `Record ${total} of simulated payouts?` : `Pay ${total} to ${who}?`}</DialogTitle>
            <DialogDescription>
              {simulated
                ? `${plural(toPay.statements, "statement")} for ${who} will be marked paid (simulated). No Stripe key is configured, so no money moves; partners get an email saying so.`
                : `${plural(toPay.statements, "statement")} for ${who} go out as Stripe transfers now. Each is paid exactly once, even if you trigger again.`}
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="ghost">Cancel</Button>
            </DialogClose>
            <Button onClick={trigger} disabled={pending}>
              {simulated ? "Record simulated payouts" : `Pay ${who}`}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </div>
  );
}
