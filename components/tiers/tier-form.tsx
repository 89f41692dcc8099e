"use client";

import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { saveTierAction } from "@/lib/tiers/actions";

export interface TierFormValues {
  id?: string;
  name: string;
  commissionRate: string;
  payoutCadence: string;
  minTrailingRevenue: string;
  minTrailingDeals: number;
  perks: string[];
  color: string;
}

const CADENCES = [
  ["monthly", "Monthly"],
  ["biweekly", "Every two weeks"],
  ["weekly", "Weekly"],
  ["realtime", "Real time"],
] as const;

export function TierForm({ tier, currency }: { tier?: TierFormValues; currency: string }) {
  const form = useActionForm(saveTierAction, tier ? `${tier.name} saved` : "Tier added");
  const p = tier?.id ?? "new";
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="grid gap-3 md:grid-cols-4"
      aria-label={tier ? `Edit ${tier.name}` : "Add a tier"}
    >
      {tier?.id ? <input type="hidden" name="id" value={tier.id} /> : null}
      <FormField id={`${p}-name`} label="Name" error={form.errors.name}>
        <Input name="name" defaultValue={tier?.name} />
      </FormField>
      <FormField id={`${p}-rate`} label="Commission rate (%)" error={form.errors.commissionRate}>
        <Input
          name="commissionRate"
          inputMode="decimal"
          defaultValue={tier ? String(Number(tier.commissionRate)) : ""}
        />
      </FormField>
      <FormField id={`${p}-cadence`} label="Payout cadence" error={form.errors.payoutCadence}>
        <NativeSelect name="payoutCadence" defaultValue={tier?.payoutCadence ?? "monthly"}>
          {CADENCES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={`${p}-color`} label="Colour" error={form.errors.color}>
        <Input name="color" type="color" defaultValue={tier?.color ?? "#64748b"} className="h-9 p-1" />
      </FormField>
      <FormField
        id={`${p}-revenue`}
        label={`Won revenue, trailing 90 days (${currency})`}
        error={form.errors.minTrailingRevenue}
      >
        <Input name="minTrailingRevenue" inputMode="numeric" defaultValue={tier?.minTrailingRevenue ?? "0"} />
      </FormField>
      <FormField id={`${p}-deals`} label="Won deals, trailing 90 days" error={form.errors.minTrailingDeals}>
        <Input
          name="minTrailingDeals"
          inputMode="numeric"
          defaultValue={String(tier?.minTrailingDeals ?? 0)}
        />
      </FormField>
      <FormField
        id={`${p}-perks`}
        label="Perks (one per line)"
        error={form.errors.perks}
        className="md:col-span-2"
      >
        <Textarea name="perks" rows={3} defaultValue={tier?.perks.join("\n")} />
      </FormField>
      <div className="md:col-span-4">
        <Button type="submit" disabled={form.pending} size="sm">
          {tier ? "Save tier" : "Add tier"}
        </Button>
      </div>
    </form>
  );
}
