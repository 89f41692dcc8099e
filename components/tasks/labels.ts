import type { TaskCategory, TaskPriority } from "@/lib/tasks/schemas";

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: "Low",
  medium: "Medium",
  high: "High",
  urgent: "Urgent",
};

export const PRIORITY_BADGE: Record<TaskPriority, "outline" | "secondary" | "warning" | "destructive"> = {
  low: "outline",
  medium: "secondary",
  high: "warning",
  urgent: "destructive",
};

export const CATEGORY_LABELS: Record<TaskCategory, string> = {
  opportunity: "Opportunity",
  partner: "Partner",
  admin: "Admin",
};

export const STATUS_LABELS = { all: "All", open: "Open", overdue: "Overdue", done: "Done" } as const;

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 20" for an ISO date, read in UTC so the day never shifts with the viewer's zone. */
export const formatDay = (day: string) => dateFormat.format(new Date(`${day}T00:00:00Z`));
