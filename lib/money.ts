const MINOR_DIGITS_CACHE = new Map<string, number>();

/** Minor-unit digits of an ISO currency (JPY 0, USD 2, BHD 3), from the platform's currency data. */
export function minorDigits(currency: string): number {
  let digits = MINOR_DIGITS_CACHE.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    MINOR_DIGITS_CACHE.set(currency, digits);
  }
  return digits;
}

export function formatMoney(amountMinor: number, currency: string, options: { compact?: boolean } = {}): string {
  const value = amountMinor / 10 ** minorDigits(currency);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    notation: options.compact ? "compact" : "standard",
    minimumFractionDigits: options.compact ? 0 : minorDigits(currency),
    maximumFractionDigits: options.compact ? 1 : minorDigits(currency),
  }).format(value);
}

/** Integer minor units → exact major-unit string ("1250.50"), the format `value` is imported in. */
export function minorToAmount(valueMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  const sign = valueMinor < 0 ? "-" : "";
  const text = BigInt(Math.abs(valueMinor))
    .toString()
    .padStart(digits + 1, "0");
  return digits === 0 ? `${sign}${text}` : `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}
