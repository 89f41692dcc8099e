"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { saveBankPayoutAction, startStripeOnboardingAction } from "@/lib/onboarding/actions";
import type { OnboardingState } from "@/lib/onboarding/queries";
import { CountrySelect } from "./country-select";
import { useStepForm } from "./use-step-form";

function StripeConnect({ connected }: { connected: boolean }) {
  const [pending, startTransition] = useTransition();
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">
        Payouts go through Stripe. Stripe collects and verifies your bank details; we never see them.
      </p>
      <div>
        <Button
          type="button"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await startStripeOnboardingAction({});
              if (result.ok) window.location.assign(result.data.url);
              else toast.error(result.error);
            })
          }
        >
          {pending ? <Spinner size="sm" label="Opening Stripe" /> : null}
          {connected ? "Continue Stripe setup" : "Set up payouts with Stripe"}
        </Button>
      </div>
    </div>
  );
}

export function PayoutStep({
  state,
  next,
  stripe,
}: {
  state: OnboardingState;
  next: string;
  stripe: boolean;
}) {
  const form = useStepForm(saveBankPayoutAction, next, "Bank details saved");
  const payout = state.payout;
  const [bankCountry, setBankCountry] = useState(payout?.bankCountry ?? "");
  return (
    <div className="grid gap-6">
      {payout ? (
        <p role="status" className="rounded-md bg-muted/60 p-3 text-sm">
          {payout.kind === "bank_transfer"
            ? `On file: bank account ending ${payout.last4} (${payout.bankCountry}, ${payout.currency}), held by ${payout.accountHolder}.`
            : payout.payoutsEnabled
              ? "On file: Stripe account, payouts enabled."
              : "On file: Stripe account, setup not finished yet."}
        </p>
      ) : null}
      {stripe ? <StripeConnect connected={payout?.kind === "stripe_connect"} /> : null}
      {!stripe ? (
        <form
          onSubmit={form.onSubmit}
          noValidate
          aria-label="Bank transfer details"
          className="grid gap-4 sm:grid-cols-2"
        >
          <p className="text-sm text-muted-foreground sm:col-span-2">
            We pay by bank transfer. Your account number is encrypted when saved; afterwards only its last
            four characters are ever shown.
          </p>
          <FormField id="ob-holder" label="Account holder" error={form.errors.accountHolder}>
            <Input
              name="accountHolder"
              autoComplete="name"
              defaultValue={payout?.accountHolder ?? ""}
              required
            />
          </FormField>
          <FormField id="ob-bank-country" label="Bank country" error={form.errors.bankCountry}>
            <CountrySelect
              name="bankCountry"
              defaultValue={payout?.bankCountry}
              onChange={(e) => setBankCountry(e.target.value)}
              required
            />
          </FormField>
          {bankCountry === "US" ? (
            <FormField
              id="ob-routing"
              label="Routing number"
              description="The 9-digit ABA number of your bank."
              error={form.errors.routingNumber}
            >
              <Input name="routingNumber" inputMode="numeric" autoComplete="off" maxLength={11} required />
            </FormField>
          ) : null}
          <FormField
            id="ob-account"
            label={bankCountry === "US" ? "Account number" : "IBAN or account number"}
            error={form.errors.accountNumber}
          >
            <Input
              name="accountNumber"
              autoComplete="off"
              spellCheck={false}
              inputMode={bankCountry === "US" ? "numeric" : undefined}
              placeholder={payout?.last4 ? `•••• ${payout.last4}` : ""}
              required
            />
          </FormField>
          <FormField id="ob-currency" label="Payout currency" error={form.errors.currency}>
            <Input
              name="currency"
              maxLength={3}
              className="uppercase"
              defaultValue={payout?.currency ?? "USD"}
              required
            />
          </FormField>
          <div className="sm:col-span-2">
            <Button type="submit" disabled={form.pending}>
              {form.pending ? <Spinner size="sm" label="Saving" /> : null}
              Save and continue
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
