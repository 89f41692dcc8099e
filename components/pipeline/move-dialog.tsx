"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

/** Fields a stage can require that the move dialog can ask for (an ISV partner is chosen in the deal sheet). */
export const ASKABLE_FIELDS = ["technical_contact_name", "contact_name", "expected_close_date"] as const;
export type AskableField = (typeof ASKABLE_FIELDS)[number];

export interface MoveNeeds {
  justification: boolean;
  won: boolean;
  lost: boolean;
  /** Required by the target stage and missing on the deal. */
  fields: AskableField[];
}

export interface MoveExtra {
  justification?: string;
  finalValue?: string;
  closeDate?: string;
  lossReason?: string;
  technicalContactName?: string;
  technicalContactEmail?: string;
  contactName?: string;
  contactEmail?: string;
  expectedCloseDate?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Reads a contact pair from the form: the name is required, the email optional but well formed. */
function readContact(data: FormData, prefix: "technicalContact" | "contact", who: string, next: Record<string, string>) {
  const name = String(data.get(`${prefix}Name`) ?? "").trim();
  const email = String(data.get(`${prefix}Email`) ?? "").trim();
  if (!name) next[`${prefix}Name`] = `Name the ${who}`;
  if (email && !EMAIL.test(email)) next[`${prefix}Email`] = "Enter a valid email";
  return { name, email: email || undefined };
}

interface Props {
  open: boolean;
  customerName: string;
  stageName: string;
  needs: MoveNeeds;
  defaultValue: string;
  currency: string;
  lossReasons: { id: string; label: string }[];
  onConfirm: (extra: MoveExtra) => void;
  onCancel: () => void;
}

/** Asks for what a move needs before it is sent: a justification to go back, the final numbers to win, a reason to lose. */
export function MoveDialog({ open, customerName, stageName, needs, defaultValue, currency, lossReasons, onConfirm, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const today = new Date().toISOString().slice(0, 10);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const extra: MoveExtra = {};
    const next: Record<string, string> = {};
    if (needs.justification) {
      extra.justification = String(data.get("justification") ?? "").trim();
      if (!extra.justification) next.justification = "Say why the deal is moving back";
    }
    if (needs.won) {
      extra.finalValue = String(data.get("finalValue") ?? "").trim();
      extra.closeDate = String(data.get("closeDate") ?? "");
      if (!/^\d[\d,]*(\.\d+)?$/.test(extra.finalValue) || Number(extra.finalValue.replace(/,/g, "")) <= 0) next.finalValue = "Enter the final value, more than zero";
      if (!extra.closeDate) next.closeDate = "Enter the close date";
    }
    if (needs.lost) {
      extra.lossReason = String(data.get("lossReason") ?? "");
      if (!extra.lossReason) next.lossReason = "Choose why the deal was lost";
    }
    if (needs.fields.includes("technical_contact_name")) {
      const c = readContact(data, "technicalContact", "technical contact", next);
      extra.technicalContactName = c.name;
      extra.technicalContactEmail = c.email;
    }
    if (needs.fields.includes("contact_name")) {
      const c = readContact(data, "contact", "customer contact", next);
      extra.contactName = c.name;
      extra.contactEmail = c.email;
    }
    if (needs.fields.includes("expected_close_date")) {
      extra.expectedCloseDate = String(data.get("expectedCloseDate") ?? "");
      if (!extra.expectedCloseDate) next.expectedCloseDate = "Enter the expected close date";
    }
    setErrors(next);
    if (Object.keys(next).length === 0) onConfirm(extra);
  }

  return (
    <Dialog open={open} onOpenChange={(o) => (o ? undefined : onCancel())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>
            Move {customerName} to {stageName}
          </DialogTitle>
          <DialogDescription>
            {needs.won
              ? "Confirm the final numbers of the won deal."
              : needs.lost
                ? "Record why this deal was lost."
                : needs.justification
                  ? "Moving a deal back needs a reason; it goes into the deal's history."
                  : `${stageName} needs these details before the deal can move; they are saved on the deal.`}
          </DialogDescription>
        </DialogHeader>
        <form id="move-form" noValidate onSubmit={submit} className="grid gap-4">
          {needs.won ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="finalValue" label={`Final value (${currency})`} error={errors.finalValue}>
                <Input name="finalValue" inputMode="decimal" defaultValue={defaultValue} autoFocus />
              </FormField>
              <FormField id="closeDate" label="Close date" error={errors.closeDate}>
                <Input name="closeDate" type="date" defaultValue={today} />
              </FormField>
            </div>
          ) : null}
          {needs.lost ? (
            <FormField id="lossReason" label="Loss reason" error={errors.lossReason}>
              <NativeSelect name="lossReason" defaultValue="" autoFocus>
                <NativeSelectOption value="" disabled>
                  Choose a reason
                </NativeSelectOption>
                {lossReasons.map((r) => (
                  <NativeSelectOption key={r.id} value={r.label}>
                    {r.label}
                  </NativeSelectOption>
                ))}
              </NativeSelect>
            </FormField>
          ) : null}
          {needs.fields.includes("technical_contact_name") ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="technicalContactName" label="Technical contact" error={errors.technicalContactName}>
                <Input name="technicalContactName" autoComplete="off" autoFocus />
              </FormField>
              <FormField id="technicalContactEmail" label="Technical contact email (optional)" error={errors.technicalContactEmail}>
                <Input name="technicalContactEmail" type="email" autoComplete="off" />
              </FormField>
            </div>
          ) : null}
          {needs.fields.includes("contact_name") ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField id="contactName" label="Customer contact" error={errors.contactName}>
                <Input name="contactName" autoComplete="off" autoFocus={!needs.fields.includes("technical_contact_name")} />
              </FormField>
              <FormField id="contactEmail" label="Customer contact email (optional)" error={errors.contactEmail}>
                <Input name="contactEmail" type="email" autoComplete="off" />
              </FormField>
            </div>
          ) : null}
          {needs.fields.includes("expected_close_date") ? (
            <FormField id="expectedCloseDate" label="Expected close date" error={errors.expectedCloseDate}>
              <Input name="expectedCloseDate" type="date" />
            </FormField>
          ) : null}
          {needs.justification ? (
            <FormField id="justification" label="Justification" error={errors.justification}>
              <Textarea name="justification" rows={3} maxLength={1000} placeholder="What changed?" autoFocus={!needs.won && !needs.lost} />
            </FormField>
          ) : null}
        </form>
        <DialogFooter>
          <Button type="button" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" form="move-form">
            Move deal
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
