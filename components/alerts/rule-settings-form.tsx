"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { updateAlertRuleAction } from "@/lib/alerts/actions";
import type { RuleSettingsInput } from "@/lib/alerts/schemas";
import { ALERT_PRIORITIES, type AlertPriority, type AlertRuleKey } from "@/lib/alerts/types";
import { PRIORITY_LABELS, RULE_LABELS } from "./labels";
import { nestThresholds, RULE_FIELDS } from "./rule-fields";

export interface RuleFormValues {
  key: AlertRuleKey;
  enabled: boolean;
  priority: AlertPriority;
  /** Threshold values by field path, as the inputs show them. */
  values: Record<string, string>;
}

/** One rule's settings for the VP: on/off, priority and thresholds, with each field's error beside it. */
export function RuleSettingsForm({ initial }: { initial: RuleFormValues }) {
  const [enabled, setEnabled] = useState(initial.enabled);
  const [priority, setPriority] = useState<AlertPriority>(initial.priority);
  const [values, setValues] = useState(initial.values);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const meta = RULE_LABELS[initial.key];
  const id = (name: string) => `rule-${initial.key}-${name.replace(".", "-")}`;

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      key: initial.key,
      enabled,
      priority,
      thresholds: nestThresholds(values),
    } as RuleSettingsInput;
    startTransition(async () => {
      const result = await updateAlertRuleAction(input);
      if (result.ok) {
        setErrors({});
        toast.success(`${meta.label} saved`);
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>
          <h2>{meta.label}</h2>
        </CardTitle>
        <CardDescription>{meta.description}</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={`${meta.label} settings`}>
          <label className="flex items-center gap-2 text-sm font-medium">
            <Checkbox checked={enabled} onCheckedChange={(on) => setEnabled(on === true)} />
            Rule is on
          </label>
          <div className="grid items-start gap-4 sm:grid-cols-2">
            <FormField id={id("priority")} label="Priority" error={errors.priority}>
              <NativeSelect value={priority} onChange={(e) => setPriority(e.target.value as AlertPriority)}>
                {[...ALERT_PRIORITIES].reverse().map((p) => (
                  <option key={p} value={p}>
                    {PRIORITY_LABELS[p]}
                  </option>
                ))}
              </NativeSelect>
            </FormField>
            {RULE_FIELDS[initial.key].map((field) => (
              <FormField
                key={field.name}
                id={id(field.name)}
                label={field.label}
                description={field.hint}
                error={errors[`thresholds.${field.name}`]}
              >
                <Input
                  inputMode="numeric"
                  value={values[field.name] ?? ""}
                  onChange={(e) => setValues((v) => ({ ...v, [field.name]: e.target.value }))}
                />
              </FormField>
            ))}
          </div>
          <Button type="submit" size="sm" className="w-fit" disabled={pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
