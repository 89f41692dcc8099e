"use client";

import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import type { LadderTier, TierFeature } from "@/lib/tiers/unlocks";
import { updateTierFeatureAction } from "@/lib/tiers/update-tier-feature";

/** One row of the entitlement editor: the feature's label and the tier it unlocks at. */
export function TierFeatureForm({ feature, ladder }: { feature: TierFeature; ladder: readonly LadderTier[] }) {
  const form = useActionForm(updateTierFeatureAction, `${feature.label} saved`);
  const p = `feature-${feature.id}`;
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      className="grid items-end gap-3 sm:grid-cols-[1fr_12rem_auto]"
      aria-label={`Edit ${feature.label}`}
      data-feature={feature.key}
    >
      <input type="hidden" name="id" value={feature.id} />
      <FormField id={`${p}-label`} label="Feature" error={form.errors.label}>
        <Input name="label" defaultValue={feature.label} maxLength={80} />
      </FormField>
      <FormField id={`${p}-tier`} label="Unlocks at" error={form.errors.unlockTierId}>
        <NativeSelect name="unlockTierId" defaultValue={feature.tierId}>
          {ladder.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </NativeSelect>
      </FormField>
      <Button type="submit" size="sm" disabled={form.pending}>
        Save
      </Button>
    </form>
  );
}
