"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { registerDealAction } from "@/lib/registrations/actions";

/** Partners register a deal; a refusal (protected or pending elsewhere, duplicate) shows under the domain. */
export function RegistrationForm({ currency }: { currency: string }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await registerDealAction(data);
      if (result.ok) {
        setErrors({});
        formRef.current?.reset();
        toast.success(
          result.data.selfReferral
            ? "Registered. The customer looks like your own company, so a reviewer will check it."
            : "Registered. We will review it shortly.",
        );
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
      className="grid gap-4 sm:grid-cols-2"
      aria-label="Register a deal"
      data-testid="registration-form"
    >
      <FormField id="reg-customer" label="Customer name" error={errors.customerName}>
        <Input name="customerName" autoComplete="organization" required />
      </FormField>
      <FormField
        id="reg-domain"
        label="Customer website or domain"
        error={errors.customerDomain}
        description="Protection is per domain, e.g. acme.com"
      >
        <Input name="customerDomain" placeholder="acme.com" required />
      </FormField>
      <FormField id="reg-contact" label="Contact name" error={errors.contactName}>
        <Input name="contactName" required />
      </FormField>
      <FormField id="reg-email" label="Contact email" error={errors.contactEmail}>
        <Input name="contactEmail" type="email" required />
      </FormField>
      <FormField id="reg-value" label="Estimated value" error={errors.estimatedValue}>
        <Input name="estimatedValue" inputMode="decimal" placeholder="25000" required />
      </FormField>
      <FormField id="reg-currency" label="Currency" error={errors.currency}>
        <Input name="currency" maxLength={3} defaultValue={currency} className="uppercase" required />
      </FormField>
      <FormField id="reg-notes" label="Notes" error={errors.notes} className="sm:col-span-2">
        <Textarea name="notes" rows={3} placeholder="Who you spoke to, what they need, timing" />
      </FormField>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register deal"}
        </Button>
      </div>
    </form>
  );
}
