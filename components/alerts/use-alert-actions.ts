"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";
import { acknowledgeAlertsAction, dismissAlertsAction, snoozeAlertsAction } from "@/lib/alerts/actions";
import type { SnoozeChoice } from "@/lib/alerts/schemas";

const count = (n: number) => `${n} ${n === 1 ? "alert" : "alerts"}`;

/** Acknowledge, snooze and dismiss for one alert or a selection; field errors kept for the snooze date. */
export function useAlertActions(onDone?: () => void) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const run = (call: () => Promise<ActionResult<{ updated: number }>>, success: (n: number) => string) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setErrors({});
        toast.success(success(result.data.updated));
        onDone?.();
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors?.customDate) toast.error(result.error);
      }
    });
  return {
    pending,
    errors,
    acknowledge: (ids: string[]) =>
      run(
        () => acknowledgeAlertsAction({ ids }),
        (n) => `Acknowledged ${count(n)}`,
      ),
    dismiss: (ids: string[]) =>
      run(
        () => dismissAlertsAction({ ids }),
        (n) => `Dismissed ${count(n)}`,
      ),
    snooze: (ids: string[], until: SnoozeChoice, customDate?: string) =>
      run(
        () => snoozeAlertsAction({ ids, until, customDate: until === "custom" ? customDate : undefined }),
        (n) => `Snoozed ${count(n)}`,
      ),
  };
}
