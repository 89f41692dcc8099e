"use client";

import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { updateTaskAction } from "@/lib/tasks/actions";
import type { TaskDetail, TaskOptions } from "@/lib/tasks/queries";
import { TASK_CATEGORIES, TASK_PRIORITIES, type TaskCategory } from "@/lib/tasks/schemas";
import { CATEGORY_LABELS, PRIORITY_LABELS } from "./labels";
import { useTaskForm } from "./use-task-form";

interface Props {
  task: TaskDetail;
  options: TaskOptions;
  /** `delegated` is true when the task went to someone else (it may leave this list). */
  onSaved: (delegated: boolean) => void;
}

function Options({ items, none }: { items: { id: string; name: string }[]; none: string }) {
  return (
    <>
      <NativeSelectOption value="">{none}</NativeSelectOption>
      {items.map((i) => (
        <NativeSelectOption key={i.id} value={i.id}>
          {i.name}
        </NativeSelectOption>
      ))}
    </>
  );
}

export function TaskForm({ task, options, onSaved }: Props) {
  const [category, setCategory] = useState<TaskCategory>(task.category);
  const { errors, pending, onSubmit } = useTaskForm(updateTaskAction, (data, form) => {
    const delegated = new FormData(form).get("assigneeId") !== task.assigneeId;
    toast.success(!data.changed ? "Nothing to save" : delegated ? "Task delegated" : "Task saved");
    if (data.changed) onSaved(delegated);
  });
  // A linked record the picker no longer lists (closed deal) stays selectable.
  const deals =
    task.opportunityId && !options.opportunities.some((o) => o.id === task.opportunityId)
      ? [{ id: task.opportunityId, name: "Linked deal (closed)" }, ...options.opportunities]
      : options.opportunities;
  return (
    <form onSubmit={onSubmit} className="grid gap-4" aria-label="Edit task">
      <input type="hidden" name="id" value={task.id} />
      <FormField id="task-title" label="Title" error={errors.title}>
        <Input name="title" defaultValue={task.title} maxLength={300} required />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="task-priority" label="Priority" error={errors.priority}>
          <NativeSelect name="priority" defaultValue={task.priority}>
            {TASK_PRIORITIES.map((p) => (
              <NativeSelectOption key={p} value={p}>
                {PRIORITY_LABELS[p]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        <FormField id="task-due" label="Due date" error={errors.dueDate}>
          <Input name="dueDate" type="date" defaultValue={task.dueDate ?? ""} />
        </FormField>
        <FormField id="task-category" label="Category" error={errors.category}>
          <NativeSelect
            name="category"
            value={category}
            onChange={(e) => setCategory(e.target.value as TaskCategory)}
          >
            {TASK_CATEGORIES.map((c) => (
              <NativeSelectOption key={c} value={c}>
                {CATEGORY_LABELS[c]}
              </NativeSelectOption>
            ))}
          </NativeSelect>
        </FormField>
        {category === "opportunity" ? (
          <FormField id="task-opportunity" label="Opportunity" error={errors.opportunityId}>
            <NativeSelect name="opportunityId" defaultValue={task.opportunityId ?? ""}>
              <Options items={deals} none="No linked deal" />
            </NativeSelect>
          </FormField>
        ) : null}
        {category === "partner" ? (
          <FormField id="task-partner" label="Partner" error={errors.partnerId}>
            <NativeSelect name="partnerId" defaultValue={task.partnerId ?? ""}>
              <Options items={options.partners} none="No linked partner" />
            </NativeSelect>
          </FormField>
        ) : null}
      </div>
      <FormField
        id="task-assignee"
        label="Assignee"
        error={errors.assigneeId}
        description="Delegate to a teammate; they see it in their week."
      >
        <NativeSelect name="assigneeId" defaultValue={task.assigneeId}>
          {options.teammates.map((t) => (
            <NativeSelectOption key={t.id} value={t.id}>
              {t.name}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="task-notes" label="Notes" error={errors.notes}>
        <Textarea name="notes" defaultValue={task.notes ?? ""} rows={4} maxLength={5000} />
      </FormField>
      <Button type="submit" disabled={pending} className="justify-self-start">
        {pending ? "Saving…" : "Save task"}
      </Button>
    </form>
  );
}
