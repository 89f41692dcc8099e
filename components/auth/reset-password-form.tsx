"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function ResetPasswordForm({ token }: { token?: string }) {
  const form = useJsonForm("/api/auth/reset-password");
  const tokenError = form.fieldErrors.token?.[0];
  return (
    <form noValidate onSubmit={(e) => form.submit(e, token ? { token } : {})} className="grid gap-4">
      {form.formError || tokenError ? (
        <FormAlert tone="error" title={form.formError?.title ?? "This reset link no longer works"} detail={form.formError?.detail ?? tokenError} />
      ) : null}
      <FormField id="password" label="New password" description="At least 10 characters." error={form.fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} autoFocus />
      </FormField>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? <Spinner size="sm" label="Saving" /> : null}
        Set new password
      </Button>
    </form>
  );
}
