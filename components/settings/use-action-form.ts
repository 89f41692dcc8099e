"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";

/** Runs a server action from a form: field errors inline, other errors as a toast, success as a toast. */
export function useActionForm<T>(action: (data: FormData) => Promise<ActionResult<T>>, success: string | ((data: T) => string)) {
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
        toast.success(typeof success === "string" ? success : success(result.data));
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }
  return { errors, pending, onSubmit };
}
