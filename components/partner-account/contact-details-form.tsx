"use client";

import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateContactDetailsAction } from "@/lib/partner-account/actions";
import type { MyPartnerProfile } from "@/lib/partner-account/queries";

export function ContactDetailsForm({ profile }: { profile: MyPartnerProfile }) {
  const form = useActionForm(updateContactDetailsAction, "Contact details saved");
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Contact details"
      className="grid gap-4 sm:grid-cols-3"
    >
      <FormField id="me-name" label="Full name" error={form.errors.displayName}>
        <Input name="displayName" autoComplete="name" defaultValue={profile.displayName} required />
      </FormField>
      <FormField id="me-title" label="Job title" error={form.errors.title}>
        <Input name="title" autoComplete="organization-title" defaultValue={profile.title ?? ""} />
      </FormField>
      <FormField id="me-phone" label="Phone" error={form.errors.phone}>
        <Input name="phone" type="tel" autoComplete="tel" defaultValue={profile.phone ?? ""} />
      </FormField>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={form.pending}>
          Save contact details
        </Button>
      </div>
    </form>
  );
}
