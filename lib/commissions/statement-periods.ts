/** Statement periods (a month or a quarter), the forecast window and the report's URL parameters. */
import { addDays, addMonths } from "./dates";

export const COMMISSION_TABS = ["statements", "forecast", "receipts", "overrides"] as const;
export type CommissionTab = (typeof COMMISSION_TABS)[number];
export type Direction = "receivable" | "payable";

export interface Period {
  key: string;
  kind: "month" | "quarter";
  /** First and last day, both inclusive. */
  start: string;
  end: string;
  label: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const pad = (n: number) => String(n).padStart(2, "0");

export function monthPeriod(year: number, month: number): Period {
  const start = `${year}-${pad(month)}-01`;
  return {
    key: `${year}-${pad(month)}`,
    kind: "month",
    start,
    end: addDays(addMonths(start, 1), -1),
    label: `${MONTHS[month - 1]} ${year}`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const start = `${year}-${pad(quarter * 3 - 2)}-01`;
  return {
    key: `${year}-Q${quarter}`,
    kind: "quarter",
    start,
    end: addDays(addMonths(start, 3), -1),
    label: `Q${quarter} ${year}`,
  };
}

function yearMonth(date: string): [number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
}

export function quarterOf(date: string): Period {
  const [year, month] = yearMonth(date);
  return quarterPeriod(year, Math.ceil(month / 3));
}

const PERIOD_KEY = /^(\d{4})-(?:Q([1-4])|(0[1-9]|1[0-2]))$/;

/** "2026-Q4" or "2026-11" → the period; anything else (or a year outside 2000–2100) → the quarter of `today`. */
export function parsePeriod(key: string | undefined, today: string): Period {
  const match = key ? PERIOD_KEY.exec(key) : null;
  const year = match ? Number(match[1]) : 0;
  if (!match || year < 2000 || year > 2100) return quarterOf(today);
  return match[2] ? quarterPeriod(year, Number(match[2])) : monthPeriod(year, Number(match[3]));
}

/** Periods offered in the picker, newest first: two quarters ahead to six back, three months ahead to twelve back. */
export function periodChoices(today: string, selected: Period): { quarters: Period[]; months: Period[] } {
  const [year, month] = yearMonth(today);
  const quarterIndex = year * 4 + Math.ceil(month / 3) - 1;
  const monthIndex = year * 12 + month - 1;
  const quarters = Array.from({ length: 9 }, (_, i) => quarterIndex + 2 - i).map((q) =>
    quarterPeriod(Math.floor(q / 4), (q % 4) + 1),
  );
  const months = Array.from({ length: 16 }, (_, i) => monthIndex + 3 - i).map((m) =>
    monthPeriod(Math.floor(m / 12), (m % 12) + 1),
  );
  const list = selected.kind === "quarter" ? quarters : months;
  if (!list.some((p) => p.key === selected.key)) list.push(selected);
  return { quarters, months };
}

/** The forecast window: the month holding `today` and the eleven after it. */
export function forecastMonths(today: string): Period[] {
  const [year, month] = yearMonth(today);
  return Array.from({ length: 12 }, (_, i) => {
    const index = year * 12 + month - 1 + i;
    return monthPeriod(Math.floor(index / 12), (index % 12) + 1);
  });
}

export interface CommissionParams {
  tab: CommissionTab;
  partner: string | undefined;
  direction: Direction | undefined;
  period: Period;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** URL search params → report view; anything malformed falls back to the default rather than failing the page. */
export function parseCommissionParams(
  search: Record<string, string | string[] | undefined>,
  today: string,
): CommissionParams {
  const get = (key: string) => {
    const value = search[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const tab = get("tab");
  const partner = get("partner");
  const direction = get("direction");
  return {
    tab: (COMMISSION_TABS as readonly string[]).includes(tab ?? "") ? (tab as CommissionTab) : "statements",
    partner: partner && UUID.test(partner) ? partner.toLowerCase() : undefined,
    direction: direction === "receivable" || direction === "payable" ? direction : undefined,
    period: parsePeriod(get("period"), today),
  };
}
