"use client";

import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { setGoalAction } from "@/lib/goals/actions";
import { useActionForm } from "./use-action-form";

export interface GoalRowProps {
  label: string;
  year: number;
  quarter: number;
  domain?: string;
  ownerId?: string;
  target: number | null;
  currency: string;
}

export function GoalRow({ label, year, quarter, domain, ownerId, target, currency }: GoalRowProps) {
  const form = useActionForm(setGoalAction, `Goal for ${label} saved`);
  const id = `goal-${domain ?? ownerId ?? "company"}`;
  return (
    <form onSubmit={form.onSubmit} noValidate className="grid grid-cols-[1fr_10rem_auto] items-start gap-3 py-2" aria-label={`Goal for ${label}`}>
      <label htmlFor={id} className="pt-2 text-sm font-medium">
        {label}
      </label>
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="quarter" value={quarter} />
      {domain ? <input type="hidden" name="domain" value={domain} /> : null}
      {ownerId ? <input type="hidden" name="ownerId" value={ownerId} /> : null}
      <div className="grid gap-1">
        <Input id={id} name="target" inputMode="numeric" defaultValue={target ?? ""} placeholder={`Target in ${currency}`} aria-invalid={form.errors.target ? true : undefined} aria-describedby={form.errors.target ? `${id}-error` : undefined} />
        {form.errors.target ? (
          <p id={`${id}-error`} role="alert" className="text-xs text-destructive">
            {form.errors.target[0]}
          </p>
        ) : null}
      </div>
      <Button type="submit" variant="outline" size="sm" className="mt-0.5" disabled={form.pending}>
        Save
      </Button>
    </form>
  );
}
