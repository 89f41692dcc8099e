"use client";

import { ListTodo } from "lucide-react";
import { useMemo, useState } from "react";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import type { TaskRow as Task } from "@/lib/tasks/queries";
import { isOverdue } from "@/lib/tasks/week";
import { BulkBar } from "./bulk-bar";
import { TaskRow } from "./task-row";
import { useTaskParams } from "./use-task-params";

interface Props {
  tasks: Task[];
  today: string;
  filtered: boolean;
  showAssignee: boolean;
}

export function TaskList({ tasks, today, filtered, showAssignee }: Props) {
  const { set } = useTaskParams();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  // Drop selections of tasks that left the list (deleted, filtered out, another week).
  const selected = useMemo(() => tasks.filter((t) => picked.has(t.id)).map((t) => t.id), [tasks, picked]);
  const done = tasks.filter((t) => t.completedAt).length;
  const overdue = tasks.filter((t) => isOverdue(t, today)).length;

  if (tasks.length === 0) {
    return (
      <EmptyState
        icon={ListTodo}
        title={filtered ? "No tasks match these filters" : "Nothing planned for this week"}
        description={
          filtered
            ? "Clear a filter to see more."
            : "Add a task above; unfinished tasks from last week roll over here automatically."
        }
      />
    );
  }

  const toggle = (id: string, checked: boolean) =>
    setPicked((prev) => {
      const next = new Set(prev);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const allChecked = selected.length === tasks.length ? true : selected.length > 0 ? "indeterminate" : false;

  return (
    <section aria-labelledby="task-list-heading" className="grid gap-3">
      {selected.length > 0 ? (
        <BulkBar ids={selected} today={today} onDone={() => setPicked(new Set())} />
      ) : null}
      <div className="rounded-lg border">
        <div className="flex flex-wrap items-center gap-3 border-b px-3 py-2">
          <Checkbox
            checked={allChecked}
            onCheckedChange={(c) => setPicked(c === true ? new Set(tasks.map((t) => t.id)) : new Set())}
            aria-label="Select all tasks"
          />
          <h2 id="task-list-heading" className="text-sm font-semibold">
            {tasks.length} task{tasks.length === 1 ? "" : "s"}
          </h2>
          <p className="text-xs text-muted-foreground" data-testid="task-summary">
            {done} done · {tasks.length - done} open{overdue ? ` · ${overdue} overdue` : ""}
          </p>
        </div>
        <ul className="divide-y">
          {tasks.map((task) => (
            <TaskRow
              key={task.id}
              task={task}
              today={today}
              selected={picked.has(task.id)}
              showAssignee={showAssignee}
              onSelect={(checked) => toggle(task.id, checked)}
              onOpen={() => set({ task: task.id })}
            />
          ))}
        </ul>
      </div>
    </section>
  );
}
