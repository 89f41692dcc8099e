/**
 * The amount a rate applies to, exact and in the agreement currency. One-time, hybrid and milestone
 * models use the deal value or our net revenue; recurring models use a per-period value × the term.
 */
import { CommissionRuleError } from "./errors";
import { cmp, int, mul, show, type Ratio } from "./decimal";
import { convertExact, quote } from "./fx";
import { horizonMonths, LIFETIME_HORIZON_MONTHS } from "./schedule";
import type { AgreementVersion, CommissionInput, Deal, RecurringTerms, TraceStep } from "./types";

function sourceAmount(deal: Deal, version: AgreementVersion): number {
  if (version.basis === "deal_value") return deal.valueMinor;
  if (deal.netRevenueMinor === undefined) {
    const message = `deal ${deal.id} has no net revenue but the agreement's basis is net revenue`;
    throw new CommissionRuleError("net_revenue_missing", message);
  }
  return deal.netRevenueMinor;
}

/**
 * Without recurringValueMinor the basis amount is read as an annual value: /12 per month (monthly
 * cadence) or whole per year (annual). A given recurring value is in deal-value terms, so a
 * net-revenue basis scales it by netRevenue / value.
 */
function perPeriodValue(deal: Deal, version: AgreementVersion, terms: RecurringTerms, source: number): Ratio {
  if (deal.recurringValueMinor === undefined) {
    return terms.cadence === "monthly" ? { num: BigInt(source), den: 12n } : int(source);
  }
  if (version.basis === "deal_value") return int(deal.recurringValueMinor);
  if (deal.valueMinor === 0) {
    throw new CommissionRuleError(
      "invalid_amount",
      "a net-revenue share of recurring value needs a deal value",
    );
  }
  return mul(int(deal.recurringValueMinor), { num: BigInt(source), den: BigInt(deal.valueMinor) });
}

function recurringBasis(deal: Deal, version: AgreementVersion, source: number, trace: TraceStep[]): Ratio {
  const terms = version.terms.recurring;
  if (!terms)
    throw new CommissionRuleError("payment_terms_missing", "a recurring agreement needs terms.recurring");
  const months = horizonMonths(terms);
  if (terms.months === "lifetime") {
    const detail = `lifetime commission scheduled over a bounded ${LIFETIME_HORIZON_MONTHS}-month horizon`;
    trace.push({ rule: "lifetime_horizon", detail, values: { horizonMonths: LIFETIME_HORIZON_MONTHS } });
  }
  const perPeriod = perPeriodValue(deal, version, terms, source);
  const monthly = terms.cadence === "monthly";
  const basis = mul(perPeriod, monthly ? int(months) : { num: BigInt(months), den: 12n });
  trace.push({
    rule: "recurring_basis",
    detail: `${show(perPeriod)} per ${monthly ? "month" : "year"} over ${months} months`,
    values: {
      perPeriodMinor: show(perPeriod),
      cadence: terms.cadence,
      months,
      recurringValueGiven: String(deal.recurringValueMinor !== undefined),
      basisMinor: show(basis),
    },
  });
  return basis;
}

function toAgreementCurrency(
  amount: Ratio,
  input: CommissionInput,
  version: AgreementVersion,
  what: string,
  trace: TraceStep[],
): Ratio {
  const { currency: from, closeDate } = input.deal;
  const to = version.currency;
  if (from === to) return amount;
  const q = quote(from, to, closeDate.slice(0, 10), input.fx);
  const converted = convertExact(amount, from, to, q);
  trace.push({
    rule: "fx",
    detail: `${what} ${from}→${to} at ${q.inverse ? `1/${q.stored}` : q.stored} (rate of ${q.date})`,
    values: {
      from,
      to,
      rate: q.stored,
      inverse: String(q.inverse),
      rateDate: q.date,
      amountFromMinor: show(amount),
      amountToMinor: show(converted),
    },
  });
  return converted;
}

/** Commission basis in the agreement currency, exact (FX never rounds before the final rounding). */
export function commissionBasis(
  input: CommissionInput,
  version: AgreementVersion,
  trace: TraceStep[],
): Ratio {
  const { deal } = input;
  const source = sourceAmount(deal, version);
  trace.push({
    rule: "basis",
    detail: `commission basis: ${version.basis === "deal_value" ? "deal value" : "our net revenue"}`,
    values: { basis: version.basis, amountMinor: source, currency: deal.currency },
  });
  const raw =
    version.paymentModel === "recurring" ? recurringBasis(deal, version, source, trace) : int(source);
  return toAgreementCurrency(raw, input, version, "basis", trace);
}

/** Deal-size thresholds apply to the deal value (not the basis) in agreement currency, bounds inclusive. */
export function sizeExclusion(
  input: CommissionInput,
  version: AgreementVersion,
  trace: TraceStep[],
): string | null {
  const { minDealMinor: min, maxDealMinor: max } = version.terms;
  if (min === undefined && max === undefined) return null;
  const size = toAgreementCurrency(int(input.deal.valueMinor), input, version, "deal value", trace);
  const reason =
    min !== undefined && cmp(size, int(min)) < 0
      ? "below_min_deal"
      : max !== undefined && cmp(size, int(max)) > 0
        ? "above_max_deal"
        : null;
  trace.push({
    rule: "deal_size",
    detail: reason
      ? `deal size ${show(size)} outside the agreement's thresholds`
      : "deal size within thresholds",
    values: { dealSizeMinor: show(size), minDealMinor: min ?? "none", maxDealMinor: max ?? "none" },
  });
  return reason;
}
