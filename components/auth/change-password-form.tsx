"use client";

import { useRef } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { FormAlert } from "./form-alert";
import { useJsonForm } from "./use-json-form";

export function ChangePasswordForm() {
  const ref = useRef<HTMLFormElement>(null);
  const form = useJsonForm("/api/auth/change-password", {
    onSuccess: () => {
      ref.current?.reset();
      toast.success("Password changed");
    },
  });
  return (
    <form ref={ref} noValidate onSubmit={(e) => form.submit(e)} className="grid max-w-sm gap-4">
      {form.formError ? <FormAlert tone="error" title={form.formError.title} detail={form.formError.detail} /> : null}
      <FormField id="currentPassword" label="Current password" error={form.fieldErrors.currentPassword}>
        <Input name="currentPassword" type="password" autoComplete="current-password" required />
      </FormField>
      <FormField id="newPassword" label="New password" description="At least 10 characters." error={form.fieldErrors.newPassword}>
        <Input name="newPassword" type="password" autoComplete="new-password" required minLength={10} />
      </FormField>
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? <Spinner size="sm" label="Saving" /> : null}
          Change password
        </Button>
      </div>
    </form>
  );
}
