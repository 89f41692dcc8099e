import type { TaskDetail } from "@/lib/tasks/queries";
import { weekLabel } from "@/lib/tasks/week";
import { formatDay } from "./labels";

type TaskEvent = TaskDetail["events"][number];

const FIELD_LABELS: Record<string, string> = {
  title: "title",
  notes: "notes",
  priority: "priority",
  category: "category",
  opportunityId: "opportunity",
  partnerId: "partner",
};

const timeFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short" });
const str = (v: unknown) => (typeof v === "string" ? v : null);

function describe(event: TaskEvent, nameOf: (id: string | null) => string): string {
  const d = event.detail;
  switch (event.kind) {
    case "created":
      return d.source === "stage_template" ? "Created from the stage checklist" : "Created";
    case "edited":
      return `Edited ${((d.fields as string[] | undefined) ?? []).map((f) => FIELD_LABELS[f] ?? f).join(", ")}`;
    case "delegated":
      return str(d.from)
        ? `Delegated from ${nameOf(str(d.from))} to ${nameOf(str(d.to))}`
        : `Assigned to ${nameOf(str(d.to))}`;
    case "rescheduled": {
      const from = str(d.from);
      const to = str(d.to);
      return `Due date ${from ? formatDay(from) : "none"} → ${to ? formatDay(to) : "none"}`;
    }
    case "completed":
      return "Completed";
    case "reopened":
      return "Reopened";
    case "rolled_over": {
      const weeks = Number(d.weeks ?? 1);
      return `Rolled over to the week of ${str(d.to) ? weekLabel(str(d.to)!) : "this week"}${weeks > 1 ? ` (${weeks} weeks late)` : ""}`;
    }
  }
}

/** The task's history, oldest first: who did what, including the system's weekly rollover. */
export function TaskHistory({
  events,
  nameOf,
}: {
  events: TaskEvent[];
  nameOf: (id: string | null) => string;
}) {
  if (events.length === 0) return <p className="text-sm text-muted-foreground">No history yet.</p>;
  return (
    <ol className="grid gap-2 border-l pl-4" data-testid="task-history">
      {events.map((event) => (
        <li key={event.id} className="text-sm">
          <span className="font-medium">{describe(event, nameOf)}</span>
          <span className="block text-xs text-muted-foreground">
            {timeFormat.format(new Date(event.createdAt))} · {event.actorName ?? "Weekly rollover"}
          </span>
        </li>
      ))}
    </ol>
  );
}
