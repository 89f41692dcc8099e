export interface Ratio {
  num: bigint;
  den: bigint;
}

export interface WeightedDeal {
  id: string;
  valueMinor: number;
  /** 0..100 */
  probability: number;
  /** ISO date (YYYY-MM-DD, or a timestamp whose date part is used); null = no close date. */
  expectedCloseDate: string | null;
}

export interface WeightedOptions {
  /** "Today": an ISO date, or a Date whose UTC calendar day is used. */
  asOf: string | Date;
  overdueDecayPerWeek?: number;
  minimumDecay?: number;
}

export interface WeightedDealResult {
  id: string;
  probability: number;
  decay: number;
  weightedMinor: number;
}

export interface WeightedForecast {
  totalMinor: number;
  deals: WeightedDealResult[];
}

const DAY_MS = 86_400_000;

/** Exact value of the shortest decimal that round-trips to `x`, so 0.1 means one tenth rather than its binary approximation. */
export function decimalRatio(x: number): Ratio {
  if (!Number.isFinite(x)) throw new RangeError(`expected a finite number, got ${x}`);
  const [mantissa = "0", exponent = "0"] = String(x).split("e");
  const [whole = "0", fraction = ""] = mantissa.split(".");
  const shift = Number(exponent) - fraction.length;
  const num = BigInt(whole + fraction);
  return shift >= 0 ? { num: num * 10n ** BigInt(shift), den: 1n } : { num, den: 10n ** BigInt(-shift) };
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  const den = (a.den / gcd(a.den, b.den)) * b.den;
  return { num: a.num * (den / a.den) + b.num * (den / b.den), den };
}

/** Rounds num/den to the nearest integer, ties away from zero (2.5 → 3, −2.5 → −3); the only rounding step for money. */
export function roundHalfAwayFromZero({ num, den }: Ratio): number {
  const negative = num < 0n !== den < 0n;
  const n = num < 0n ? -num : num;
  const d = den < 0n ? -den : den;
  const quotient = n / d + ((n % d) * 2n >= d ? 1n : 0n);
  const result = Number(negative ? -quotient : quotient);
  if (!Number.isSafeInteger(result)) throw new RangeError("amount exceeds the safe integer range");
  return result === 0 ? 0 : result;
}

/** Days since the Unix epoch of an ISO date's calendar day (UTC), so time zones never shift a deal by a day. */
export function isoDay(value: string | Date): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("invalid Date");
    return Math.floor(value.getTime() / DAY_MS);
  }
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  const [y, m, d] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [NaN, NaN, NaN];
  const ms = Date.UTC(y, m - 1, d);
  const date = new Date(ms);
  if (Number.isNaN(ms) || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`invalid ISO date: ${value}`);
  }
  return ms / DAY_MS;
}

export function assertProbability(probability: number, label: string): void {
  if (!(probability >= 0 && probability <= 100))
    throw new RangeError(`${label}: probability must be 0..100, got ${probability}`);
}

export function assertMinor(valueMinor: number, label: string): void {
  if (!Number.isSafeInteger(valueMinor) || valueMinor < 0) {
    throw new RangeError(`${label}: value must be a non-negative integer of minor units, got ${valueMinor}`);
  }
}

/**
 * Overdue deals decay by `overdueDecayPerWeek` per started week (weeks = ceil(daysOverdue / 7), so 1–7 days = 1 week,
 * 8 days = 2), floored at `minimumDecay`; a deal closing on asOf or later, or with no date, is not decayed.
 */
export function decayFor(daysOverdue: number, overdueDecayPerWeek: number, minimumDecay: number): Ratio {
  if (daysOverdue <= 0) return { num: 1n, den: 1n };
  const rate = decimalRatio(overdueDecayPerWeek);
  const floor = decimalRatio(minimumDecay);
  const weeks = BigInt(Math.ceil(daysOverdue / 7));
  const decayed = { num: rate.den - rate.num * weeks, den: rate.den };
  return decayed.num * floor.den < floor.num * decayed.den ? floor : decayed;
}

/** Weighted pipeline: each deal's value × probability/100 × decay is computed exactly and rounded once (half away from zero). */
export function weightedForecast(deals: readonly WeightedDeal[], options: WeightedOptions): WeightedForecast {
  const { asOf, overdueDecayPerWeek = 0.1, minimumDecay = 0.2 } = options;
  if (!(overdueDecayPerWeek >= 0 && Number.isFinite(overdueDecayPerWeek))) {
    throw new RangeError(`overdueDecayPerWeek must be a finite number ≥ 0, got ${overdueDecayPerWeek}`);
  }
  if (!(minimumDecay >= 0 && minimumDecay <= 1))
    throw new RangeError(`minimumDecay must be 0..1, got ${minimumDecay}`);
  const today = isoDay(asOf);

  const results = deals.map((deal): WeightedDealResult => {
    assertMinor(deal.valueMinor, deal.id);
    assertProbability(deal.probability, deal.id);
    const daysOverdue = deal.expectedCloseDate === null ? 0 : today - isoDay(deal.expectedCloseDate);
    const decay = decayFor(daysOverdue, overdueDecayPerWeek, minimumDecay);
    const probability = decimalRatio(deal.probability);
    const weightedMinor = roundHalfAwayFromZero({
      num: BigInt(deal.valueMinor) * probability.num * decay.num,
      den: 100n * probability.den * decay.den,
    });
    return {
      id: deal.id,
      probability: deal.probability,
      decay: Number(decay.num) / Number(decay.den),
      weightedMinor,
    };
  });

  const totalMinor = results.reduce((sum, deal) => sum + deal.weightedMinor, 0);
  if (!Number.isSafeInteger(totalMinor)) throw new RangeError("total exceeds the safe integer range");
  return { totalMinor, deals: results };
}
