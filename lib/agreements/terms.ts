import { minorDigits } from "@/lib/money";
import type { CommissionTerms } from "@/lib/commissions/types";
import type { VersionFields } from "./schemas";

/** Form fields → engine terms (whole units → minor units of the agreement currency). */
export function termsOf(fields: VersionFields): CommissionTerms {
  const factor = 10 ** minorDigits(fields.currency);
  const minor = (v: number | undefined) => (v === undefined ? undefined : v * factor);
  const terms: CommissionTerms = { ...(fields.advancedTerms as CommissionTerms) };
  if (fields.paymentModel === "recurring" && fields.recurringMonths) {
    terms.recurring = {
      months: fields.recurringMonths === "lifetime" ? "lifetime" : Number(fields.recurringMonths),
      cadence: "monthly",
    };
  }
  if (fields.period) terms.period = fields.period;
  const amounts = {
    capPerDealMinor: minor(fields.capPerDeal),
    capPerPeriodMinor: minor(fields.capPerPeriod),
    floorPerDealMinor: minor(fields.floorPerDeal),
    minDealMinor: minor(fields.minDeal),
    maxDealMinor: minor(fields.maxDeal),
  };
  for (const [key, value] of Object.entries(amounts))
    if (value !== undefined) terms[key as keyof typeof amounts] = value;
  return terms;
}

/** The engine reports fields like "terms.capPerDealMinor"; the form calls them capPerDeal. */
export function formFieldOf(engineField: string): string {
  const map: Record<string, string> = {
    "terms.capPerDealMinor": "capPerDeal",
    "terms.capPerPeriodMinor": "capPerPeriod",
    "terms.period": "period",
    "terms.floorPerDealMinor": "floorPerDeal",
    "terms.minDealMinor": "minDeal",
    "terms.maxDealMinor": "maxDeal",
    "terms.recurring": "recurringMonths",
  };
  return map[engineField] ?? (engineField.startsWith("terms.") ? "advancedTerms" : engineField);
}
