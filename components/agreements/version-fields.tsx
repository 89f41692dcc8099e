import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

/** The fields of one agreement version, shared by "new agreement" and "new version". */
export function VersionFields({
  errors,
  idPrefix,
  today,
}: {
  errors: Record<string, string[]>;
  idPrefix: string;
  today: string;
}) {
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <FormField id={id("effectiveFrom")} label="Effective from" error={errors.effectiveFrom}>
        <Input name="effectiveFrom" type="date" defaultValue={today} />
      </FormField>
      <FormField id={id("rate")} label="Rate %" error={errors.rate}>
        <Input name="rate" inputMode="decimal" placeholder="15" />
      </FormField>
      <FormField id={id("basis")} label="Basis" error={errors.basis}>
        <NativeSelect name="basis" defaultValue="deal_value">
          <NativeSelectOption value="deal_value">Deal value</NativeSelectOption>
          <NativeSelectOption value="net_revenue">Our net revenue</NativeSelectOption>
        </NativeSelect>
      </FormField>
      <FormField id={id("paymentModel")} label="Payment model" error={errors.paymentModel}>
        <NativeSelect name="paymentModel" defaultValue="one_time">
          <NativeSelectOption value="one_time">One-time</NativeSelectOption>
          <NativeSelectOption value="recurring">Recurring</NativeSelectOption>
          <NativeSelectOption value="hybrid">Hybrid</NativeSelectOption>
          <NativeSelectOption value="milestone">Milestone</NativeSelectOption>
        </NativeSelect>
      </FormField>
      <FormField id={id("currency")} label="Currency" error={errors.currency}>
        <Input name="currency" defaultValue="USD" maxLength={3} className="uppercase" />
      </FormField>
      <FormField
        id={id("recurringMonths")}
        label="Recurring months"
        description="Months or “lifetime”, for recurring"
        error={errors.recurringMonths}
      >
        <Input name="recurringMonths" placeholder="12" />
      </FormField>
      <FormField id={id("floorPerDeal")} label="Floor per deal" error={errors.floorPerDeal}>
        <Input name="floorPerDeal" inputMode="numeric" />
      </FormField>
      <FormField id={id("capPerDeal")} label="Cap per deal" error={errors.capPerDeal}>
        <Input name="capPerDeal" inputMode="numeric" />
      </FormField>
      <FormField id={id("capPerPeriod")} label="Cap per period" error={errors.capPerPeriod}>
        <Input name="capPerPeriod" inputMode="numeric" />
      </FormField>
      <FormField
        id={id("period")}
        label="Commission period"
        description="Volume tiers and the period cap count deals closed in this period"
        error={errors.period}
      >
        <NativeSelect name="period" defaultValue="quarter">
          <NativeSelectOption value="month">Month</NativeSelectOption>
          <NativeSelectOption value="quarter">Quarter</NativeSelectOption>
          <NativeSelectOption value="year">Year</NativeSelectOption>
        </NativeSelect>
      </FormField>
      <FormField id={id("minDeal")} label="Minimum deal size" error={errors.minDeal}>
        <Input name="minDeal" inputMode="numeric" />
      </FormField>
      <FormField id={id("maxDeal")} label="Maximum deal size" error={errors.maxDeal}>
        <Input name="maxDeal" inputMode="numeric" />
      </FormField>
      <FormField
        id={id("advancedTerms")}
        label="Advanced terms (JSON)"
        className="sm:col-span-2"
        description='Volume tiers, promotions, customer rates, milestones, hybrid split, e.g. {"promotions":[{"start":"2027-01-01","end":"2027-03-31","rate":"20"}]}'
        error={errors.advancedTerms}
      >
        <Textarea name="advancedTerms" rows={3} className="font-mono text-xs" />
      </FormField>
    </div>
  );
}
