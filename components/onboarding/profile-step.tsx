"use client";

import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { saveProfileStepAction } from "@/lib/onboarding/actions";
import type { OnboardingState } from "@/lib/onboarding/queries";
import { COMPANY_SIZES } from "@/lib/onboarding/schemas";
import { CountrySelect } from "./country-select";
import { useStepForm } from "./use-step-form";

export function ProfileStep({ state, next }: { state: OnboardingState; next: string }) {
  const form = useStepForm(saveProfileStepAction, next, "Profile and business details saved");
  const { profile, partner } = state;
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Profile and business details"
      className="grid gap-6"
    >
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-1 font-medium">About you</legend>
        <FormField id="ob-name" label="Full name" error={form.errors.displayName}>
          <Input name="displayName" autoComplete="name" defaultValue={profile.displayName} required />
        </FormField>
        <FormField id="ob-title" label="Job title" error={form.errors.title}>
          <Input name="title" autoComplete="organization-title" defaultValue={profile.title ?? ""} />
        </FormField>
        <FormField id="ob-phone" label="Phone" error={form.errors.phone}>
          <Input name="phone" type="tel" autoComplete="tel" defaultValue={profile.phone ?? ""} />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-medium">About {partner.name}</legend>
        <FormField id="ob-website" label="Website" error={form.errors.website}>
          <Input
            name="website"
            type="url"
            inputMode="url"
            defaultValue={partner.website ?? ""}
            placeholder="https://"
          />
        </FormField>
        <FormField id="ob-industry" label="Industry or niche" error={form.errors.industry}>
          <Input name="industry" defaultValue={partner.industry ?? ""} required />
        </FormField>
        <FormField id="ob-country" label="Country" error={form.errors.country}>
          <CountrySelect name="country" defaultValue={partner.country} required />
        </FormField>
        <FormField id="ob-size" label="Company size (people)" error={form.errors.companySize}>
          <NativeSelect name="companySize" defaultValue={partner.companySize ?? ""}>
            <option value="" disabled>
              Choose one
            </option>
            {COMPANY_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField
          id="ob-description"
          label="What your company does"
          className="sm:col-span-2"
          error={form.errors.description}
        >
          <Textarea name="description" rows={3} maxLength={2000} defaultValue={partner.description ?? ""} />
        </FormField>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? <Spinner size="sm" label="Saving" /> : null}
          Save and continue
        </Button>
      </div>
    </form>
  );
}
