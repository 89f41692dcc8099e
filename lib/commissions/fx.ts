/**
 * Currency conversion from a dated FX table. The converted amount stays an exact rational so the
 * engine rounds once, at the end; `convert` is the standalone variant that rounds (half away from zero).
 */
import { minorDigits } from "@/lib/money";
import { CommissionRuleError } from "./errors";
import { int, parseDecimal, pow10, roundHalfAwayFromZero, type Ratio } from "./decimal";
import type { FxRate } from "./types";

export interface FxQuote {
  /** Units of `to` per unit of `from`, after inverting an inverse-pair rate. */
  rate: Ratio;
  /** The stored rate string and its date, for the trace. */
  stored: string;
  date: string;
  inverse: boolean;
}

/**
 * Latest direct and inverse rates on or before `date`, in one pass. No index is cached on purpose: a
 * caller may append to the same table between calls, and a stale index would silently use an old rate.
 */
function latestPair(rates: readonly FxRate[], from: string, to: string, date: string) {
  let direct: FxRate | undefined;
  let inverse: FxRate | undefined;
  for (const rate of rates) {
    if (rate.date.slice(0, 10) > date) continue;
    if (rate.from === from && rate.to === to && (!direct || rate.date > direct.date)) direct = rate;
    else if (rate.from === to && rate.to === from && (!inverse || rate.date > inverse.date)) inverse = rate;
  }
  return { direct, inverse };
}

/** The latest rate on or before `date` for from→to, direct or inverted; a direct rate wins a same-day tie. */
export function quote(from: string, to: string, date: string, rates: readonly FxRate[]): FxQuote {
  const { direct, inverse } = latestPair(rates, from, to, date);
  if (direct && (!inverse || direct.date >= inverse.date)) {
    return { rate: parseDecimal(direct.rate), stored: direct.rate, date: direct.date, inverse: false };
  }
  if (inverse) {
    const r = parseDecimal(inverse.rate);
    if (r.num <= 0n)
      throw new CommissionRuleError(
        "fx_rate_missing",
        `FX rate ${to}>${from} on ${inverse.date} is not positive`,
      );
    return { rate: { num: r.den, den: r.num }, stored: inverse.rate, date: inverse.date, inverse: true };
  }
  throw new CommissionRuleError(
    "fx_rate_missing",
    `no FX rate ${from}>${to} (or inverse) on or before ${date}`,
  );
}

/** Exact conversion of minor units between currencies with different minor digits (USD cents → JPY yen). */
export function convertExact(amountMinor: Ratio, from: string, to: string, q: FxQuote): Ratio {
  if (from === to) return amountMinor;
  const scaleFrom = pow10(minorDigits(from));
  const scaleTo = pow10(minorDigits(to));
  return { num: amountMinor.num * q.rate.num * scaleTo, den: amountMinor.den * q.rate.den * scaleFrom };
}

/** Converts minor units at the latest rate on or before `date`, rounding once, half away from zero. */
export function convert(
  amountMinor: number,
  from: string,
  to: string,
  date: string,
  rates: readonly FxRate[],
): number {
  if (from === to) return amountMinor;
  return roundHalfAwayFromZero(convertExact(int(amountMinor), from, to, quote(from, to, date, rates)));
}
