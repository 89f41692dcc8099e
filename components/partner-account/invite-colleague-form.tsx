"use client";

import { useRef } from "react";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { inviteColleagueAction } from "@/lib/partner-account/actions";

export function InviteColleagueForm() {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(inviteColleagueAction, () => {
    ref.current?.reset();
    return "Invitation sent";
  });
  return (
    <form
      ref={ref}
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Invite a colleague"
      className="grid items-start gap-3 sm:grid-cols-[1fr_10rem_auto]"
    >
      <FormField id="invite-email" label="Colleague's email" error={form.errors.email}>
        <Input name="email" type="email" autoComplete="off" required />
      </FormField>
      <FormField id="invite-role" label="Access" error={form.errors.memberRole}>
        <NativeSelect name="memberRole" defaultValue="member">
          <option value="member">Member</option>
          <option value="admin">Admin</option>
        </NativeSelect>
      </FormField>
      <Button type="submit" disabled={form.pending} className="sm:mt-[1.375rem]">
        Send invitation
      </Button>
    </form>
  );
}
