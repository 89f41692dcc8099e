/** Week arithmetic on ISO dates (YYYY-MM-DD) in UTC: a week starts on Monday. Pure, so the clock is always passed in. */

const DAY_MS = 86_400_000;

const toUtcDate = (value: Date | string) =>
  typeof value === "string" ? new Date(`${value}T00:00:00Z`) : value;

export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** The Monday (UTC) of the week containing `value`. */
export function weekStartOf(value: Date | string): string {
  const date = toUtcDate(value);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return isoDate(
    new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - sinceMonday)),
  );
}

export function addDays(day: string, days: number): string {
  return isoDate(new Date(toUtcDate(day).getTime() + days * DAY_MS));
}

export const addWeeks = (weekStart: string, weeks: number) => addDays(weekStart, weeks * 7);
export const nextWeek = (weekStart: string) => addWeeks(weekStart, 1);
export const previousWeek = (weekStart: string) => addWeeks(weekStart, -1);

/** Whole weeks from one Monday to another (negative when `to` is earlier). */
export function weeksBetween(from: string, to: string): number {
  return Math.round((toUtcDate(to).getTime() - toUtcDate(from).getTime()) / (7 * DAY_MS));
}

export const isMonday = (day: string) => toUtcDate(day).getUTCDay() === 1;

/** Due before today and still open. */
export function isOverdue(
  task: { dueDate: string | null; completedAt: Date | string | null },
  today: string,
): boolean {
  return task.completedAt === null && task.dueDate !== null && task.dueDate < today;
}

const labelFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });

/** "Nov 16 – Nov 22", the Monday to Sunday of a week. */
export function weekLabel(weekStart: string): string {
  return `${labelFormat.format(toUtcDate(weekStart))} – ${labelFormat.format(toUtcDate(addDays(weekStart, 6)))}`;
}
