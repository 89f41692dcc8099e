"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import type { ActionResult } from "@/lib/actions/safe-action";

/** Submits one onboarding step; on success moves to the next step (or the finish screen when all are done). */
export function useStepForm<T extends { complete: boolean }>(
  action: (data: FormData) => Promise<ActionResult<T>>,
  next: string,
  success: string,
) {
  const router = useRouter();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = await action(data);
      if (!result.ok) {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
        return;
      }
      setErrors({});
      toast.success(success);
      router.push(`/portal/onboarding?step=${result.data.complete ? "done" : next}`);
      router.refresh();
    });
  }
  return { errors, pending, onSubmit };
}
