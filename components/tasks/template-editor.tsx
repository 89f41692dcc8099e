"use client";

import { ArrowDown, ArrowUp, Plus, Trash2 } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import type { StageTemplates } from "@/lib/tasks/queries";
import { TASK_PRIORITIES } from "@/lib/tasks/schemas";
import {
  createTaskTemplateAction,
  deleteTaskTemplateAction,
  moveTaskTemplateAction,
  updateTaskTemplateAction,
} from "@/lib/tasks/template-actions";
import { PRIORITY_LABELS } from "./labels";
import { useTaskForm } from "./use-task-form";

type Template = StageTemplates["templates"][number];

function Fields({
  prefix,
  errors,
  values,
}: {
  prefix: string;
  errors: Record<string, string[]>;
  values?: Template;
}) {
  return (
    <>
      <FormField id={`${prefix}-title`} label="Checklist item" error={errors.title}>
        <Input
          name="title"
          defaultValue={values?.title}
          maxLength={300}
          placeholder="e.g. Agree the POC success criteria"
        />
      </FormField>
      <FormField id={`${prefix}-priority`} label="Priority" error={errors.priority}>
        <NativeSelect name="priority" defaultValue={values?.priority ?? "medium"}>
          {TASK_PRIORITIES.map((p) => (
            <NativeSelectOption key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id={`${prefix}-days`} label="Due after (days)" error={errors.dueInDays}>
        <Input
          name="dueInDays"
          type="number"
          min={0}
          max={365}
          defaultValue={values?.dueInDays ?? 7}
          inputMode="numeric"
        />
      </FormField>
    </>
  );
}

// Four columns only on wide screens; at tablet width the buttons wrap under the fields.
const GRID =
  "grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem_8rem] sm:items-start lg:grid-cols-[minmax(0,1fr)_8rem_8rem_auto]";
const ACTIONS = "sm:col-span-3 lg:col-span-1 lg:mt-[1.375rem]";

function TemplateRow({ item, first, last }: { item: Template; first: boolean; last: boolean }) {
  const [pending, startTransition] = useTransition();
  const {
    errors,
    pending: saving,
    onSubmit,
  } = useTaskForm(updateTaskTemplateAction, () => toast.success("Checklist item saved"));
  const run = (work: () => Promise<{ ok: boolean; error?: string }>, success: string) =>
    startTransition(async () => {
      const result = await work();
      if (result.ok) toast.success(success);
      else toast.error(result.error ?? "Could not change the item");
    });
  return (
    <li className="border-b py-3 last:border-b-0">
      <form onSubmit={onSubmit} className={GRID} aria-label={`Edit “${item.title}”`}>
        <input type="hidden" name="id" value={item.id} />
        <Fields prefix={`tpl-${item.id}`} errors={errors} values={item} />
        <div className={`flex gap-1 ${ACTIONS}`}>
          <Button type="submit" size="sm" variant="outline" disabled={saving}>
            Save
          </Button>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label={`Move “${item.title}” up`}
            disabled={first || pending}
            onClick={() => run(() => moveTaskTemplateAction({ id: item.id, direction: "up" }), "Moved up")}
          >
            <ArrowUp aria-hidden />
          </Button>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label={`Move “${item.title}” down`}
            disabled={last || pending}
            onClick={() =>
              run(() => moveTaskTemplateAction({ id: item.id, direction: "down" }), "Moved down")
            }
          >
            <ArrowDown aria-hidden />
          </Button>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            className="text-destructive"
            aria-label={`Delete “${item.title}”`}
            disabled={pending}
            onClick={() => run(() => deleteTaskTemplateAction({ id: item.id }), "Checklist item deleted")}
          >
            <Trash2 aria-hidden />
          </Button>
        </div>
      </form>
    </li>
  );
}

function AddTemplate({ stageId }: { stageId: string }) {
  const { errors, pending, onSubmit } = useTaskForm(createTaskTemplateAction, (_data, form) => {
    form.reset();
    toast.success("Checklist item added");
  });
  return (
    <form onSubmit={onSubmit} className={GRID} aria-label="Add a checklist item">
      <input type="hidden" name="stageId" value={stageId} />
      <Fields prefix={`new-${stageId}`} errors={errors} />
      <Button type="submit" size="sm" disabled={pending} className={`justify-self-start ${ACTIONS}`}>
        <Plus aria-hidden /> Add
      </Button>
    </form>
  );
}

/** One stage's checklist: moving a deal into the stage creates these as tasks for the deal's owner. */
export function StageTemplateEditor({ stage }: { stage: StageTemplates }) {
  return (
    <div className="grid gap-3">
      {stage.templates.length ? (
        <ul>
          {stage.templates.map((item, index) => (
            <TemplateRow
              key={item.id}
              item={item}
              first={index === 0}
              last={index === stage.templates.length - 1}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">
          No checklist: moving a deal into this stage creates no tasks.
        </p>
      )}
      <AddTemplate stageId={stage.id} />
    </div>
  );
}
