/** Agreement-version checks for the form and the action, as field errors keyed like z.flattenError's. */
import { isDecimal } from "./decimal";
import { isIsoDate } from "./dates";
import { isPercent, isRateInRange, MODEL_RANGES } from "./ranges";
import { milestonesSumTo100 } from "./schedule";
import type { AgreementVersion, CommissionTerms } from "./types";

export type FieldErrors = Record<string, string[]>;

function push(errors: FieldErrors, field: string, message: string): void {
  (errors[field] ??= []).push(message);
}

const AMOUNT_FIELDS = [
  "capPerDealMinor",
  "floorPerDealMinor",
  "capPerPeriodMinor",
  "minDealMinor",
  "maxDealMinor",
] as const;

function checkAmounts(terms: CommissionTerms, errors: FieldErrors): void {
  for (const field of AMOUNT_FIELDS) {
    const value = terms[field];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 0))
      push(errors, `terms.${field}`, "Must be a whole, non-negative amount");
  }
  const { floorPerDealMinor: floor, capPerDealMinor: cap, minDealMinor: min, maxDealMinor: max } = terms;
  if (floor !== undefined && cap !== undefined && floor > cap)
    push(errors, "terms.floorPerDealMinor", "Floor cannot exceed the cap");
  if (min !== undefined && max !== undefined && min > max)
    push(errors, "terms.minDealMinor", "Minimum deal size cannot exceed the maximum");
}

function checkRates(version: AgreementVersion, errors: FieldErrors): void {
  const { model, terms } = version;
  const range = MODEL_RANGES[model];
  const outside = (rate: string) => !isRateInRange(model, rate);
  if (!isDecimal(version.rate)) push(errors, "rate", "Enter a percentage such as 15 or 12.5");
  else if (outside(version.rate))
    push(errors, "rate", `A ${model} rate must be between ${range.min}% and ${range.max}%`);
  if (terms.customerRates?.some((c) => !c.customer.trim() || outside(c.rate)))
    push(errors, "terms.customerRates", `Each needs a customer and a rate within ${range.min}–${range.max}%`);
  if (
    terms.promotions?.some(
      (p) => outside(p.rate) || !isIsoDate(p.start) || !isIsoDate(p.end) || p.end < p.start,
    )
  ) {
    push(
      errors,
      "terms.promotions",
      `Each needs start ≤ end dates and a rate within ${range.min}–${range.max}%`,
    );
  }
  const tiers = terms.volumeTiers?.tiers ?? [];
  const ascending = tiers.every(
    (t, i) =>
      Number.isSafeInteger(t.fromMinor) &&
      t.fromMinor >= 0 &&
      (i === 0 || t.fromMinor > tiers[i - 1]!.fromMinor),
  );
  if (!ascending || tiers.some((t) => outside(t.rate)))
    push(
      errors,
      "terms.volumeTiers",
      `Tiers must start at increasing volumes with rates within ${range.min}–${range.max}%`,
    );
}

function checkPaymentTerms(version: AgreementVersion, errors: FieldErrors): void {
  const { paymentModel, terms } = version;
  const validMonths = (m: number | "lifetime") =>
    m === "lifetime" || (Number.isInteger(m) && m >= 1 && m <= 1200);
  if (paymentModel === "recurring" && (!terms.recurring || !validMonths(terms.recurring.months)))
    push(errors, "terms.recurring", "Set a term of 1–1200 months or lifetime");
  if (paymentModel === "hybrid") {
    const h = terms.hybrid;
    if (!h || !isPercent(h.upfrontPercent) || !validMonths(h.months))
      push(errors, "terms.hybrid", "Set an upfront share of 0–100% and 1–1200 months");
  }
  if (paymentModel === "milestone" || terms.milestones) {
    const milestones = terms.milestones ?? [];
    const wellFormed = milestones.every(
      (m) => m.name.trim() && isPercent(m.percent) && Number.isInteger(m.dueAfterDays) && m.dueAfterDays >= 0,
    );
    if (!milestones.length || !wellFormed || !milestonesSumTo100(milestones))
      push(errors, "terms.milestones", "Milestones need names and percentages that sum to 100");
  }
}

/** Field errors of one version on its own; empty when valid. */
export function validateVersion(version: AgreementVersion): FieldErrors {
  const errors: FieldErrors = {};
  if (!isIsoDate(version.effectiveFrom)) push(errors, "effectiveFrom", "Enter a valid date");
  if (
    version.effectiveTo !== null &&
    (!isIsoDate(version.effectiveTo) || version.effectiveTo <= version.effectiveFrom)
  ) {
    push(errors, "effectiveTo", "Must be a valid date after the start date");
  }
  if (!/^[A-Z]{3}$/.test(version.currency)) push(errors, "currency", "Use a three-letter ISO currency code");
  const period = version.terms.period;
  if (period !== undefined && !["month", "quarter", "year"].includes(period))
    push(errors, "terms.period", "The commission period is month, quarter or year");
  checkRates(version, errors);
  checkAmounts(version.terms, errors);
  checkPaymentTerms(version, errors);
  return errors;
}

function overlaps(a: AgreementVersion, b: AgreementVersion): boolean {
  return (
    a.effectiveFrom < (b.effectiveTo ?? "9999-12-31") && b.effectiveFrom < (a.effectiveTo ?? "9999-12-31")
  );
}

/** Field errors of a version about to join an agreement's existing versions (overlap, duplicate number). */
export function validateNewVersion(
  existing: readonly AgreementVersion[],
  next: AgreementVersion,
): FieldErrors {
  const errors = validateVersion(next);
  const siblings = existing.filter((v) => v.agreementId === next.agreementId && v.id !== next.id);
  const clash = siblings.find((v) => overlaps(v, next));
  if (clash)
    push(
      errors,
      "effectiveFrom",
      `Overlaps version ${clash.version} (${clash.effectiveFrom} – ${clash.effectiveTo ?? "open"})`,
    );
  if (siblings.some((v) => v.version === next.version))
    push(errors, "version", `Version ${next.version} already exists`);
  return errors;
}
