"use client";

import { useMemo, useState } from "react";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { updateHealthWeightsAction } from "@/lib/health/actions";
import {
  COMPONENT_FORMULAS,
  COMPONENT_LABELS,
  HEALTH_COMPONENTS,
  type HealthInputs,
  type HealthWeights,
} from "@/lib/health/score";
import { cn } from "@/lib/utils";
import { HealthPreview } from "./health-preview";

export interface PreviewPartner {
  id: string;
  name: string;
  inputs: HealthInputs;
}

const asWeights = (draft: Record<string, string>): HealthWeights | null => {
  const out = {} as HealthWeights;
  for (const key of HEALTH_COMPONENTS) {
    const n = Number(draft[key]);
    if (draft[key]?.trim() === "" || !Number.isInteger(n) || n < 0 || n > 100) return null;
    out[key] = n;
  }
  return out;
};

/** The VP's weights, with the running total and a live preview of how a few partners' scores would move. */
export function HealthWeightsForm({
  weights,
  preview,
}: {
  weights: HealthWeights;
  preview: PreviewPartner[];
}) {
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    Object.fromEntries(HEALTH_COMPONENTS.map((k) => [k, String(weights[k])])),
  );
  const form = useActionForm(
    updateHealthWeightsAction,
    (d) => `Weights saved; ${d.rescored} partners rescored`,
  );
  const parsed = asWeights(draft);
  const total = HEALTH_COMPONENTS.reduce((sum, k) => sum + (Number(draft[k]) || 0), 0);
  const proposed = useMemo(() => (parsed && total === 100 ? parsed : null), [parsed, total]);
  return (
    <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <form
        onSubmit={form.onSubmit}
        noValidate
        aria-label="Health weights"
        className="grid content-start gap-4"
      >
        {HEALTH_COMPONENTS.map((key) => (
          <FormField
            key={key}
            id={`weight-${key}`}
            label={`${COMPONENT_LABELS[key]} (%)`}
            error={form.errors[key]}
            description={COMPONENT_FORMULAS[key]}
          >
            <Input
              name={key}
              type="number"
              inputMode="numeric"
              min={0}
              max={100}
              step={1}
              className="w-28"
              value={draft[key]}
              onChange={(e) => setDraft((d) => ({ ...d, [key]: e.target.value }))}
            />
          </FormField>
        ))}
        <p
          id="weight-total"
          aria-live="polite"
          className={cn("text-sm font-medium", total === 100 ? "text-muted-foreground" : "text-destructive")}
          role={form.errors.total ? "alert" : undefined}
        >
          Total {total} of 100
          {form.errors.total
            ? ` — ${form.errors.total.join(" ")}`
            : total !== 100
              ? " — the weights must add up to 100"
              : ""}
        </p>
        <div>
          <Button type="submit" disabled={form.pending}>
            {form.pending ? "Saving…" : "Save weights"}
          </Button>
        </div>
      </form>
      <HealthPreview partners={preview} current={weights} proposed={proposed} />
    </div>
  );
}
