"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Submits a task form through a server action: field errors shown inline (including the database's
 * refusal of a partner assignee), other errors as a toast; `onSuccess` gets the form to reset or close.
 */
export function useTaskForm<T>(
  action: (data: FormData) => Promise<ActionResult<T>>,
  onSuccess: (data: T, form: HTMLFormElement) => void,
) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(data);
      if (result.ok) {
        setErrors({});
        onSuccess(result.data, form);
        return;
      }
      const fieldErrors =
        result.fieldErrors ?? (result.field ? { [result.field]: [result.error] } : undefined);
      setErrors(fieldErrors ?? {});
      if (!fieldErrors) toast.error(result.error);
    });
  }
  return { errors, pending, onSubmit };
}
