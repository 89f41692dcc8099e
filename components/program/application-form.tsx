"use client";

import { CheckCircle2 } from "lucide-react";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { FormAlert } from "@/components/auth/form-alert";
import { submitApplicationAction } from "@/lib/applications/actions";
import {
  CONTACT_LABELS,
  CONTACT_PREFERENCES,
  EXPERIENCE_LABELS,
  EXPERIENCE_LEVELS,
  SOCIAL_FIELDS,
} from "@/lib/applications/schemas";

type Outcome = "pending" | "approved";

function ThankYou({ outcome }: { outcome: Outcome }) {
  return (
    <div role="status" className="grid justify-items-center gap-3 py-8 text-center">
      <CheckCircle2 aria-hidden className="size-10 text-success" />
      <h3 className="text-xl font-semibold">Thank you for applying</h3>
      <p className="max-w-md text-sm text-muted-foreground">
        {outcome === "approved"
          ? "Your application was approved. Check your inbox for an invitation to set up your partner account."
          : "We review every application within two business days and will email you with the outcome."}
      </p>
    </div>
  );
}

/** The public partner application: field errors inline, a thank-you state on success. */
export function ApplicationForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await submitApplicationAction(data);
      if (result.ok) {
        setOutcome(result.data.status);
        return;
      }
      setErrors(result.fieldErrors ?? {});
      setFormError(result.fieldErrors ? null : result.error);
    });
  }

  if (outcome) return <ThankYou outcome={outcome} />;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Partner application" className="grid gap-4">
      {formError ? <FormAlert tone="error" title={formError} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="app-company" label="Company" error={errors.company}>
          <Input name="company" autoComplete="organization" required />
        </FormField>
        <FormField id="app-website" label="Website" error={errors.website}>
          <Input name="website" type="url" inputMode="url" autoComplete="url" placeholder="https://" />
        </FormField>
        <FormField id="app-industry" label="Industry or niche" error={errors.industry}>
          <Input name="industry" placeholder="e.g. FinOps consulting" required />
        </FormField>
        <FormField id="app-experience" label="Partner experience" error={errors.experience}>
          <NativeSelect name="experience" defaultValue="">
            <option value="" disabled>
              Choose one
            </option>
            {EXPERIENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {EXPERIENCE_LABELS[level]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          id="app-goal"
          label="Monthly referral goal (USD)"
          description="Deal value you expect to refer per month."
          error={errors.monthlyGoal}
        >
          <Input name="monthlyGoal" inputMode="decimal" placeholder="5000" />
        </FormField>
        <FormField id="app-name" label="Your name" error={errors.contactName}>
          <Input name="contactName" autoComplete="name" required />
        </FormField>
        <FormField id="app-email" label="Email" error={errors.email}>
          <Input name="email" type="email" autoComplete="email" required />
        </FormField>
        <FormField id="app-phone" label="Phone" error={errors.phone}>
          <Input name="phone" type="tel" autoComplete="tel" />
        </FormField>
      </div>
      <fieldset
        className="grid gap-2"
        aria-describedby={errors.contactPreferences ? "app-contact-error" : undefined}
      >
        <legend className="mb-1 text-sm font-medium">How should we contact you?</legend>
        <div className="flex flex-wrap gap-4">
          {CONTACT_PREFERENCES.map((pref) => (
            <div key={pref} className="flex items-center gap-2">
              <Checkbox
                id={`app-contact-${pref}`}
                name="contactPreferences"
                value={pref}
                defaultChecked={pref === "email"}
              />
              <Label htmlFor={`app-contact-${pref}`} className="font-normal">
                {CONTACT_LABELS[pref]}
              </Label>
            </div>
          ))}
        </div>
        {errors.contactPreferences ? (
          <p id="app-contact-error" role="alert" className="text-sm font-medium text-destructive">
            {errors.contactPreferences.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium">Where can we see your work? (optional)</legend>
        {SOCIAL_FIELDS.map((field) => (
          <FormField key={field.key} id={`app-${field.key}`} label={field.label} error={errors[field.key]}>
            <Input name={field.key} placeholder={field.key === "x" ? "@handle" : "URL or handle"} />
          </FormField>
        ))}
      </fieldset>
      <FormField id="app-message" label="Anything else we should know?" error={errors.message}>
        <Textarea name="message" rows={4} maxLength={4000} />
      </FormField>
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner size="sm" label="Sending" /> : null}
          Apply to the program
        </Button>
      </div>
    </form>
  );
}
