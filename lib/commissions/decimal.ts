/**
 * Exact decimal arithmetic on BigInt rationals. The engine's single rounding rule lives here:
 * an exact amount is rounded to whole minor units half away from zero (2.5 → 3, −2.5 → −3), once
 * per amount, and nowhere else. Splitting an already-rounded integer total into lines is integer
 * allocation (see `allocate`), not a second rounding.
 */
import { CommissionRuleError } from "./errors";

/** num/den with den > 0. Not reduced eagerly: gcd costs more than the slightly larger BigInts. */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
// Rates and shares repeat across thousands of deals; parsing each string once keeps the hot path cheap.
const PARSED = new Map<string, Ratio>();
const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

export const ZERO: Ratio = { num: 0n, den: 1n };
export const HUNDRED: Ratio = { num: 100n, den: 1n };

export function pow10(n: number): bigint {
  return POW10[n] ?? 10n ** BigInt(n);
}

/** "12.5" → 125/10; throws on anything but a plain decimal (no exponent, no grouping). */
export function parseDecimal(value: string): Ratio {
  const cached = PARSED.get(value);
  if (cached) return cached;
  const match = DECIMAL.exec(value);
  if (!match) throw new CommissionRuleError("invalid_decimal", `not a decimal: ${JSON.stringify(value)}`);
  const fraction = match[3] ?? "";
  const num = BigInt(match[2]! + fraction);
  const parsed = { num: match[1] ? -num : num, den: pow10(fraction.length) };
  if (PARSED.size < 10_000) PARSED.set(value, parsed);
  return parsed;
}

export function isDecimal(value: unknown): value is string {
  return typeof value === "string" && DECIMAL.test(value);
}

export function int(n: number | bigint): Ratio {
  return { num: BigInt(n), den: 1n };
}

export function mul(a: Ratio, b: Ratio): Ratio {
  return { num: a.num * b.num, den: a.den * b.den };
}

export function div(a: Ratio, b: Ratio): Ratio {
  if (b.num === 0n) throw new RangeError("division by zero");
  return b.num < 0n
    ? { num: -a.num * b.den, den: a.den * -b.num }
    : { num: a.num * b.den, den: a.den * b.num };
}

export function add(a: Ratio, b: Ratio): Ratio {
  if (a.den === b.den) return { num: a.num + b.num, den: a.den };
  return { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
}

export function sub(a: Ratio, b: Ratio): Ratio {
  return add(a, { num: -b.num, den: b.den });
}

export function cmp(a: Ratio, b: Ratio): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function minRatio(a: Ratio, b: Ratio): Ratio {
  return cmp(a, b) <= 0 ? a : b;
}

export function maxRatio(a: Ratio, b: Ratio): Ratio {
  return cmp(a, b) >= 0 ? a : b;
}

/** amount × rate / 100, exact; `rate` is a percent string. */
export function percentOf(amount: number | Ratio, rate: string): Ratio {
  const base = typeof amount === "number" ? int(amount) : amount;
  const r = parseDecimal(rate);
  return { num: base.num * r.num, den: base.den * r.den * 100n };
}

export function roundHalfAwayFromZeroBig({ num, den }: Ratio): bigint {
  const n = num < 0n ? -num : num;
  const q = n / den + ((n % den) * 2n >= den ? 1n : 0n);
  return num < 0n ? -q : q;
}

/** The engine's only rounding step for money: nearest integer, ties away from zero. */
export function roundHalfAwayFromZero(value: Ratio): number {
  const rounded = Number(roundHalfAwayFromZeroBig(value));
  if (!Number.isSafeInteger(rounded)) throw new RangeError("amount exceeds the safe integer range");
  return rounded === 0 ? 0 : rounded;
}

/** Fixed-point string with exactly `digits` decimals, rounded half away from zero (display and trace only). */
export function toFixed(value: Ratio, digits: number): string {
  const scaled = roundHalfAwayFromZeroBig({ num: value.num * pow10(digits), den: value.den });
  const negative = scaled < 0n;
  const text = (negative ? -scaled : scaled).toString().padStart(digits + 1, "0");
  const body = digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return negative ? `-${body}` : body;
}

/** Trace-friendly decimal: up to 6 decimals, trailing zeros trimmed. */
export function show(value: Ratio): string {
  if (value.den === 1n) return value.num.toString(); // most trace amounts are whole: skip the rounding
  const fixed = toFixed(value, 6);
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/**
 * Splits a non-negative integer total in proportion to non-negative weights so the parts sum to the
 * total exactly: each part is floor(total × weight / Σweights), and the leftover units (fewer than the
 * number of parts) go one each to the first parts with a positive weight, in schedule order.
 */
export function allocate(total: number, weights: readonly bigint[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum <= 0n || total < 0)
    throw new RangeError("allocate needs a non-negative total and a positive weight sum");
  const t = BigInt(total);
  const parts = weights.map((w) => Number((t * w) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0 && i < parts.length; i += 1) {
    if (weights[i]! > 0n) {
      parts[i] = parts[i]! + 1;
      left -= 1;
    }
  }
  return parts;
}

/** Scales rational weights to integers over a common denominator, preserving their proportions. */
export function integerWeights(weights: readonly Ratio[]): bigint[] {
  let common = 1n;
  for (const w of weights) if (common % w.den !== 0n) common *= w.den;
  return weights.map((w) => (w.num * common) / w.den);
}
