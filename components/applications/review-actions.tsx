"use client";

import { Check, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { approveApplicationAction, rejectApplicationAction } from "@/lib/applications/actions";

export function ApproveButton({ applicationId, company }: { applicationId: string; company: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      size="sm"
      disabled={pending}
      aria-label={`Approve ${company}`}
      onClick={() =>
        startTransition(async () => {
          const result = await approveApplicationAction({ applicationId });
          if (result.ok)
            toast.success(
              result.data.invitationId
                ? `${company} approved: the invitation is on its way`
                : `${company} approved: the partner can sign in and onboard`,
            );
          else toast.error(result.error);
        })
      }
    >
      {pending ? <Spinner size="sm" label="Approving" /> : <Check aria-hidden />}
      Approve
    </Button>
  );
}

export function RejectDialog({ applicationId, company }: { applicationId: string; company: string }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string[] | undefined>();
  const [pending, startTransition] = useTransition();
  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "");
    startTransition(async () => {
      const result = await rejectApplicationAction({ applicationId, reason });
      if (result.ok) {
        toast.success(`${company} was told the outcome by email`);
        setOpen(false);
      } else if (result.fieldErrors) setError(result.fieldErrors.reason);
      else toast.error(result.error);
    });
  }
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button size="sm" variant="outline" aria-label={`Reject ${company}`}>
          <X aria-hidden />
          Reject
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form onSubmit={onSubmit} noValidate className="grid gap-4">
          <DialogHeader>
            <DialogTitle>Reject {company}?</DialogTitle>
            <DialogDescription>The applicant receives this reason by email.</DialogDescription>
          </DialogHeader>
          <FormField id={`reason-${applicationId}`} label="Reason" error={error}>
            <Textarea name="reason" rows={4} required maxLength={1000} />
          </FormField>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" variant="destructive" disabled={pending}>
              {pending ? <Spinner size="sm" label="Rejecting" /> : null}
              Reject and email
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
