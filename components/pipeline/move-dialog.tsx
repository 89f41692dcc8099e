"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";

export interface MoveNeeds {
  justification: boolean;
  won: boolean;
  lost: boolean;
}

export interface MoveExtra {
  justification?: string;
  finalValue?: string;
  closeDate?: string;
  lossReason?: string;
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
            {needs.won ? "Confirm the final numbers of the won deal." : needs.lost ? "Record why this deal was lost." : "Moving a deal back needs a reason; it goes into the deal's history."}
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
