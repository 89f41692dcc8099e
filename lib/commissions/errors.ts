export type CommissionErrorCode =
  | "override_needs_approval"
  | "override_needs_reason"
  | "milestones_must_sum_to_100"
  | "payment_terms_missing"
  | "net_revenue_missing"
  | "fx_rate_missing"
  | "invalid_decimal"
  | "invalid_rate"
  | "invalid_date"
  | "invalid_amount"
  | "invalid_terms";

/** A deal or agreement the engine refuses to compute; `code` is stable for callers and UI messages. */
export class CommissionRuleError extends Error {
  readonly code: CommissionErrorCode;

  constructor(code: CommissionErrorCode, message: string) {
    super(message);
    this.name = "CommissionRuleError";
    this.code = code;
  }
}

export function assertMinor(value: number, label: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new CommissionRuleError(
      "invalid_amount",
      `${label} must be a non-negative integer of minor units, got ${value}`,
    );
  }
}
