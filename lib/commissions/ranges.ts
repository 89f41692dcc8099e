import { cmp, isDecimal, parseDecimal } from "./decimal";
import type { AgreementModel } from "./types";

export interface ModelRange {
  /** Inclusive bounds, percent. */
  min: string;
  max: string;
  /** The rate a new agreement of this model starts with; custom has none and must be set. */
  default: string | null;
}

/** Allowed commission rates per model (PRODUCT.md); a rate outside needs a VP-approved override. */
export const MODEL_RANGES: Readonly<Record<AgreementModel, ModelRange>> = {
  referral: { min: "5", max: "25", default: "15" },
  reseller: { min: "20", max: "50", default: "30" },
  msp: { min: "15", max: "40", default: "25" },
  custom: { min: "5", max: "50", default: null },
};

/** Payable program-partner tier rates (seed 004: Starter 20 %, Active 22 %, Performer 25 %, Elite 30 %). */
export const PARTNER_TIER_RATES = { starter: "20", active: "22", performer: "25", elite: "30" } as const;

export function isRateInRange(model: AgreementModel, rate: string): boolean {
  if (!isDecimal(rate)) return false;
  const range = MODEL_RANGES[model];
  const value = parseDecimal(rate);
  return cmp(value, parseDecimal(range.min)) >= 0 && cmp(value, parseDecimal(range.max)) <= 0;
}

/** A usable percent at all (0–100, the database's numeric(7,4) check), regardless of model. */
export function isPercent(rate: string): boolean {
  if (!isDecimal(rate)) return false;
  const value = parseDecimal(rate);
  return value.num >= 0n && cmp(value, parseDecimal("100")) <= 0;
}
