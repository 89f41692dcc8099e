export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const daysBefore = (d: Date, days: number) => new Date(d.getTime() - days * DAY);

/** Start of the calendar quarter `offset` quarters from the one containing `now` (UTC). */
export function quarterStart(now: Date, offset = 0): Date {
  const q = Math.floor(now.getUTCMonth() / 3) + offset;
  return new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
}
