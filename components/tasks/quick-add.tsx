"use client";

import { Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { NativeSelect, NativeSelectOption } from "@/components/ui/native-select";
import { createTaskAction } from "@/lib/tasks/actions";
import { weekLabel } from "@/lib/tasks/week";
import { TASK_CATEGORIES, TASK_PRIORITIES } from "@/lib/tasks/schemas";
import { CATEGORY_LABELS, PRIORITY_LABELS } from "./labels";
import { useTaskForm } from "./use-task-form";

/** One line to capture a task for the week being viewed; details go in the sheet afterwards. */
export function QuickAdd({ week }: { week: string }) {
  const router = useRouter();
  const { errors, pending, onSubmit } = useTaskForm(createTaskAction, (task, form) => {
    form.reset();
    form.querySelector<HTMLInputElement>("input[name=title]")?.focus();
    // A due date in another week files the task there: say where, and offer the way to it.
    if (task.weekStart === week) toast.success("Task added");
    else
      toast.success(`Task added to the week of ${weekLabel(task.weekStart)}`, {
        description: "Its due date is in that week.",
        action: { label: "Open that week", onClick: () => router.push(`/tasks?week=${task.weekStart}`) },
      });
  });
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Quick add a task"
      className="grid gap-3 rounded-lg border bg-card p-3 sm:grid-cols-2 lg:grid-cols-[minmax(0,1fr)_9rem_9rem_10rem_auto] lg:items-start"
    >
      <input type="hidden" name="weekStart" value={week} />
      <FormField
        id="quick-title"
        label="New task"
        error={errors.title}
        className="sm:col-span-2 lg:col-span-1"
      >
        <Input
          name="title"
          placeholder="e.g. Send the POC success criteria to Acme"
          maxLength={300}
          autoComplete="off"
        />
      </FormField>
      <FormField id="quick-priority" label="Priority" error={errors.priority}>
        <NativeSelect name="priority" defaultValue="medium">
          {TASK_PRIORITIES.map((p) => (
            <NativeSelectOption key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="quick-category" label="Category" error={errors.category}>
        <NativeSelect name="category" defaultValue="admin">
          {TASK_CATEGORIES.map((c) => (
            <NativeSelectOption key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </NativeSelectOption>
          ))}
        </NativeSelect>
      </FormField>
      <FormField id="quick-due" label="Due" error={errors.dueDate}>
        <Input name="dueDate" type="date" />
      </FormField>
      <Button type="submit" disabled={pending} className="sm:self-end lg:mt-[1.375rem] lg:self-auto">
        <Plus aria-hidden /> {pending ? "Adding…" : "Add"}
      </Button>
    </form>
  );
}
