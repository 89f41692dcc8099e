"use client";

import { CalendarClock, CheckCheck, Trash2, X } from "lucide-react";
import { useState, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { bulkTasksAction } from "@/lib/tasks/actions";
import type { BulkTasksInput } from "@/lib/tasks/schemas";

const DONE: Record<BulkTasksInput["op"], string> = {
  complete: "completed",
  reschedule: "rescheduled",
  delete: "deleted",
};

interface Props {
  ids: string[];
  today: string;
  onDone: () => void;
}

/** Actions on the selection; the server skips tasks the person may not change and says how many. */
export function BulkBar({ ids, today, onDone }: Props) {
  const [pending, startTransition] = useTransition();
  const [dueDate, setDueDate] = useState("");
  const [dueError, setDueError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function run(input: BulkTasksInput) {
    startTransition(async () => {
      const result = await bulkTasksAction(input);
      if (!result.ok) {
        if (result.fieldErrors?.dueDate) setDueError(result.fieldErrors.dueDate[0]!);
        else toast.error(result.error);
        return;
      }
      const { changed, skipped } = result.data;
      const summary = `${changed} task${changed === 1 ? "" : "s"} ${DONE[input.op]}`;
      toast.success(
        skipped ? `${summary}; ${skipped} skipped (already done, or not yours to change)` : summary,
      );
      setConfirming(false);
      setDueError(null);
      onDone();
    });
  }

  return (
    <section
      aria-label="Selected tasks"
      className="flex flex-wrap items-end gap-3 rounded-lg border bg-muted/50 p-3"
      data-testid="task-bulk-bar"
    >
      <p className="self-center text-sm font-medium" aria-live="polite">
        {ids.length} selected
      </p>
      <Button size="sm" disabled={pending} onClick={() => run({ op: "complete", ids })}>
        <CheckCheck aria-hidden /> Complete
      </Button>
      <div className="grid gap-1">
        <Label htmlFor="bulk-due" className="text-xs text-muted-foreground">
          New due date
        </Label>
        <div className="flex gap-2">
          <Input
            id="bulk-due"
            type="date"
            min={today}
            className="h-8 w-40"
            value={dueDate}
            aria-invalid={dueError ? true : undefined}
            aria-describedby={dueError ? "bulk-due-error" : undefined}
            onChange={(e) => {
              setDueDate(e.target.value);
              setDueError(null);
            }}
          />
          <Button
            size="sm"
            variant="outline"
            disabled={pending}
            onClick={() =>
              dueDate ? run({ op: "reschedule", ids, dueDate }) : setDueError("Pick the new due date")
            }
          >
            <CalendarClock aria-hidden /> Reschedule
          </Button>
        </div>
        {dueError ? (
          <p id="bulk-due-error" role="alert" className="text-xs font-medium text-destructive">
            {dueError}
          </p>
        ) : null}
      </div>
      <Button
        size="sm"
        variant="outline"
        className="text-destructive"
        disabled={pending}
        onClick={() => setConfirming(true)}
      >
        <Trash2 aria-hidden /> Delete
      </Button>
      <Button size="sm" variant="ghost" onClick={onDone}>
        <X aria-hidden /> Clear selection
      </Button>
      <Dialog open={confirming} onOpenChange={setConfirming}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>
              Delete {ids.length} task{ids.length === 1 ? "" : "s"}?
            </DialogTitle>
            <DialogDescription>
              Deleted tasks and their history cannot be recovered. Tasks someone else created stay as they
              are.
            </DialogDescription>
          </DialogHeader>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button variant="destructive" disabled={pending} onClick={() => run({ op: "delete", ids })}>
              {pending ? "Deleting…" : "Delete"}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </section>
  );
}
