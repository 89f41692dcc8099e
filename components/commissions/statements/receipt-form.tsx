"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { recordReceiptAction } from "@/lib/commission-records/receipt-actions";
import type { ReceiptOptions } from "@/lib/commission-records/statements";
import { formatMoney } from "@/lib/money";

/** Finance records a payment an ISV vendor made; a negative amount corrects an earlier receipt. */
export function ReceiptForm({
  options,
  today,
  defaultPartnerId,
}: {
  options: ReceiptOptions;
  today: string;
  defaultPartnerId?: string;
}) {
  const formRef = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const initialPartner = options.partners.some((p) => p.id === defaultPartnerId) ? defaultPartnerId! : "";
  const [partnerId, setPartnerId] = useState(initialPartner);
  const deals = options.deals.filter((d) => d.partnerId === partnerId);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await recordReceiptAction(data);
      if (result.ok) {
        setErrors({});
        formRef.current?.reset();
        setPartnerId(initialPartner);
        toast.success(`Receipt of ${formatMoney(result.data.amountMinor, result.data.currency)} recorded`);
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }

  if (options.partners.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No ISV vendor exists yet: add one under Partners before recording a payment.
      </p>
    );
  }
  return (
    <form
      ref={formRef}
      onSubmit={onSubmit}
      noValidate
      aria-label="Record a payment received"
      className="grid gap-4"
    >
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FormField id="receipt-partner" label="ISV vendor" error={errors.partnerId}>
          <NativeSelect name="partnerId" value={partnerId} onChange={(e) => setPartnerId(e.target.value)}>
            <NativeSelectOption value="">Choose…</NativeSelectOption>
            {options.partners.map((p) => (
              <NativeSelectOption key={p.id} value={p.id}>
                {p.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="receipt-date" label="Received on" error={errors.receivedOn}>
          <Input name="receivedOn" type="date" defaultValue={today} max={today} />
        </FormField>
        <FormField
          id="receipt-amount"
          label="Amount"
          error={errors.amount}
          description="Negative to correct a receipt"
        >
          <Input name="amount" inputMode="decimal" placeholder="12500.00" autoComplete="off" />
        </FormField>
        <FormField id="receipt-currency" label="Currency" error={errors.currency}>
          <Input name="currency" maxLength={3} className="uppercase" defaultValue="USD" autoComplete="off" />
        </FormField>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="receipt-reference" label="Reference" error={errors.reference}>
          <Input
            name="reference"
            placeholder="Bank transfer or invoice number"
            maxLength={200}
            autoComplete="off"
          />
        </FormField>
        <FormField
          id="receipt-deal"
          label="Deal (optional)"
          error={errors.opportunityId}
          description={
            partnerId
              ? `${deals.length} won ${deals.length === 1 ? "deal" : "deals"} of this vendor`
              : "Choose the vendor first"
          }
        >
          <NativeSelect
            name="opportunityId"
            defaultValue=""
            key={partnerId}
            disabled={!partnerId || deals.length === 0}
          >
            <NativeSelectOption value="">No specific deal</NativeSelectOption>
            {deals.map((d) => (
              <NativeSelectOption key={d.id} value={d.id}>
                {d.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      </div>
      <FormField id="receipt-note" label="Note (optional)" error={errors.note}>
        <Textarea name="note" maxLength={2000} rows={2} />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? "Recording…" : "Record payment"}
        </Button>
      </div>
    </form>
  );
}
