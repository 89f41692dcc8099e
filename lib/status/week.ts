/** Week math for weekly statuses: weeks start on Monday (ISO), all in UTC. */

const DAY_MS = 86_400_000;

/** Friday 17:00 UTC: the submission deadline, as an offset from Monday 00:00. */
export const STATUS_DEADLINE_OFFSET_MS = 4 * DAY_MS + 17 * 3_600_000;

/** The Monday (YYYY-MM-DD) of the ISO week containing `date`. */
export function weekStartOf(date: Date): string {
  const day = (date.getUTCDay() + 6) % 7;
  const monday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day));
  return monday.toISOString().slice(0, 10);
}

export function addWeeks(weekStart: string, weeks: number): string {
  const d = new Date(`${weekStart}T00:00:00Z`);
  return new Date(d.getTime() + weeks * 7 * DAY_MS).toISOString().slice(0, 10);
}

export function weekBounds(weekStart: string): { from: Date; to: Date } {
  const from = new Date(`${weekStart}T00:00:00Z`);
  return { from, to: new Date(from.getTime() + 7 * DAY_MS) };
}

export function deadlineOf(weekStart: string): Date {
  return new Date(new Date(`${weekStart}T00:00:00Z`).getTime() + STATUS_DEADLINE_OFFSET_MS);
}

export function isMonday(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).getUTCDay() === 1;
}

export type Compliance = "submitted" | "late" | "missing" | "pending";

/** On time, late, missing (deadline passed with nothing submitted) or pending (still time). */
export function complianceOf(weekStart: string, submittedAt: Date | null, now: Date): Compliance {
  const deadline = deadlineOf(weekStart);
  if (submittedAt) return submittedAt.getTime() > deadline.getTime() ? "late" : "submitted";
  return now.getTime() > deadline.getTime() ? "missing" : "pending";
}

export function formatWeek(weekStart: string): string {
  const { from } = weekBounds(weekStart);
  const friday = new Date(from.getTime() + 4 * DAY_MS);
  const fmt = (d: Date) => d.toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  return `${fmt(from)} – ${fmt(friday)}, ${from.getUTCFullYear()}`;
}
