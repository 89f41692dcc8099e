/**
 * CSV bodies of the commission statement and forecast exports. Amounts are major units beside their
 * currency; the USD columns use the same rate dates as the page and stay blank when no rate exists.
 */
import { toCsv } from "@/lib/csv/parse";
import { minorToAmount } from "@/lib/money";
import { roundHalfAwayFromZero } from "./decimal";
import { convertTotals, REPORTING_CURRENCY, weightedRatio } from "./statement-math";
import { monthPeriod, type Period } from "./statement-periods";
import type { FxRate } from "./types";

interface StatementCsvLine {
  id: string;
  partnerName: string;
  direction: string;
  customerName: string;
  dealTitle: string | null;
  label: string;
  kind: string;
  status: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
}

interface ForecastCsvLine {
  id: string;
  partnerName: string;
  direction: string;
  customerName: string;
  dealTitle: string | null;
  stageName: string;
  probability: number;
  label: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
}

const usd = REPORTING_CURRENCY.toLowerCase();

/**
 * A numeric cell, so a negative amount (clawback, correction) is not mistaken for a formula and prefixed.
 * Up to 15 significant digits a number prints back as the exact decimal it was parsed from.
 */
function amountCell(minor: number, currency: string): number {
  return Number(minorToAmount(minor, currency));
}

function usdColumns(
  amount: Parameters<typeof convertTotals>[0][string],
  currency: string,
  asOf: string,
  rates: readonly FxRate[],
) {
  const converted = convertTotals({ [currency]: amount }, asOf, rates);
  const row = converted.rows[0];
  if (converted.missing.length > 0) return { amount: null, rateDate: null };
  return {
    amount: amountCell(row?.convertedMinor ?? 0, REPORTING_CURRENCY),
    rateDate: row?.rateDate ?? null,
  };
}

export const STATEMENT_CSV_COLUMNS = [
  "partner",
  "direction",
  "customer",
  "deal_title",
  "line",
  "kind",
  "status",
  "due_date",
  "amount",
  "currency",
  `${usd}_amount`,
  `${usd}_rate_date`,
  "line_id",
] as const;

/** One row per line; USD at the latest rate on or before the period's last day, as on the statement. */
export function statementCsv(
  lines: readonly StatementCsvLine[],
  period: Period,
  rates: readonly FxRate[],
): string {
  return toCsv(
    STATEMENT_CSV_COLUMNS,
    lines.map((l) => {
      const converted = usdColumns(l.amountMinor, l.currency, period.end, rates);
      return [
        l.partnerName,
        l.direction,
        l.customerName,
        l.dealTitle,
        l.label,
        l.kind,
        l.status,
        l.dueDate,
        amountCell(l.amountMinor, l.currency),
        l.currency,
        converted.amount,
        converted.rateDate,
        l.id,
      ];
    }),
  );
}

export const FORECAST_CSV_COLUMNS = [
  "partner",
  "direction",
  "customer",
  "deal_title",
  "stage",
  "probability",
  "line",
  "due_date",
  "amount",
  "weighted_amount",
  "currency",
  `${usd}_amount`,
  `${usd}_weighted_amount`,
  `${usd}_rate_date`,
  "line_id",
] as const;

/**
 * One row per forecast line. A line due in a future month converts at the latest rate on or before that
 * month's last day; an overdue line at `today`'s. The weighted amount is rounded per line here.
 */
export function forecastCsv(
  lines: readonly ForecastCsvLine[],
  today: string,
  rates: readonly FxRate[],
): string {
  return toCsv(
    FORECAST_CSV_COLUMNS,
    lines.map((l) => {
      const month = l.dueDate.slice(0, 7);
      const asOf =
        month < today.slice(0, 7)
          ? today
          : monthPeriod(Number(month.slice(0, 4)), Number(month.slice(5, 7))).end;
      const weighted = weightedRatio(BigInt(l.amountMinor) * BigInt(l.probability));
      const amount = usdColumns(l.amountMinor, l.currency, asOf, rates);
      const weightedUsd = usdColumns(weighted, l.currency, asOf, rates);
      return [
        l.partnerName,
        l.direction,
        l.customerName,
        l.dealTitle,
        l.stageName,
        l.probability,
        l.label,
        l.dueDate,
        amountCell(l.amountMinor, l.currency),
        amountCell(roundHalfAwayFromZero(weighted), l.currency),
        l.currency,
        amount.amount,
        weightedUsd.amount,
        amount.rateDate,
        l.id,
      ];
    }),
  );
}
