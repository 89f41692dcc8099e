"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function SignUpForm() {
  const form = useJsonForm("/api/auth/signup");
  return (
    <form noValidate onSubmit={(e) => form.submit(e)} className="grid gap-4">
      {form.formError ? <FormAlert tone="error" title={form.formError.title} detail={form.formError.detail} /> : null}
      <FormField id="displayName" label="Your name" error={form.fieldErrors.displayName}>
        <Input name="displayName" autoComplete="name" required autoFocus />
      </FormField>
      <FormField id="companyName" label="Company" error={form.fieldErrors.companyName}>
        <Input name="companyName" autoComplete="organization" required />
      </FormField>
      <FormField id="email" label="Work email" error={form.fieldErrors.email}>
        <Input name="email" type="email" autoComplete="email" required />
      </FormField>
      <FormField id="password" label="Password" description="At least 10 characters." error={form.fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? <Spinner size="sm" label="Creating your account" /> : null}
        Create partner account
      </Button>
    </form>
  );
}
