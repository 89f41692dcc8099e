"use client";

import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { StageRow } from "@/lib/opportunities/queries";
import { createStageAction, deleteStageAction, reorderStagesAction, updateStageAction } from "@/lib/stages/actions";
import { REQUIRED_FIELD_OPTIONS } from "@/lib/stages/schemas";
import { useActionForm } from "./use-action-form";

function StageFields({ stage, errors, idPrefix }: { stage?: StageRow; errors: Record<string, string[]>; idPrefix: string }) {
  return (
    <div className="grid items-start gap-3 sm:grid-cols-[1fr_6rem_4rem]">
      <FormField id={`${idPrefix}-name`} label="Name" error={errors.name}>
        <Input name="name" defaultValue={stage?.name ?? ""} required />
      </FormField>
      <FormField id={`${idPrefix}-probability`} label="Probability %" error={errors.probability}>
        <Input name="probability" type="number" min={0} max={100} defaultValue={stage?.probability ?? 10} />
      </FormField>
      <FormField id={`${idPrefix}-color`} label="Colour" error={errors.color}>
        <Input name="color" type="color" defaultValue={stage?.color ?? "#64748b"} className="h-9 p-1" />
      </FormField>
      <fieldset className="sm:col-span-3">
        <legend className="mb-1 text-sm font-medium">Required to enter this stage</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-2">
          {Object.entries(REQUIRED_FIELD_OPTIONS).map(([key, label]) => (
            <Label key={key} className="font-normal">
              <Checkbox name="requiredFields" value={key} defaultChecked={stage?.requiredFields.includes(key)} />
              {label}
            </Label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function StageRowEditor({ stage, index, stages }: { stage: StageRow; index: number; stages: StageRow[] }) {
  const form = useActionForm(updateStageAction, `${stage.name} saved`);
  const [pending, startTransition] = useTransition();
  const run = (fn: () => Promise<{ ok: boolean; error?: string }>, done: string) =>
    startTransition(async () => {
      const result = await fn();
      if (result.ok) toast.success(done);
      else toast.error(result.error ?? "That did not work");
    });
  const swap = (offset: number) => {
    const ids = stages.map((s) => s.id);
    [ids[index], ids[index + offset]] = [ids[index + offset]!, ids[index]!];
    run(() => reorderStagesAction({ ids }), "Order saved");
  };
  return (
    <li className="grid gap-3 rounded-lg border p-4" data-testid="stage-row">
      <form onSubmit={form.onSubmit} noValidate className="grid gap-3" aria-label={`Stage ${stage.name}`}>
        <input type="hidden" name="id" value={stage.id} />
        <StageFields stage={stage} errors={form.errors} idPrefix={`stage-${stage.id}`} />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" size="sm" disabled={form.pending}>
            Save
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Move ${stage.name} up`} disabled={pending || index === 0} onClick={() => swap(-1)}>
            <ArrowUp aria-hidden />
          </Button>
          <Button type="button" variant="ghost" size="icon" aria-label={`Move ${stage.name} down`} disabled={pending || index === stages.length - 1} onClick={() => swap(1)}>
            <ArrowDown aria-hidden />
          </Button>
          {stage.isWon || stage.isLost ? (
            <span className="text-xs text-muted-foreground">{stage.isWon ? "Closing stage: won" : "Closing stage: lost"}</span>
          ) : (
            <Button type="button" variant="ghost" size="sm" className="ml-auto text-destructive" disabled={pending} onClick={() => run(() => deleteStageAction({ id: stage.id }), `${stage.name} deleted`)}>
              <Trash2 aria-hidden /> Delete
            </Button>
          )}
        </div>
      </form>
    </li>
  );
}

export function StageEditor({ stages }: { stages: StageRow[] }) {
  const add = useActionForm(createStageAction, "Stage added");
  return (
    <div className="grid gap-4">
      <ol className="grid gap-3">
        {stages.map((stage, index) => (
          <StageRowEditor key={`${stage.id}-${stage.position}`} stage={stage} index={index} stages={stages} />
        ))}
      </ol>
      <form onSubmit={add.onSubmit} noValidate className="grid gap-3 rounded-lg border border-dashed p-4" aria-label="Add a stage">
        <h3 className="text-sm font-semibold">Add a stage</h3>
        <StageFields errors={add.errors} idPrefix="new-stage" />
        <div>
          <Button type="submit" size="sm" disabled={add.pending}>
            Add stage
          </Button>
        </div>
      </form>
    </div>
  );
}
