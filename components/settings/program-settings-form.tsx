"use client";

import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { EXPERIENCE_LABELS, EXPERIENCE_LEVELS } from "@/lib/applications/schemas";
import { updateProgramSettingsAction } from "@/lib/program/actions";
import type { ProgramSettings } from "@/lib/program/queries";
import { useActionForm } from "./use-action-form";

export function ProgramSettingsForm({ settings }: { settings: ProgramSettings }) {
  const form = useActionForm(updateProgramSettingsAction, "Program settings saved");
  const rule = settings.autoApproveRule;
  return (
    <form
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Partner program settings"
      className="grid max-w-2xl gap-6"
    >
      <fieldset className="grid gap-4">
        <legend className="mb-1 font-medium">Public program page</legend>
        <FormField id="program-headline" label="Headline" error={form.errors.programHeadline}>
          <Input name="programHeadline" defaultValue={settings.headline ?? ""} maxLength={160} />
        </FormField>
        <FormField id="program-description" label="Description" error={form.errors.programDescription}>
          <Textarea
            name="programDescription"
            rows={5}
            defaultValue={settings.description ?? ""}
            maxLength={4000}
          />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-1 font-medium">Windows</legend>
        <FormField
          id="attribution-days"
          label="Attribution window (days)"
          description="How long a click counts for the partner."
          error={form.errors.attributionWindowDays}
        >
          <Input
            name="attributionWindowDays"
            type="number"
            min={1}
            max={365}
            defaultValue={settings.attributionWindowDays}
          />
        </FormField>
        <FormField
          id="protection-days"
          label="Protection window (days)"
          description="How long an approved registration protects a deal."
          error={form.errors.protectionWindowDays}
        >
          <Input
            name="protectionWindowDays"
            type="number"
            min={1}
            max={365}
            defaultValue={settings.protectionWindowDays}
          />
        </FormField>
      </fieldset>
      <fieldset className="grid gap-4">
        <legend className="mb-1 font-medium">Auto-approve applications</legend>
        <div className="flex items-center gap-2">
          <Checkbox id="auto-enabled" name="autoApproveEnabled" value="on" defaultChecked={rule.enabled} />
          <Label htmlFor="auto-enabled" className="font-normal">
            Approve matching applications as soon as they arrive
          </Label>
        </div>
        <FormField
          id="auto-min-experience"
          label="Minimum experience"
          error={form.errors.autoApproveMinExperience}
        >
          <NativeSelect name="autoApproveMinExperience" defaultValue={rule.minExperience ?? "some"}>
            {EXPERIENCE_LEVELS.map((level) => (
              <option key={level} value={level}>
                {EXPERIENCE_LABELS[level]}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <div className="flex items-center gap-2">
          <Checkbox
            id="auto-website"
            name="autoApproveRequireWebsite"
            value="on"
            defaultChecked={rule.requireWebsite ?? false}
          />
          <Label htmlFor="auto-website" className="font-normal">
            Require a website
          </Label>
        </div>
      </fieldset>
      <div>
        <Button type="submit" disabled={form.pending}>
          Save program settings
        </Button>
      </div>
    </form>
  );
}
