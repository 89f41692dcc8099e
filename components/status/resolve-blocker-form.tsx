"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { resolveBlockerAction } from "@/lib/status/blocker-actions";

/** The VP closes a blocker with a short note on how it was resolved. */
export function ResolveBlockerForm({ id, label }: { id: string; label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [resolution, setResolution] = useState("");
  const [error, setError] = useState<string[] | undefined>();

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await resolveBlockerAction({ id, resolution });
      if (!result.ok) {
        setError(result.fieldErrors?.resolution);
        if (!result.fieldErrors) toast.error(result.error);
        return;
      }
      toast.success("Blocker resolved");
      router.refresh();
    });
  };

  return (
    <form
      onSubmit={submit}
      aria-label={`Resolve ${label}`}
      className="flex flex-wrap items-end gap-2 print:hidden"
      noValidate
    >
      <FormField id={`resolve-${id}`} label="Resolution" error={error} className="min-w-48 flex-1">
        <Input
          value={resolution}
          maxLength={2000}
          onChange={(e) => setResolution(e.target.value)}
          placeholder="How it was unblocked"
        />
      </FormField>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Resolve
      </Button>
    </form>
  );
}
