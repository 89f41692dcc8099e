"use client";

import { X } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { addLossReasonAction, archiveLossReasonAction } from "@/lib/goals/actions";
import { updatePipelineSettingsAction } from "@/lib/stages/actions";
import { useActionForm } from "./use-action-form";

export function PipelineSettingsForm({
  stalledAfterDays,
  highValueThreshold,
  winNotifyThreshold,
  currency,
}: {
  stalledAfterDays: number;
  highValueThreshold: number;
  winNotifyThreshold: number;
  currency: string;
}) {
  const form = useActionForm(updatePipelineSettingsAction, "Pipeline settings saved");
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid items-start gap-4 sm:grid-cols-[12rem_14rem_14rem_auto]" aria-label="Pipeline settings">
      <FormField id="stalledAfterDays" label="Stalled after (days)" error={form.errors.stalledAfterDays} description="No move for this long marks a deal stalled.">
        <Input name="stalledAfterDays" type="number" min={1} max={365} defaultValue={stalledAfterDays} />
      </FormField>
      <FormField id="highValueThreshold" label={`High-value threshold (${currency})`} error={form.errors.highValueThreshold} description="Changes above it notify the VP.">
        <Input name="highValueThreshold" inputMode="numeric" defaultValue={highValueThreshold} />
      </FormField>
      <FormField id="winNotifyThreshold" label={`Large-win threshold (${currency})`} error={form.errors.winNotifyThreshold} description="Wins at or above it notify the VP.">
        <Input name="winNotifyThreshold" inputMode="numeric" defaultValue={winNotifyThreshold} />
      </FormField>
      <Button type="submit" disabled={form.pending} className="sm:mt-[1.375rem]">
        Save
      </Button>
    </form>
  );
}

export function LossReasonsEditor({ reasons }: { reasons: { id: string; label: string }[] }) {
  const form = useActionForm(addLossReasonAction, "Reason added");
  const [pending, startTransition] = useTransition();
  return (
    <div className="grid gap-3">
      <ul className="flex flex-wrap gap-2" aria-label="Loss reasons">
        {reasons.map((r) => (
          <li key={r.id} className="inline-flex items-center gap-1 rounded-full border bg-muted/50 py-0.5 pl-3 pr-1 text-sm">
            {r.label}
            <Button
              variant="ghost"
              size="icon"
              className="size-6"
              aria-label={`Remove ${r.label}`}
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  const result = await archiveLossReasonAction({ id: r.id });
                  if (result.ok) toast.success(`${r.label} removed`);
                  else toast.error(result.error);
                })
              }
            >
              <X aria-hidden className="size-3" />
            </Button>
          </li>
        ))}
      </ul>
      <form onSubmit={form.onSubmit} noValidate className="flex items-start gap-2" aria-label="Add a loss reason">
        <FormField id="loss-label" label="New reason" error={form.errors.label} className="w-64">
          <Input name="label" maxLength={80} />
        </FormField>
        <Button type="submit" variant="outline" disabled={form.pending} className="mt-[1.375rem]">
          Add
        </Button>
      </form>
    </div>
  );
}
