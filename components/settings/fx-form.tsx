"use client";

import { Trash2 } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { deleteFxRateAction, saveFxRateAction } from "@/lib/fx/actions";
import { useActionForm } from "./use-action-form";

export function FxRateForm({ today }: { today: string }) {
  const form = useActionForm(saveFxRateAction, "Rate saved; open commissions in that currency were recalculated");
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid items-start gap-3 sm:grid-cols-[10rem_6rem_6rem_10rem_auto]" aria-label="Add an FX rate">
      <FormField id="fx-date" label="Date" error={form.errors.rateDate}>
        <Input name="rateDate" type="date" defaultValue={today} />
      </FormField>
      <FormField id="fx-base" label="From" error={form.errors.base}>
        <Input name="base" maxLength={3} className="uppercase" placeholder="EUR" />
      </FormField>
      <FormField id="fx-quote" label="To" error={form.errors.quote}>
        <Input name="quote" maxLength={3} className="uppercase" defaultValue="USD" />
      </FormField>
      <FormField id="fx-rate" label="Rate" error={form.errors.rate}>
        <Input name="rate" inputMode="decimal" placeholder="1.0842" />
      </FormField>
      <Button type="submit" disabled={form.pending} className="sm:mt-[1.375rem]">
        Save rate
      </Button>
    </form>
  );
}

export function DeleteFxRate({ rateDate, base, quote }: { rateDate: string; base: string; quote: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label={`Delete ${base}/${quote} rate of ${rateDate}`}
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await deleteFxRateAction({ rateDate, base, quote });
          if (result.ok) toast.success("Rate deleted");
          else toast.error(result.error);
        })
      }
    >
      <Trash2 aria-hidden />
    </Button>
  );
}
