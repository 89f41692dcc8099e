"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function ForgotPasswordForm() {
  const [sent, setSent] = useState(false);
  const form = useJsonForm("/api/auth/forgot-password", { onSuccess: () => setSent(true) });
  if (sent) {
    return (
      <FormAlert
        tone="success"
        title="Check your inbox"
        detail="If an account exists for that email, a link to choose a new password is on its way. It expires in 1 hour."
      />
    );
  }
  return (
    <form noValidate onSubmit={(e) => form.submit(e)} className="grid gap-4">
      {form.formError ? <FormAlert tone="error" title={form.formError.title} detail={form.formError.detail} /> : null}
      <FormField id="email" label="Email" error={form.fieldErrors.email}>
        <Input name="email" type="email" autoComplete="email" required autoFocus />
      </FormField>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? <Spinner size="sm" label="Sending" /> : null}
        Email me a reset link
      </Button>
    </form>
  );
}
