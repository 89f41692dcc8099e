"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { toast } from "sonner";
import { DOMAIN_LABELS } from "@/components/partners/labels";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { createOpportunityAction, updateOpportunityAction } from "@/lib/opportunities/actions";
import type { PipelineOptions, StageRow } from "@/lib/opportunities/queries";
import { DOMAINS } from "@/lib/opportunities/schemas";

export interface OpportunityFormValues {
  id?: string;
  customerName?: string;
  title?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  technicalContactName?: string | null;
  technicalContactEmail?: string | null;
  value?: string;
  currency?: string;
  ownerId?: string;
  isvPartnerId?: string | null;
  referringPartnerId?: string | null;
  domain?: string | null;
  expectedCloseDate?: string | null;
  notes?: string | null;
  stageId?: string;
}

interface Props {
  values: OpportunityFormValues;
  options: PipelineOptions;
  stages: StageRow[];
  currentUserId: string;
  canAssign: boolean;
  onSaved: (id: string) => void;
}

export function OpportunityForm({ values, options, stages, currentUserId, canAssign, onSaved }: Props) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();
  const editing = Boolean(values.id);
  const formRef = useRef<HTMLFormElement>(null);
  // After a refused save, the first field that needs attention takes the focus (and scrolls into view).
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const result = editing ? await updateOpportunityAction(data) : await createOpportunityAction(data);
      if (result.ok) {
        setErrors({});
        toast.success(editing ? "Opportunity saved" : "Opportunity created");
        onSaved(result.data.id);
      } else {
        // A stage rule of the database names its column (technical_contact_name): shown on that field.
        const ruleField = result.field ? { [camelCase(result.field)]: [result.error] } : undefined;
        const fieldErrors = result.fieldErrors ?? ruleField;
        setErrors(fieldErrors ?? {});
        if (!fieldErrors) toast.error(result.error);
      }
    });
  }

  const text = (name: keyof OpportunityFormValues, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <FormField id={`opp-${name}`} label={label} error={errors[name]}>
      <Input name={name} defaultValue={(values[name] as string | null | undefined) ?? ""} {...props} />
    </FormField>
  );
  const partnerSelect = (name: "isvPartnerId" | "referringPartnerId", label: string, list: { id: string; name: string }[]) => (
    <FormField id={`opp-${name}`} label={label} error={errors[name]}>
      <NativeSelect name={name} defaultValue={values[name] ?? ""}>
        <NativeSelectOption value="">None</NativeSelectOption>
        {list.map((p) => (
          <NativeSelectOption key={p.id} value={p.id}>
            {p.name}
          </NativeSelectOption>
        ))}
      </NativeSelect>
    </FormField>
  );

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="grid gap-4" aria-label={editing ? "Edit opportunity" : "New opportunity"}>
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}
      {text("customerName", "Customer", { required: true, autoFocus: !editing })}
      {text("title", "Deal title")}
      <div className="grid gap-4 sm:grid-cols-[1fr_7rem]">
        {text("value", "Value", { inputMode: "decimal", required: true, placeholder: "125,000" })}
        {text("currency", "Currency", { maxLength: 3, className: "uppercase" })}
      </div>
      {!editing ? (
        <FormField id="opp-stageId" label="Stage" error={errors.stageId}>
          <NativeSelect name="stageId" defaultValue={values.stageId ?? stages[0]?.id}>
            {stages.filter((s) => !s.isWon && !s.isLost).map((s) => (
              <NativeSelectOption key={s.id} value={s.id}>
                {s.name}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
      ) : null}
      <FormField id="opp-ownerId" label="Owner" error={errors.ownerId}>
        <NativeSelect name="ownerId" defaultValue={values.ownerId ?? currentUserId} disabled={!canAssign}>
          {options.owners.map((o) => (
            <NativeSelectOption key={o.id} value={o.id}>
              {o.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      {!canAssign ? <input type="hidden" name="ownerId" value={values.ownerId ?? currentUserId} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {partnerSelect("isvPartnerId", "ISV partner", options.isvPartners)}
        {partnerSelect("referringPartnerId", "Referring partner", options.programPartners)}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="opp-domain" label="Domain" error={errors.domain}>
          <NativeSelect name="domain" defaultValue={values.domain ?? ""}>
            <NativeSelectOption value="">Not set</NativeSelectOption>
            {DOMAINS.map((d) => (
              <NativeSelectOption key={d} value={d}>
                {DOMAIN_LABELS[d]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        {text("expectedCloseDate", "Expected close", { type: "date" })}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        {text("contactName", "Customer contact")}
        {text("contactEmail", "Contact email", { type: "email" })}
        {text("technicalContactName", "Technical contact")}
        {text("technicalContactEmail", "Technical contact email", { type: "email" })}
      </div>
      <FormField id="opp-notes" label="Notes" error={errors.notes}>
        <Textarea name="notes" rows={3} defaultValue={values.notes ?? ""} maxLength={5000} />
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner size="sm" label="Saving" /> : null}
          {editing ? "Save changes" : "Create opportunity"}
        </Button>
      </div>
    </form>
  );
}

function camelCase(column: string): string {
  return column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}
