"use client";

import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { approveRegistrationAction, rejectRegistrationAction } from "@/lib/registrations/actions";

interface Owner {
  id: string;
  name: string;
}

/** Approve (choosing the deal's owner when the reviewer may) or reject with a required reason. */
export function ReviewActions({
  id,
  customer,
  owners,
  defaultOwnerId,
}: {
  id: string;
  customer: string;
  owners: readonly Owner[];
  defaultOwnerId: string;
}) {
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [rejecting, setRejecting] = useState(false);

  function run(
    fn: () => ReturnType<typeof approveRegistrationAction | typeof rejectRegistrationAction>,
    success: string,
  ) {
    startTransition(async () => {
      const result = await fn();
      if (result.ok) {
        setErrors({});
        toast.success(success);
      } else {
        setErrors(result.fieldErrors ?? {});
        if (!result.fieldErrors) toast.error(result.error);
      }
    });
  }

  return (
    <div className="grid gap-3" data-testid={`review-${id}`}>
      <form
        className="flex flex-wrap items-end gap-2"
        aria-label={`Approve ${customer}`}
        onSubmit={(e) => {
          e.preventDefault();
          const ownerId = String(new FormData(e.currentTarget).get("ownerId") ?? "");
          run(
            () => approveRegistrationAction({ id, ownerId }),
            `Approved: ${customer} is protected and in the pipeline`,
          );
        }}
      >
        {owners.length > 1 ? (
          <FormField id={`owner-${id}`} label="Deal owner" error={errors.ownerId} className="min-w-44">
            <NativeSelect name="ownerId" defaultValue={defaultOwnerId} size="sm">
              {owners.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </NativeSelect>
          </FormField>
        ) : (
          <input type="hidden" name="ownerId" value={defaultOwnerId} />
        )}
        <Button type="submit" size="sm" disabled={pending}>
          Approve
        </Button>
        <Button
          type="button"
          size="sm"
          variant="outline"
          disabled={pending}
          onClick={() => setRejecting((v) => !v)}
          aria-expanded={rejecting}
        >
          Reject…
        </Button>
      </form>
      {rejecting ? (
        <form
          className="flex flex-wrap items-end gap-2"
          aria-label={`Reject ${customer}`}
          onSubmit={(e) => {
            e.preventDefault();
            const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
            run(() => rejectRegistrationAction({ id, reason }), `Rejected: the partner was told why`);
          }}
        >
          <FormField
            id={`reason-${id}`}
            label="Reason the partner will see"
            error={errors.reason}
            className="min-w-64 flex-1"
          >
            <Input name="reason" placeholder="Already in our pipeline through direct sales" />
          </FormField>
          <Button type="submit" size="sm" variant="destructive" disabled={pending}>
            Reject
          </Button>
        </form>
      ) : null}
    </div>
  );
}
