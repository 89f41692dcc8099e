"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { cancelBatchAction, confirmBatchAction, triggerBatchAction } from "@/lib/payouts/actions";

/**
 * Confirm, trigger and cancel. Trigger is disabled while a run is in flight (and while the batch is
 * processing elsewhere); a second press anyway is answered by the server as "already processing".
 */
export function BatchActions({ batchId, status, readOnlyReason }: { batchId: string; status: string; readOnlyReason: string | null }) {
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<string | null>(null);
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
    if (inFlight.current) return;
    inFlight.current = true;
    startTransition(async () => {
      try {
        const result = await triggerBatchAction({ batchId });
        if (!result.ok) {
          toast.error(result.error);
          return;
        }
        const { sent, failed, alreadyProcessing } = result.data;
        const text = `${sent} sent · ${failed} failed · ${alreadyProcessing} already processing`;
        setAnswer(text);
        if (failed > 0) toast.error(text);
        else toast.success(text);
      } finally {
        inFlight.current = false;
      }
    });
  };
  const canTrigger = status === "confirmed" || status === "processing";
  return (
    <div className="grid gap-2">
      <div className="flex flex-wrap gap-2">
        {status === "draft" ? (
          <Button onClick={confirm} disabled={pending}>
            Confirm batch
          </Button>
        ) : null}
        {canTrigger ? (
          <Button onClick={trigger} disabled={pending} aria-describedby="trigger-answer">
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
    </div>
  );
}
