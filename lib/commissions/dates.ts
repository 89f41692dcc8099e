/** Calendar-date helpers on ISO "YYYY-MM-DD" strings; pure integer arithmetic so no time zone can shift a day. */
import { CommissionRuleError } from "./errors";

const ISO = /^(\d{4})-(\d{2})-(\d{2})/;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parse(value: string): Ymd {
  const match = ISO.exec(value);
  const ymd = match ? { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) } : null;
  if (!ymd || ymd.m < 1 || ymd.m > 12 || ymd.d < 1 || ymd.d > daysInMonth(ymd.y, ymd.m)) {
    throw new CommissionRuleError("invalid_date", `invalid ISO date: ${value}`);
  }
  return ymd;
}

function format({ y, m, d }: Ymd): string {
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** The calendar date of an ISO date or timestamp ("2025-03-01T10:00Z" → "2025-03-01"), validated. */
export function isoDate(value: string): string {
  return format(parse(value));
}

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    parse(value);
    return true;
  } catch {
    return false;
  }
}

export function addDays(value: string, days: number): string {
  const { y, m, d } = parse(value);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return format({ y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() });
}

/** Adds calendar months from the given date, clamping to the month's last day (Jan 31 + 1 → Feb 28/29). */
export function addMonths(value: string, months: number): string {
  const { y, m, d } = parse(value);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** First day of the month, quarter or year holding the date. */
export function periodStart(value: string, period: "month" | "quarter" | "year"): string {
  const { y, m } = parse(value);
  const month = period === "month" ? m : period === "quarter" ? m - ((m - 1) % 3) : 1;
  return format({ y, m: month, d: 1 });
}
