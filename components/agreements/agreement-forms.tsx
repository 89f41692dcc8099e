"use client";

import { useState } from "react";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { addVersionAction, createAgreementAction } from "@/lib/agreements/actions";
import { VersionFields } from "./version-fields";

export function NewVersionForm({ agreementId, today }: { agreementId: string; today: string }) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(addVersionAction, (d) => `Version ${d.version} added`);
  if (!open)
    return (
      <Button variant="outline" size="sm" className="justify-self-start" onClick={() => setOpen(true)}>
        New version
      </Button>
    );
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="grid gap-4 rounded-lg border border-dashed p-4"
      aria-label="New version"
    >
      <input type="hidden" name="agreementId" value={agreementId} />
      <VersionFields errors={form.errors} idPrefix={`v-${agreementId}`} today={today} />
      <div className="flex gap-2">
        <Button type="submit" disabled={form.pending}>
          Add version
        </Button>
        <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function NewAgreementForm({ partnerId, today }: { partnerId: string; today: string }) {
  const form = useActionForm(createAgreementAction, "Agreement created");
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid gap-4" aria-label="New agreement">
      <input type="hidden" name="partnerId" value={partnerId} />
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField id="agreement-name" label="Name" error={form.errors.name}>
          <Input name="name" placeholder="Referral agreement 2027" />
        </FormField>
        <FormField id="agreement-direction" label="Who pays" error={form.errors.direction}>
          <NativeSelect name="direction" defaultValue="receivable">
            <NativeSelectOption value="receivable">The partner pays us</NativeSelectOption>
            <NativeSelectOption value="payable">We pay the partner</NativeSelectOption>
          </NativeSelect>
        </FormField>
        <FormField id="agreement-model" label="Model" error={form.errors.model}>
          <NativeSelect name="model" defaultValue="referral">
            <NativeSelectOption value="referral">Referral (5–25%)</NativeSelectOption>
            <NativeSelectOption value="reseller">Reseller (20–50%)</NativeSelectOption>
            <NativeSelectOption value="msp">MSP (15–40%)</NativeSelectOption>
            <NativeSelectOption value="custom">Custom (5–50%)</NativeSelectOption>
          </NativeSelect>
        </FormField>
      </div>
      <VersionFields errors={form.errors} idPrefix="new-agreement" today={today} />
      <div>
        <Button type="submit" disabled={form.pending}>
          Create agreement
        </Button>
      </div>
    </form>
  );
}
