"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { logInteractionAction } from "@/lib/health/actions";
import { INTERACTION_LABELS } from "./labels";

/** The browser's local "now" in the format a datetime-local input takes. */
function localNow(): string {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** Logs a meeting, call, email or QBR. The local date-time is sent as an instant so the server never guesses the time zone. */
export function InteractionForm({ partnerId }: { partnerId: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const local = String(data.get("occurredAt") ?? "");
    const instant = new Date(local);
    if (local && !Number.isNaN(instant.getTime())) data.set("occurredAt", instant.toISOString());
    startTransition(async () => {
      const result = await logInteractionAction(data);
      if (result.ok) {
        setErrors({});
        formRef.current?.reset();
        toast.success("Interaction logged");
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label="Log an interaction"
      className="grid gap-4 rounded-lg border p-4"
    >
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="interaction-kind" label="Kind" error={errors.kind}>
          <NativeSelect name="kind" defaultValue="meeting">
            {Object.entries(INTERACTION_LABELS).map(([value, label]) => (
              <NativeSelectOption key={value} value={value}>
                {label}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="interaction-occurred" label="When" error={errors.occurredAt}>
          <Input name="occurredAt" type="datetime-local" defaultValue={localNow()} suppressHydrationWarning />
        </FormField>
      </div>
      <FormField id="interaction-summary" label="Summary and notes" error={errors.summary}>
        <Textarea
          name="summary"
          rows={3}
          maxLength={5000}
          placeholder="What was discussed, decided or learned"
        />
      </FormField>
      <FormField id="interaction-next" label="Next steps" error={errors.nextSteps}>
        <Textarea name="nextSteps" rows={2} maxLength={2000} placeholder="Optional" />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Logging…" : "Log interaction"}
        </Button>
      </div>
    </form>
  );
}
