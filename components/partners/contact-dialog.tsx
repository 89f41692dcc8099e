"use client";

import { useState } from "react";
import { useActionForm } from "@/components/settings/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { saveContactAction } from "@/lib/health/actions";

export interface ContactView {
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  title: string | null;
}

/** Add a contact, or edit one when `contact` is given. */
export function ContactDialog({
  partnerId,
  contact,
  isPrimary = false,
}: {
  partnerId: string;
  contact?: ContactView;
  isPrimary?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const form = useActionForm(
    async (data: FormData) => {
      const result = await saveContactAction(data);
      if (result.ok) setOpen(false);
      return result;
    },
    contact ? "Contact saved" : "Contact added",
  );
  const prefix = contact ? `contact-${contact.id}` : "contact-new";
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button
          variant={contact ? "ghost" : "outline"}
          size="sm"
          aria-label={contact ? `Edit ${contact.name}` : undefined}
        >
          {contact ? "Edit" : "Add contact"}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{contact ? `Edit ${contact.name}` : "Add a contact"}</DialogTitle>
          <DialogDescription>People at the partner your team works with.</DialogDescription>
        </DialogHeader>
        <form
          onSubmit={form.onSubmit}
          noValidate
          className="grid gap-4"
          aria-label={contact ? "Edit contact" : "Add contact"}
        >
          <input type="hidden" name="partnerId" value={partnerId} />
          {contact ? <input type="hidden" name="contactId" value={contact.id} /> : null}
          <FormField id={`${prefix}-name`} label="Name" error={form.errors.name}>
            <Input name="name" defaultValue={contact?.name ?? ""} maxLength={200} autoComplete="off" />
          </FormField>
          <FormField id={`${prefix}-title`} label="Title" error={form.errors.title}>
            <Input name="title" defaultValue={contact?.title ?? ""} maxLength={120} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id={`${prefix}-email`} label="Email" error={form.errors.email}>
              <Input name="email" type="email" defaultValue={contact?.email ?? ""} />
            </FormField>
            <FormField id={`${prefix}-phone`} label="Phone" error={form.errors.phone}>
              <Input name="phone" type="tel" defaultValue={contact?.phone ?? ""} maxLength={50} />
            </FormField>
          </div>
          <div className="flex items-center gap-2">
            <Checkbox
              id={`${prefix}-primary`}
              name="primary"
              defaultChecked={isPrimary}
              disabled={isPrimary}
            />
            <Label htmlFor={`${prefix}-primary`}>Primary contact</Label>
          </div>
          <div>
            <Button type="submit" disabled={form.pending}>
              {contact ? "Save contact" : "Add contact"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
