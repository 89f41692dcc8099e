"use client";

import { CheckCircle2, Circle, Handshake, Target } from "lucide-react";
import Link from "next/link";
import { useTransition } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { setTaskCompletedAction } from "@/lib/tasks/actions";
import type { TaskRow as Task } from "@/lib/tasks/queries";
import { isOverdue } from "@/lib/tasks/week";
import { cn } from "@/lib/utils";
import { CATEGORY_LABELS, formatDay, PRIORITY_BADGE, PRIORITY_LABELS } from "./labels";

interface Props {
  task: Task;
  today: string;
  selected: boolean;
  showAssignee: boolean;
  onSelect: (checked: boolean) => void;
  onOpen: () => void;
}

function RecordLink({ task }: { task: Task }) {
  if (task.opportunityId && task.opportunityName) {
    return (
      <Link
        href={`/pipeline?opportunity=${task.opportunityId}`}
        className="inline-flex items-center gap-1 text-xs text-muted-foreground underline-offset-2 hover:underline"
      >
        <Target aria-hidden className="size-3" /> {task.opportunityName}
      </Link>
    );
  }
  if (task.partnerId && task.partnerName) {
    return (
      <Link
        href={`/partners/${task.partnerId}`}
        className="inline-flex items-center gap-1 text-xs text-muted-foreground underline-offset-2 hover:underline"
      >
        <Handshake aria-hidden className="size-3" /> {task.partnerName}
      </Link>
    );
  }
  return null;
}

export function TaskRow({ task, today, selected, showAssignee, onSelect, onOpen }: Props) {
  const [pending, startTransition] = useTransition();
  const done = task.completedAt !== null;
  const overdue = isOverdue(task, today);
  const toggle = () =>
    startTransition(async () => {
      const result = await setTaskCompletedAction({ id: task.id, completed: !done });
      if (!result.ok) toast.error(result.error);
    });
  return (
    <li
      className={cn(
        "flex items-start gap-3 px-3 py-2.5",
        overdue && "bg-destructive/5",
        done && "opacity-70",
      )}
      data-testid="task-row"
      data-overdue={overdue || undefined}
    >
      <Checkbox
        className="mt-2.5"
        checked={selected}
        onCheckedChange={(c) => onSelect(c === true)}
        aria-label={`Select “${task.title}”`}
      />
      <Button
        variant="ghost"
        size="icon"
        className="shrink-0"
        disabled={pending}
        aria-pressed={done}
        aria-label={done ? `Reopen “${task.title}”` : `Mark “${task.title}” done`}
        onClick={toggle}
      >
        {done ? <CheckCircle2 aria-hidden className="text-success" /> : <Circle aria-hidden />}
      </Button>
      <div className="grid min-w-0 flex-1 gap-1 pt-1.5">
        <button
          type="button"
          onClick={onOpen}
          className={cn(
            "truncate text-left text-sm font-medium outline-none hover:underline focus-visible:underline",
            done && "line-through",
          )}
        >
          {task.title}
        </button>
        <div className="flex flex-wrap items-center gap-1.5">
          <Badge variant={PRIORITY_BADGE[task.priority]}>{PRIORITY_LABELS[task.priority]}</Badge>
          <Badge variant="outline">{CATEGORY_LABELS[task.category]}</Badge>
          {task.rolloverCount > 0 ? (
            <Badge
              variant="warning"
              title={`Carried over from an earlier week ${task.rolloverCount} time${task.rolloverCount === 1 ? "" : "s"}`}
            >
              Rolled over ×{task.rolloverCount}
            </Badge>
          ) : null}
          {overdue ? <Badge variant="destructive">Overdue</Badge> : null}
          <RecordLink task={task} />
          {showAssignee ? <span className="text-xs text-muted-foreground">→ {task.assigneeName}</span> : null}
        </div>
      </div>
      <p
        className={cn(
          "shrink-0 pt-2 text-xs tabular-nums text-muted-foreground",
          overdue && "font-medium text-destructive",
        )}
      >
        {task.dueDate ? `Due ${formatDay(task.dueDate)}` : "No due date"}
      </p>
    </li>
  );
}
