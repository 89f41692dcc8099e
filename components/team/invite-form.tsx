"use client";

import { useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";
import { inviteUserAction } from "@/lib/team/actions";

export function InviteForm() {
  const ref = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await inviteUserAction(data);
      if (result.ok) {
        setErrors({});
        ref.current?.reset();
        toast.success(`Invitation sent to ${String(data.get("email"))}`);
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }

  return (
    <form ref={ref} noValidate onSubmit={onSubmit} className="grid items-start gap-4 sm:grid-cols-[1fr_14rem_auto]">
      <FormField id="invite-email" label="Email" error={errors.email}>
        <Input name="email" type="email" autoComplete="off" placeholder="name@company.com" required />
      </FormField>
      <FormField id="invite-role" label="Role" error={errors.role}>
        <NativeSelect name="role" defaultValue="sales_manager">
          {STAFF_ROLES.map((role) => (
            <NativeSelectOption key={role} value={role}>
              {ROLE_LABELS[role]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" disabled={pending} className="sm:mt-[1.375rem]">
        {pending ? <Spinner size="sm" label="Sending" /> : null}
        Send invitation
      </Button>
    </form>
  );
}
