"use client";

import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import { setTaskCompletedAction } from "@/lib/tasks/actions";
import type { TaskDetail, TaskOptions } from "@/lib/tasks/queries";
import { weekLabel } from "@/lib/tasks/week";
import { CATEGORY_LABELS, PRIORITY_LABELS } from "./labels";
import { TaskForm } from "./task-form";
import { TaskHistory } from "./task-history";
import { useTaskParams } from "./use-task-params";

interface Props {
  task: TaskDetail | null;
  notFound: boolean;
  options: TaskOptions;
}

function CompleteButton({ task }: { task: TaskDetail }) {
  const [pending, startTransition] = useTransition();
  const done = task.completedAt !== null;
  return (
    <Button
      variant={done ? "outline" : "default"}
      size="sm"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          const result = await setTaskCompletedAction({ id: task.id, completed: !done });
          if (result.ok) toast.success(done ? "Task reopened" : "Task completed");
          else toast.error(result.error);
        })
      }
    >
      {done ? "Reopen" : "Mark done"}
    </Button>
  );
}

/** Edit a task and read its history; the open task id lives in the URL so a reload keeps it open. */
export function TaskSheet({ task, notFound, options }: Props) {
  const { set } = useTaskParams();
  const close = () => set({ task: null });
  const names = new Map(options.teammates.map((t) => [t.id, t.name]));
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? "a former teammate") : "nobody");
  // Keep the current assignee selectable even if they left the team since.
  const withAssignee =
    task && !names.has(task.assigneeId)
      ? {
          ...options,
          teammates: [{ id: task.assigneeId, name: "Current assignee (inactive)" }, ...options.teammates],
        }
      : options;
  return (
    <Sheet open={Boolean(task) || notFound} onOpenChange={(open) => (open ? undefined : close())}>
      <SheetContent className="w-full overflow-y-auto sm:max-w-xl">
        <SheetHeader>
          <SheetTitle>{task ? task.title : "Task not found"}</SheetTitle>
          <SheetDescription>
            {task
              ? `${PRIORITY_LABELS[task.priority]} · ${CATEGORY_LABELS[task.category]} · week of ${weekLabel(task.weekStart)}`
              : "It may have been deleted, or it is not visible to you."}
          </SheetDescription>
        </SheetHeader>
        {task ? (
          <div className="grid gap-6 px-4 pb-6">
            <div className="flex flex-wrap items-center gap-2">
              <CompleteButton task={task} />
              {task.rolloverCount > 0 ? (
                <Badge variant="warning">Rolled over ×{task.rolloverCount}</Badge>
              ) : null}
              {task.completedAt ? <Badge variant="success">Done</Badge> : null}
            </div>
            <TaskForm
              key={`${task.id}:${task.events.length}`}
              task={task}
              options={withAssignee}
              onSaved={(delegated) => (delegated ? close() : undefined)}
            />
            <section aria-labelledby="task-history-heading" className="grid gap-2">
              <h3 id="task-history-heading" className="text-sm font-semibold">
                History
              </h3>
              <TaskHistory events={task.events} nameOf={nameOf} />
            </section>
          </div>
        ) : null}
      </SheetContent>
    </Sheet>
  );
}
