"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateAlertPreferencesAction } from "@/lib/alerts/actions";
import type { AlertPreferences } from "@/lib/alerts/queries";
import { ALERT_RULE_KEYS, type AlertRuleKey } from "@/lib/alerts/types";
import { RULE_LABELS } from "./labels";

/** Each person's own controls: the daily email digest, how many alerts a day, and rules they mute. */
export function PreferencesForm({ initial }: { initial: AlertPreferences }) {
  const [digest, setDigest] = useState(initial.digestEnabled);
  const [maxPerDay, setMaxPerDay] = useState(String(initial.maxPerDay));
  const [muted, setMuted] = useState<Set<AlertRuleKey>>(new Set(initial.mutedRules));
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await updateAlertPreferencesAction({
        digestEnabled: digest,
        maxPerDay,
        mutedRules: [...muted],
      });
      if (result.ok) {
        setErrors({});
        toast.success("Your alert settings are saved");
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }
  const toggle = (key: AlertRuleKey, on: boolean) =>
    setMuted((prev) => {
      const next = new Set(prev);
      if (on) next.delete(key);
      else next.add(key);
      return next;
    });

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-5" aria-label="Your alert settings">
      <label className="flex items-center gap-2 text-sm font-medium">
        <Checkbox checked={digest} onCheckedChange={(on) => setDigest(on === true)} />
        Email me a daily digest of new alerts
      </label>
      <FormField
        id="alerts-max-per-day"
        label="New alerts a day, at most"
        description="Beyond this, new alerts wait for the next day, most urgent first."
        error={errors.maxPerDay}
      >
        <Input
          inputMode="numeric"
          className="w-32"
          value={maxPerDay}
          onChange={(e) => setMaxPerDay(e.target.value)}
        />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Rules that alert me</legend>
        {ALERT_RULE_KEYS.map((key) => (
          <label key={key} className="flex items-center gap-2 text-sm">
            <Checkbox checked={!muted.has(key)} onCheckedChange={(on) => toggle(key, on === true)} />
            {RULE_LABELS[key].label}
          </label>
        ))}
        {errors.mutedRules ? (
          <p role="alert" className="text-sm text-destructive">
            {errors.mutedRules[0]}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" size="sm" className="w-fit" disabled={pending}>
        {pending ? "Saving…" : "Save my settings"}
      </Button>
    </form>
  );
}
