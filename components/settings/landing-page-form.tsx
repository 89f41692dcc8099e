"use client";

import { useRef, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/actions/safe-action";
import {
  createLandingPageAction,
  setDefaultLandingPageAction,
  setLandingPageActiveAction,
} from "@/lib/landing-pages/actions";
import { useActionForm } from "./use-action-form";

export function LandingPageForm() {
  const ref = useRef<HTMLFormElement>(null);
  const form = useActionForm(createLandingPageAction, () => {
    ref.current?.reset();
    return "Landing page added";
  });
  return (
    <form
      ref={ref}
      onSubmit={form.onSubmit}
      noValidate
      aria-label="Add a landing page"
      className="grid items-start gap-3 sm:grid-cols-[1fr_1.5fr_auto]"
    >
      <FormField id="lp-name" label="Name" error={form.errors.name}>
        <Input name="name" maxLength={120} placeholder="Security pitch" />
      </FormField>
      <FormField
        id="lp-url"
        label="Path or https URL"
        error={form.errors.url}
        description="A path of this app (/welcome) or an https:// address."
      >
        <Input name="url" maxLength={500} placeholder="/welcome or https://www.example.com/partners" />
      </FormField>
      <Button type="submit" disabled={form.pending} className="sm:mt-[1.375rem]">
        Add page
      </Button>
    </form>
  );
}

function useRowAction() {
  const [pending, startTransition] = useTransition();
  const run = (call: () => Promise<ActionResult<unknown>>, success: string) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) toast.success(success);
      else toast.error(result.error);
    });
  return { pending, run };
}

export function LandingPageControls({
  id,
  name,
  active,
  isDefault,
}: {
  id: string;
  name: string;
  active: boolean;
  isDefault: boolean;
}) {
  const { pending, run } = useRowAction();
  return (
    <div className="flex justify-end gap-1">
      {isDefault ? null : (
        <Button
          type="button"
          variant="ghost"
          size="sm"
          disabled={pending}
          aria-label={`${active ? "Turn off" : "Turn on"} ${name}`}
          onClick={() =>
            run(
              () => setLandingPageActiveAction({ id, active: !active }),
              active ? `${name} turned off` : `${name} turned on`,
            )
          }
        >
          {active ? "Turn off" : "Turn on"}
        </Button>
      )}
      {isDefault || !active ? null : (
        <Button
          type="button"
          variant="outline"
          size="sm"
          disabled={pending}
          aria-label={`Make ${name} the default`}
          onClick={() => run(() => setDefaultLandingPageAction({ id }), `${name} is now the default`)}
        >
          Make default
        </Button>
      )}
    </div>
  );
}
