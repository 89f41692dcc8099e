"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { createBatchAction } from "@/lib/payouts/actions";

/** New batch for a period; without any payable statement it says why (carried forward or blocked). */
export function NewBatchForm({ defaultStart, defaultEnd }: { defaultStart: string; defaultEnd: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (!data.get("note")) data.delete("note");
    startTransition(async () => {
      const result = await createBatchAction(data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
        return;
      }
      setErrors({});
      const { batchId, statements, carriedForward, blocked } = result.data;
      if (!batchId) {
        toast.info(
          `No statement to pay for this period (${carriedForward.length} carried forward, ${blocked.length} blocked).`,
        );
        return;
      }
      toast.success(`Batch created with ${statements.length} ${statements.length === 1 ? "statement" : "statements"}`);
      router.push(`/payouts/batches/${batchId}`);
    });
  }
  return (
    <form onSubmit={onSubmit} className="grid gap-3 rounded-lg border p-4 md:grid-cols-[auto_auto_1fr_auto] md:items-end" aria-label="New batch">
      <FormField id="batch-start" label="Period start" error={errors.periodStart}>
        <Input type="date" name="periodStart" defaultValue={defaultStart} required />
      </FormField>
      <FormField id="batch-end" label="Period end" error={errors.periodEnd}>
        <Input type="date" name="periodEnd" defaultValue={defaultEnd} required />
      </FormField>
      <FormField id="batch-note" label="Note (optional)" error={errors.note}>
        <Input name="note" maxLength={2000} />
      </FormField>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "New batch"}
      </Button>
    </form>
  );
}
