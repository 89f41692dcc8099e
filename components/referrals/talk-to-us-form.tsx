"use client";

import { CheckCircle2 } from "lucide-react";
import { useState, useTransition } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { submitReferralAction } from "@/lib/referrals/actions";

export function TalkToUsForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await submitReferralAction(data);
      if (result.ok) {
        setSent(true);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? null : result.error);
    });
  }

  if (sent) {
    return (
      <Alert role="status" data-testid="talk-to-us-sent">
        <CheckCircle2 aria-hidden />
        <AlertTitle>Thanks, we will be in touch</AlertTitle>
        <AlertDescription>Someone from our team replies within one business day.</AlertDescription>
      </Alert>
    );
  }
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Talk to us" className="grid gap-4">
      {formError ? (
        <Alert variant="destructive" role="alert">
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="ref-name" label="Name" error={errors.name}>
          <Input name="name" autoComplete="name" maxLength={120} required />
        </FormField>
        <FormField id="ref-email" label="Work email" error={errors.email}>
          <Input name="email" type="email" autoComplete="email" required />
        </FormField>
        <FormField id="ref-company" label="Company" error={errors.company}>
          <Input name="company" autoComplete="organization" maxLength={200} required />
        </FormField>
        <FormField id="ref-phone" label="Phone (optional)" error={errors.phone}>
          <Input name="phone" type="tel" autoComplete="tel" maxLength={40} />
        </FormField>
      </div>
      <FormField id="ref-message" label="How can we help? (optional)" error={errors.message}>
        <Textarea name="message" rows={4} maxLength={4000} />
      </FormField>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Sending…" : "Talk to us"}
      </Button>
    </form>
  );
}
