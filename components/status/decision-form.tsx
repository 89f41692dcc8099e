"use client";

import { useId, useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { recordDecisionAction } from "@/lib/status/meeting-actions";

interface Teammate {
  id: string;
  name: string;
}

/** Records a meeting decision as a task for a teammate; the form stays open for the next one. */
export function DecisionForm({ teammates, context }: { teammates: Teammate[]; context?: string }) {
  const [pending, startTransition] = useTransition();
  const [title, setTitle] = useState(context ? `Follow up: ${context}`.slice(0, 300) : "");
  const [assigneeId, setAssigneeId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string[]>([]);
  const idBase = `decision${useId().replace(/:/g, "")}`;

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await recordDecisionAction({ title, assigneeId, dueDate });
      if (!result.ok) {
        const field = result.field ? { [result.field]: [result.error] } : undefined;
        setErrors(result.fieldErrors ?? field ?? {});
        if (!result.fieldErrors && !field) toast.error(result.error);
        return;
      }
      const who = teammates.find((t) => t.id === assigneeId)?.name ?? "the assignee";
      setDone((d) => [...d, `${title} → ${who}`]);
      toast.success(`Task created for ${who}`);
      setErrors({});
      setTitle("");
      setDueDate("");
    });
  };

  return (
    <div className="grid gap-2 print:hidden">
      {done.length ? (
        <ul className="grid gap-1 text-sm text-success" aria-label="Decisions recorded">
          {done.map((d, i) => (
            <li key={i}>✓ {d}</li>
          ))}
        </ul>
      ) : null}
      <form
        onSubmit={submit}
        aria-label="Record a decision"
        className="grid gap-3 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto_auto] sm:items-end"
        noValidate
      >
        <FormField id={`${idBase}-title`} label="Decision" error={errors.title}>
          <Input
            value={title}
            maxLength={300}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="What was decided, as a task"
          />
        </FormField>
        <FormField id={`${idBase}-assignee`} label="Owner" error={errors.assigneeId}>
          <NativeSelect value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
            <option value="">Choose a teammate</option>
            {teammates.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id={`${idBase}-due`} label="Due" error={errors.dueDate}>
          <Input type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        </FormField>
        <Button type="submit" disabled={pending}>
          Record as task
        </Button>
      </form>
    </div>
  );
}
