"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function AcceptInviteForm({ token, email }: { token: string; email: string }) {
  const form = useJsonForm("/api/auth/accept-invite");
  return (
    <form noValidate onSubmit={(e) => form.submit(e, { token })} className="grid gap-4">
      {form.formError ? <FormAlert tone="error" title={form.formError.title} detail={form.formError.detail} /> : null}
      <FormField id="invite-email" label="Email">
        <Input value={email} readOnly disabled />
      </FormField>
      <FormField id="displayName" label="Your name" error={form.fieldErrors.displayName}>
        <Input name="displayName" autoComplete="name" required autoFocus />
      </FormField>
      <FormField id="password" label="Choose a password" description="At least 10 characters." error={form.fieldErrors.password}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <Button type="submit" disabled={form.pending} className="w-full">
        {form.pending ? <Spinner size="sm" label="Joining" /> : null}
        Join the workspace
      </Button>
    </form>
  );
}
