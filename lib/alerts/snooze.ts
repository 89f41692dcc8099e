import { DAY_MS } from "./types";
import type { SnoozeChoice } from "./schemas";

/** Snoozed alerts come back at the start of a working morning (08:00 UTC) when a whole day is picked. */
const MORNING_UTC_HOURS = 8;

const morningOf = (date: string) => new Date(`${date}T${String(MORNING_UTC_HOURS).padStart(2, "0")}:00:00Z`);

/** The Monday after `now` (never today), at 08:00 UTC. */
export function nextMonday(now: Date): Date {
  const day = now.getUTCDay(); // 0 = Sunday
  const ahead = (8 - day) % 7 || 7;
  const date = new Date(now.getTime() + ahead * DAY_MS).toISOString().slice(0, 10);
  return morningOf(date);
}

/**
 * When a snooze ends: one or three days from now, next Monday morning, or the morning of a chosen date.
 * Returns an error message instead when the custom date is not in the future or more than a year away.
 */
export function snoozeUntil(choice: SnoozeChoice, now: Date, customDate?: string): Date | { error: string } {
  if (choice === "1d") return new Date(now.getTime() + DAY_MS);
  if (choice === "3d") return new Date(now.getTime() + 3 * DAY_MS);
  if (choice === "next_monday") return nextMonday(now);
  if (!customDate) return { error: "Pick a date" };
  const until = morningOf(customDate);
  if (Number.isNaN(until.getTime())) return { error: "Pick a date" };
  if (until.getTime() <= now.getTime()) return { error: "Pick a date after today" };
  if (until.getTime() > now.getTime() + 366 * DAY_MS) return { error: "Snooze for at most a year" };
  return until;
}
