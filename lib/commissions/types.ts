/**
 * Commission engine types. Money is integer minor units of the named currency; rates and shares are
 * decimal strings (percent unless said otherwise) so no float ever touches the money path.
 */

export type AgreementModel = "referral" | "reseller" | "msp" | "custom";
/** receivable: the ISV vendor pays us; payable: we pay the program partner. */
export type Direction = "receivable" | "payable";
export type Basis = "deal_value" | "net_revenue";
export type PaymentModel = "one_time" | "recurring" | "hybrid" | "milestone";
export type Cadence = "monthly" | "annual";

export interface RecurringTerms {
  /** Commissionable term; "lifetime" is scheduled over LIFETIME_HORIZON_MONTHS (36) and flagged in the trace. */
  months: number | "lifetime";
  /** monthly: one line per month of recurringValueMinor (a monthly value); annual: one line per year (an annual value). */
  cadence: Cadence;
}

export interface HybridTerms {
  /** Share of the commission paid at close, percent ("40" = 40 %); the rest is spread over `months`. */
  upfrontPercent: string;
  months: number;
  cadence: Cadence;
}

export interface MilestoneTerm {
  name: string;
  /** Percent of the commission this milestone releases; all milestones must sum to exactly 100. */
  percent: string;
  dueAfterDays: number;
}

export interface VolumeTier {
  /** Period volume (agreement-currency minor units of basis) from which this tier's rate applies. */
  fromMinor: number;
  rate: string;
}

export interface VolumeTiers {
  /** marginal: each slice of the deal at its tier's rate; retroactive: the whole deal at the tier reached. */
  mode: "marginal" | "retroactive";
  tiers: VolumeTier[];
}

export interface Promotion {
  /** Inclusive ISO dates. */
  start: string;
  end: string;
  rate: string;
}

export interface CustomerRate {
  /** Case-insensitive customer name, or an email domain ("acme.com" or "@acme.com"). */
  customer: string;
  rate: string;
}

/** Calendar period that volume tiers and the per-period cap accumulate over; quarter when unset. */
export type CommissionPeriod = "month" | "quarter" | "year";

export interface CommissionTerms {
  period?: CommissionPeriod;
  recurring?: RecurringTerms;
  hybrid?: HybridTerms;
  milestones?: MilestoneTerm[];
  capPerDealMinor?: number;
  floorPerDealMinor?: number;
  capPerPeriodMinor?: number;
  minDealMinor?: number;
  maxDealMinor?: number;
  volumeTiers?: VolumeTiers;
  promotions?: Promotion[];
  customerRates?: CustomerRate[];
}

export interface AgreementVersion {
  id: string;
  agreementId: string;
  version: number;
  /** Inclusive ISO date. */
  effectiveFrom: string;
  /** Exclusive ISO date; null = open-ended. */
  effectiveTo: string | null;
  model: AgreementModel;
  direction: Direction;
  /** Percent, e.g. "15" or "12.5" (numeric(7,4) in the database). */
  rate: string;
  basis: Basis;
  paymentModel: PaymentModel;
  currency: string;
  terms: CommissionTerms;
}

export interface Deal {
  id: string;
  valueMinor: number;
  currency: string;
  netRevenueMinor?: number;
  closeDate: string;
  customerName: string;
  customerDomain?: string;
  /** Monthly or annual recurring value (per the agreement's cadence), in the deal currency. */
  recurringValueMinor?: number;
}

export interface FxRate {
  date: string;
  from: string;
  to: string;
  /** Units of `to` per one unit of `from` (major units). */
  rate: string;
}

export interface PeriodContext {
  /** Agreement-currency basis volume booked earlier in the period (drives volume tiers). */
  volumeBeforeMinor: number;
  /** Commission already booked in the period under this agreement (drives the per-period cap). */
  commissionBeforeMinor: number;
}

export interface Override {
  rate: string;
  reason: string;
  /** VP approval; required only when the rate is outside the model's range. */
  approved: boolean;
}

export type LineKind = "one_time" | "upfront" | "recurring" | "milestone" | "clawback";

export interface CommissionLine {
  /** Deterministic: `${dealId}:${versionId}:${kind}:${n}` (n from 1), clawbacks `${originalKey}:clawback:${date}`. */
  key: string;
  dealId: string;
  agreementVersionId: string;
  direction: Direction;
  kind: LineKind;
  label: string;
  amountMinor: number;
  currency: string;
  dueDate: string;
  clawbackOf?: string;
}

export type CommissionStatus = "forecast" | "earned" | "approved" | "paid" | "clawed_back";

export interface StoredCommissionLine extends CommissionLine {
  status: CommissionStatus;
}

export interface TraceStep {
  rule: string;
  detail: string;
  values: Record<string, string | number>;
}

export interface Schedule {
  lines: CommissionLine[];
  totalMinor: number;
  currency: string;
  /** The basis in agreement-currency minor units, rounded once: what this deal adds to period volume. */
  basisMinor: number;
  /** Which rate applied: override, customer, promotion, volume_tier or base. */
  rateSource: string;
  agreementVersionId: string;
  /** totalMinor / basis as a percent with exactly 4 decimals. */
  effectiveRate: string;
  trace: TraceStep[];
}

export interface Excluded {
  excluded: true;
  reason: string;
  trace: TraceStep[];
}

export interface CommissionInput {
  deal: Deal;
  versions: readonly AgreementVersion[];
  fx: readonly FxRate[];
  period: PeriodContext;
  override?: Override;
}
