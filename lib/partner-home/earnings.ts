/** Earnings of a partner from its payable commission lines: pure aggregation, per currency. */

import { addMonths, periodStart } from "@/lib/commissions/dates";

export type LineStatus = "forecast" | "earned" | "approved" | "paid" | "clawed_back";
export type EarningsBucket = "forecast" | "pending" | "approved" | "paid";

/** What each bucket means to the partner; the totals, the chart and the filters use the same words. */
export const BUCKET_LABELS: Record<EarningsBucket, string> = {
  forecast: "Forecast",
  pending: "Earned",
  approved: "Approved",
  paid: "Paid",
};
export const BUCKET_DESCRIPTIONS: Record<EarningsBucket, string> = {
  forecast: "open deals you referred, at their expected value",
  pending: "won deals awaiting approval",
  approved: "approved, waiting for the next payout",
  paid: "sent to you",
};

export interface EarningLine {
  amountMinor: number;
  currency: string;
  dueDate: string;
  status: LineStatus;
}

export interface EarningsTotals {
  currency: string;
  period: "month" | "quarter" | "lifetime";
  forecast: number;
  pending: number;
  approved: number;
  paid: number;
}

/** Forecast (open deals) and earned (won, awaiting approval) are apart; clawbacks are negative lines and count in the bucket of their status. */
export function bucketOf(status: LineStatus): EarningsBucket | null {
  if (status === "forecast") return "forecast";
  if (status === "earned") return "pending";
  if (status === "approved") return "approved";
  if (status === "paid") return "paid";
  return null;
}

export function periodStarts(today: string): { month: string; quarter: string } {
  return { month: periodStart(today, "month"), quarter: periodStart(today, "quarter") };
}

/** This month, this quarter (lines due within the period) and lifetime totals per currency. */
export function summarizeEarnings(lines: readonly EarningLine[], today: string): EarningsTotals[] {
  const { month, quarter } = periodStarts(today);
  const monthEnd = addMonths(month, 1);
  const quarterEnd = addMonths(quarter, 3);
  const out = new Map<string, EarningsTotals>();
  const add = (
    currency: string,
    period: EarningsTotals["period"],
    bucket: EarningsBucket,
    amount: number,
  ) => {
    const key = `${currency}|${period}`;
    const row = out.get(key) ?? { currency, period, forecast: 0, pending: 0, approved: 0, paid: 0 };
    row[bucket] += amount;
    out.set(key, row);
  };
  for (const line of lines) {
    const bucket = bucketOf(line.status);
    if (!bucket) continue;
    add(line.currency, "lifetime", bucket, line.amountMinor);
    if (line.dueDate >= quarter && line.dueDate < quarterEnd) add(line.currency, "quarter", bucket, line.amountMinor);
    if (line.dueDate >= month && line.dueDate < monthEnd) add(line.currency, "month", bucket, line.amountMinor);
  }
  const order = { month: 0, quarter: 1, lifetime: 2 };
  return [...out.values()].sort(
    (a, b) => a.currency.localeCompare(b.currency) || order[a.period] - order[b.period],
  );
}

export interface MonthBar {
  month: string;
  forecast: number;
  pending: number;
  approved: number;
  paid: number;
}

/**
 * The last `months` months and the next `ahead` (by due date) in one currency, oldest first: every line
 * the totals count in those months, forecasts included, so the chart and the totals never disagree.
 */
export function earningsByMonth(
  lines: readonly EarningLine[],
  currency: string,
  today: string,
  months = 12,
  ahead = 3,
): MonthBar[] {
  const start = addMonths(periodStart(today, "month"), -(months - 1));
  const bars: MonthBar[] = Array.from({ length: months + ahead }, (_, i) => ({
    month: addMonths(start, i).slice(0, 7),
    forecast: 0,
    pending: 0,
    approved: 0,
    paid: 0,
  }));
  const index = new Map(bars.map((b, i) => [b.month, i]));
  for (const line of lines) {
    const bucket = bucketOf(line.status);
    const i = index.get(line.dueDate.slice(0, 7));
    if (!bucket || i === undefined || line.currency !== currency) continue;
    bars[i]![bucket] += line.amountMinor;
  }
  return bars;
}

export interface FunnelStep {
  key: "clicks" | "referrals" | "deals" | "won";
  label: string;
  count: number;
  /** Share of the previous step, null for the first step or when the previous is zero. */
  rate: number | null;
}

export function funnelOf(counts: {
  clicks: number;
  referrals: number;
  deals: number;
  won: number;
}): FunnelStep[] {
  const steps: [FunnelStep["key"], string][] = [
    ["clicks", "Clicks"],
    ["referrals", "Referrals"],
    ["deals", "Registrations & deals"],
    ["won", "Won"],
  ];
  return steps.map(([key, label], i) => {
    const prev = i === 0 ? null : counts[steps[i - 1]![0]];
    return { key, label, count: counts[key], rate: prev ? counts[key] / prev : null };
  });
}
