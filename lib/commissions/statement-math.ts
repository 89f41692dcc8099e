/**
 * Buckets, weighting and USD conversion for commission statements and the commission forecast. Pure: the
 * page, the CSV export and the tests share them. Amounts are integer minor units per currency;
 * a total never adds two currencies before converting each at a stated, dated rate.
 */
import { add, int, roundHalfAwayFromZero, ZERO, type Ratio } from "./decimal";
import { CommissionRuleError } from "./errors";
import { convertExact, quote } from "./fx";
import { forecastMonths, type Direction } from "./statement-periods";
import type { CommissionStatus, FxRate } from "./types";

export const REPORTING_CURRENCY = "USD";

/** Minor units per ISO currency code. */
export type Amounts = Record<string, number>;

export interface ConvertedRow {
  currency: string;
  amountMinor: number;
  /** In the reporting currency; null when no rate on or before the date exists ("not convertible"). */
  convertedMinor: number | null;
  /** Units of the reporting currency per unit of `currency`, as stored (an inverse pair shows as 1/x). */
  rate: string | null;
  rateDate: string | null;
}

export interface Converted {
  target: string;
  /** Each currency converts at its latest rate on or before this date. */
  asOf: string;
  rows: ConvertedRow[];
  /** Sum of the converted rows only; currencies in `missing` are never part of it. */
  totalMinor: number;
  missing: string[];
}

/**
 * Converts per-currency subtotals to the reporting currency at the latest rate on or before `asOf`. Each
 * subtotal (exact, so a weighted amount is not rounded twice) is rounded once; the total adds the rounded
 * rows, so the table adds up. A currency without a rate stays out of the total and is listed in `missing`.
 */
export function convertTotals(
  amounts: Record<string, number | Ratio>,
  asOf: string,
  rates: readonly FxRate[],
  target: string = REPORTING_CURRENCY,
): Converted {
  const currencies = Object.keys(amounts).sort((a, b) =>
    a === target ? -1 : b === target ? 1 : a.localeCompare(b),
  );
  const rows: ConvertedRow[] = [];
  const missing: string[] = [];
  for (const currency of currencies) {
    const value = amounts[currency]!;
    const exact = typeof value === "number" ? int(value) : value;
    const amountMinor = roundHalfAwayFromZero(exact);
    if (exact.num === 0n) continue;
    if (currency === target) {
      rows.push({ currency, amountMinor, convertedMinor: amountMinor, rate: "1", rateDate: null });
      continue;
    }
    try {
      const q = quote(currency, target, asOf, rates);
      const convertedMinor = roundHalfAwayFromZero(convertExact(exact, currency, target, q));
      rows.push({
        currency,
        amountMinor,
        convertedMinor,
        rate: q.inverse ? `1/${trimZeros(q.stored)}` : trimZeros(q.stored),
        rateDate: q.date,
      });
    } catch (error) {
      if (!(error instanceof CommissionRuleError) || error.code !== "fx_rate_missing") throw error;
      rows.push({ currency, amountMinor, convertedMinor: null, rate: null, rateDate: null });
      missing.push(currency);
    }
  }
  const totalMinor = rows.reduce((sum, r) => sum + (r.convertedMinor ?? 0), 0);
  return { target, asOf, rows, totalMinor, missing };
}

/** "1.0800000000" → "1.08": numeric columns come back padded to their scale. */
function trimZeros(decimal: string): string {
  return decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal;
}

export function addAmount(amounts: Amounts, currency: string, minor: number): Amounts {
  amounts[currency] = (amounts[currency] ?? 0) + minor;
  return amounts;
}

export function sumAmounts(list: readonly Amounts[]): Amounts {
  const out: Amounts = {};
  for (const amounts of list)
    for (const [currency, minor] of Object.entries(amounts)) addAmount(out, currency, minor);
  return out;
}

/** received − expected per currency: negative means the vendor still owes us, positive that it paid more. */
export function differenceOf(received: Amounts, expected: Amounts): Amounts {
  const out: Amounts = {};
  for (const currency of new Set([...Object.keys(received), ...Object.keys(expected)])) {
    out[currency] = (received[currency] ?? 0) - (expected[currency] ?? 0);
  }
  return out;
}

export type LineBucket = "expected" | "owed" | "paid" | "clawback";

/**
 * Where a line counts on a statement. Receivable: every line past forecast is expected from the vendor,
 * clawbacks netted (a clawed-back original stays, its negative clawback line reverses it). Payable: earned
 * or approved is owed, paid (or paid then clawed back) is paid, clawback lines are their own column.
 */
export function bucketOf(line: {
  direction: Direction;
  kind: string;
  status: CommissionStatus;
}): LineBucket | null {
  if (line.status === "forecast") return null;
  if (line.direction === "receivable") return "expected";
  if (line.kind === "clawback") return "clawback";
  return line.status === "paid" || line.status === "clawed_back" ? "paid" : "owed";
}

export interface LineAggregate {
  partnerId: string;
  partnerName: string;
  direction: Direction;
  kind: string;
  status: CommissionStatus;
  currency: string;
  amountMinor: number;
}

export interface ReceiptAggregate {
  partnerId: string;
  partnerName: string;
  currency: string;
  amountMinor: number;
}

export interface ReceivableSummary {
  partnerId: string;
  partnerName: string;
  expected: Amounts;
  received: Amounts;
  difference: Amounts;
}

export interface PayableSummary {
  partnerId: string;
  partnerName: string;
  owed: Amounts;
  clawbacks: Amounts;
  /** owed + clawbacks: what is still to pay once recovered clawbacks are netted. */
  net: Amounts;
  paid: Amounts;
}

const byName = <T extends { partnerName: string }>(a: T, b: T) => a.partnerName.localeCompare(b.partnerName);

/** Per-partner statement rows from grouped lines and receipts of one period. */
export function summarizeStatement(lines: readonly LineAggregate[], receipts: readonly ReceiptAggregate[]) {
  const receivable = new Map<string, ReceivableSummary>();
  const payable = new Map<string, PayableSummary>();
  const receivableOf = (p: { partnerId: string; partnerName: string }) => {
    let row = receivable.get(p.partnerId);
    if (!row)
      receivable.set(
        p.partnerId,
        (row = {
          partnerId: p.partnerId,
          partnerName: p.partnerName,
          expected: {},
          received: {},
          difference: {},
        }),
      );
    return row;
  };
  for (const line of lines) {
    const bucket = bucketOf(line);
    if (bucket === "expected") addAmount(receivableOf(line).expected, line.currency, line.amountMinor);
    else if (bucket) {
      let row = payable.get(line.partnerId);
      if (!row)
        payable.set(
          line.partnerId,
          (row = {
            partnerId: line.partnerId,
            partnerName: line.partnerName,
            owed: {},
            clawbacks: {},
            net: {},
            paid: {},
          }),
        );
      addAmount(
        bucket === "owed" ? row.owed : bucket === "paid" ? row.paid : row.clawbacks,
        line.currency,
        line.amountMinor,
      );
    }
  }
  for (const receipt of receipts)
    addAmount(receivableOf(receipt).received, receipt.currency, receipt.amountMinor);
  for (const row of receivable.values()) row.difference = differenceOf(row.received, row.expected);
  for (const row of payable.values()) row.net = sumAmounts([row.owed, row.clawbacks]);
  return { receivable: [...receivable.values()].sort(byName), payable: [...payable.values()].sort(byName) };
}

/** Probability-weighted amount, exact: Σ(amount × percent) / 100. */
export function weightedRatio(amountTimesPercent: bigint): Ratio {
  return { num: amountTimesPercent, den: 100n };
}

export interface ForecastAggregate {
  /** "YYYY-MM" of the due date, or "overdue" for lines of open deals due before the window. */
  month: string;
  direction: Direction;
  currency: string;
  amountMinor: number;
  /** Σ amount_minor × probability (0–100), exact. */
  amountTimesPercent: bigint;
}

export interface ForecastSide {
  amount: Converted;
  weighted: Converted;
}

export interface ForecastMonth {
  key: string;
  label: string;
  receivable: ForecastSide;
  payable: ForecastSide;
}

function sideOf(
  rows: readonly ForecastAggregate[],
  direction: Direction,
  asOf: string,
  rates: readonly FxRate[],
): ForecastSide {
  const amount: Record<string, Ratio> = {};
  const weighted: Record<string, Ratio> = {};
  for (const row of rows) {
    if (row.direction !== direction) continue;
    amount[row.currency] = add(amount[row.currency] ?? ZERO, int(row.amountMinor));
    weighted[row.currency] = add(weighted[row.currency] ?? ZERO, weightedRatio(row.amountTimesPercent));
  }
  return { amount: convertTotals(amount, asOf, rates), weighted: convertTotals(weighted, asOf, rates) };
}

/**
 * Forecast per month, unweighted and weighted, each month converted at the latest rate on or before its
 * last day (for future months, the latest rate known). Overdue lines convert at `today`'s rate.
 */
export function summarizeForecast(
  rows: readonly ForecastAggregate[],
  today: string,
  rates: readonly FxRate[],
) {
  const window = forecastMonths(today);
  const buckets: { key: string; label: string; asOf: string }[] = window.map((m) => ({
    key: m.key,
    label: m.label,
    asOf: m.end,
  }));
  if (rows.some((r) => r.month === "overdue"))
    buckets.unshift({ key: "overdue", label: "Overdue", asOf: today });
  const months: ForecastMonth[] = buckets.map((b) => {
    const inMonth = rows.filter((r) => r.month === b.key);
    return {
      key: b.key,
      label: b.label,
      receivable: sideOf(inMonth, "receivable", b.asOf, rates),
      payable: sideOf(inMonth, "payable", b.asOf, rates),
    };
  });
  const perCurrency = (direction: Direction) => {
    const out: Record<string, { amountMinor: number; weightedMinor: number }> = {};
    const weighted: Record<string, Ratio> = {};
    for (const r of rows) {
      if (r.direction !== direction) continue;
      out[r.currency] = {
        amountMinor: (out[r.currency]?.amountMinor ?? 0) + r.amountMinor,
        weightedMinor: 0,
      };
      weighted[r.currency] = add(weighted[r.currency] ?? ZERO, weightedRatio(r.amountTimesPercent));
    }
    for (const [currency, ratio] of Object.entries(weighted))
      out[currency]!.weightedMinor = roundHalfAwayFromZero(ratio);
    return out;
  };
  return {
    window: { start: window[0]!.start, end: window.at(-1)!.end },
    months,
    subtotals: { receivable: perCurrency("receivable"), payable: perCurrency("payable") },
  };
}

export type ForecastSummary = ReturnType<typeof summarizeForecast>;
