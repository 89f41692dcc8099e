"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { submitTaxDetailsAction } from "@/lib/onboarding/actions";
import type { OnboardingState } from "@/lib/onboarding/queries";
import { TAX_CLASSIFICATION_LABELS, TAX_CLASSIFICATIONS } from "@/lib/onboarding/schemas";
import { CountrySelect } from "./country-select";
import { useStepForm } from "./use-step-form";

const FORM_LABELS = { w9: "W-9", w8ben: "W-8BEN" } as const;
const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export function TaxStep({ state, next }: { state: OnboardingState; next: string }) {
  const form = useStepForm(submitTaxDetailsAction, next, "Tax details submitted");
  const [kind, setKind] = useState<"w9" | "w8ben">(
    state.tax?.form ?? (state.partner.country === "US" ? "w9" : "w8ben"),
  );
  return (
    <div className="grid gap-6">
      {state.tax ? (
        <p role="status" className="rounded-md bg-muted/60 p-3 text-sm">
          Submitted on {dateFormat.format(state.tax.submittedAt)} ({FORM_LABELS[state.tax.form]}). Only our
          finance team can read it. Submit again to replace it.
        </p>
      ) : null}
      <form
        onSubmit={form.onSubmit}
        noValidate
        aria-label="Tax details"
        className="grid gap-4 sm:grid-cols-2"
      >
        <p className="text-sm text-muted-foreground sm:col-span-2">
          US persons complete a W-9; everyone else a W-8BEN. Your tax identification number is encrypted and
          only our finance team can read these details.
        </p>
        <FormField id="tax-form" label="Form" error={form.errors.form}>
          <NativeSelect name="form" value={kind} onChange={(e) => setKind(e.target.value as "w9" | "w8ben")}>
            <option value="w9">W-9 (US person)</option>
            <option value="w8ben">W-8BEN (non-US)</option>
          </NativeSelect>
        </FormField>
        {kind === "w9" ? (
          <FormField
            id="tax-classification"
            label="Federal tax classification"
            error={form.errors.taxClassification}
          >
            <NativeSelect name="taxClassification" defaultValue="">
              <option value="" disabled>
                Choose one
              </option>
              {TAX_CLASSIFICATIONS.map((c) => (
                <option key={c} value={c}>
                  {TAX_CLASSIFICATION_LABELS[c]}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <div aria-hidden className="hidden sm:block" />
        )}
        <FormField id="tax-legal-name" label="Legal name" error={form.errors.legalName}>
          <Input name="legalName" required />
        </FormField>
        <FormField
          id="tax-business-name"
          label="Business name (if different)"
          error={form.errors.businessName}
        >
          <Input name="businessName" />
        </FormField>
        <FormField
          id="tax-country"
          label={kind === "w9" ? "Country" : "Country of residence"}
          error={form.errors.country}
        >
          <CountrySelect name="country" defaultValue={kind === "w9" ? "US" : state.partner.country} key={kind} required />
        </FormField>
        <FormField
          id="tax-tin"
          label={kind === "w9" ? "TIN (SSN or EIN)" : "Foreign tax identification number"}
          error={form.errors.tin}
        >
          <Input name="tin" autoComplete="off" spellCheck={false} required />
        </FormField>
        <FormField id="tax-address" label="Address" className="sm:col-span-2" error={form.errors.address}>
          <Textarea name="address" rows={2} autoComplete="street-address" required />
        </FormField>
        <FormField
          id="tax-signature"
          label="Signature"
          description="Type your full name to certify, under penalties of perjury, that the information is correct."
          className="sm:col-span-2"
          error={form.errors.signedName}
        >
          <Input name="signedName" autoComplete="name" required />
        </FormField>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={form.pending}>
            {form.pending ? <Spinner size="sm" label="Submitting" /> : null}
            Submit and continue
          </Button>
        </div>
      </form>
    </div>
  );
}
