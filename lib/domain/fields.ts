import { z } from "zod";
import { minorDigits } from "@/lib/money";

/*
 * Input fields shared by every domain that takes money or a business date (deals, agreements, FX rates,
 * registrations, commission receipts). They sit outside lib/opportunities so that those domains do
 * not depend on the deal code, which itself depends on them through its after-change follow-ups.
 */

const SUPPORTED_CURRENCIES = new Set(Intl.supportedValuesOf("currency"));

export const currencySchema = z
  .string({ error: "Choose a currency" })
  .trim()
  .toUpperCase()
  .refine((c) => SUPPORTED_CURRENCIES.has(c), { error: "Unknown currency: use an ISO code such as USD, EUR or JPY" });

export const MIN_CLOSE_DATE = "2000-01-01";
export const MAX_CLOSE_DATE = "2100-12-31";

export const closeDateSchema = z.iso
  .date({ error: "Use a date like 2026-12-31" })
  .refine((d) => d >= MIN_CLOSE_DATE && d <= MAX_CLOSE_DATE, { error: "Choose a date between 2000 and 2100" });

/** A decimal amount in major units as typed ("125000", "1,250.50"); converted to minor units with the currency. */
export const amountSchema = z
  .union([z.string(), z.number()], { error: "Enter the deal value" })
  .transform((v) => String(v).trim().replace(/[,\s_]/g, ""))
  .refine((v) => v !== "", { error: "Enter the deal value" })
  .refine((v) => !v.startsWith("-"), { error: "The value cannot be negative" })
  .refine((v) => /^\d+(\.\d+)?$/.test(v), { error: "Enter a number, like 125000 or 1250.50" });

/** Major-unit decimal string → integer minor units, exactly (no floating point). */
export function toMinor(amount: string, currency: string): number {
  const digits = minorDigits(currency);
  const [whole = "0", fraction = ""] = amount.split(".");
  if (fraction.length > digits) throw new RangeError(`${currency} has ${digits} decimal places`);
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("Value is too large");
  return Number(minor);
}
