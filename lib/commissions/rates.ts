/**
 * Rate selection. Precedence, highest first: a deal override (in range, or approved by a VP) >
 * a customer-specific rate > a promotion in force on the close date > volume tiers > the base rate.
 * Each is a complete rate for the deal: a customer rate is not tiered, a promotion is not stacked.
 */
import { CommissionRuleError } from "./errors";
import {
  add,
  cmp,
  int,
  minRatio,
  maxRatio,
  mul,
  parseDecimal,
  percentOf,
  show,
  sub,
  ZERO,
  type Ratio,
} from "./decimal";
import { isPercent, isRateInRange, MODEL_RANGES } from "./ranges";
import type {
  AgreementVersion,
  CommissionTerms,
  Deal,
  Override,
  PeriodContext,
  TraceStep,
  VolumeTier,
} from "./types";

export const RATE_PRECEDENCE = ["override", "customer", "promotion", "volume_tier", "base"] as const;
export type RateSource = (typeof RATE_PRECEDENCE)[number];

export interface RateContext {
  version: AgreementVersion;
  deal: Deal;
  closeDate: string;
  period: PeriodContext;
  override?: Override;
}

interface Candidate {
  rate: string;
  step: TraceStep;
}

function checkedRate(rate: string, what: string): string {
  if (!isPercent(rate))
    throw new CommissionRuleError("invalid_rate", `${what} must be a percent 0–100, got ${rate}`);
  return rate;
}

function overrideCandidate({ override, version }: RateContext): Candidate | null {
  if (!override) return null;
  checkedRate(override.rate, "override rate");
  if (!override.reason.trim())
    throw new CommissionRuleError("override_needs_reason", "a deal override needs a reason");
  const inRange = isRateInRange(version.model, override.rate);
  const range = MODEL_RANGES[version.model];
  if (!inRange && !override.approved) {
    throw new CommissionRuleError(
      "override_needs_approval",
      `override ${override.rate}% is outside the ${version.model} range ${range.min}–${range.max}% and needs VP approval`,
    );
  }
  const values = {
    rate: override.rate,
    reason: override.reason,
    range: `${range.min}–${range.max}`,
    inRange: String(inRange),
    approved: String(override.approved),
  };
  const detail = inRange
    ? `deal override ${override.rate}% within range`
    : `VP-approved override ${override.rate}% outside range`;
  return { rate: override.rate, step: { rule: "override", detail, values } };
}

/** "Bob@Acme.com", "@acme.com", " ACME.com " → "acme.com". */
function domainOf(value: string): string {
  const lower = value.trim().toLowerCase();
  return lower.slice(lower.lastIndexOf("@") + 1);
}

function customerCandidate({ version, deal }: RateContext): Candidate | null {
  const rates = version.terms.customerRates;
  if (!rates?.length) return null;
  const name = deal.customerName.trim().toLowerCase();
  const domain = deal.customerDomain ? domainOf(deal.customerDomain) : null;
  for (const entry of rates) {
    const key = entry.customer.trim().toLowerCase();
    const matchedOn = key === name ? "name" : domain !== null && domainOf(key) === domain ? "domain" : null;
    if (matchedOn) {
      const values = { customer: entry.customer, matchedOn, rate: checkedRate(entry.rate, "customer rate") };
      return {
        rate: entry.rate,
        step: {
          rule: "customer_rate",
          detail: `customer-specific rate ${entry.rate}% (by ${matchedOn})`,
          values,
        },
      };
    }
  }
  return null;
}

/** The first listed promotion whose inclusive [start, end] contains the close date. */
function promotionCandidate({ version, closeDate }: RateContext): Candidate | null {
  const promo = version.terms.promotions?.find((p) => p.start <= closeDate && closeDate <= p.end);
  if (!promo) return null;
  const values = {
    start: promo.start,
    end: promo.end,
    closeDate,
    rate: checkedRate(promo.rate, "promotion rate"),
  };
  return {
    rate: promo.rate,
    step: {
      rule: "promotion",
      detail: `promotional rate ${promo.rate}% (${promo.start}…${promo.end} inclusive)`,
      values,
    },
  };
}

/** Tiers ascending (validation asks for that, the engine does not rely on it), base rate below the first. */
function bands(terms: CommissionTerms, baseRate: string): VolumeTier[] {
  const sorted = [...(terms.volumeTiers?.tiers ?? [])].sort((a, b) => a.fromMinor - b.fromMinor);
  if (!sorted[0] || sorted[0].fromMinor > 0) sorted.unshift({ fromMinor: 0, rate: baseRate });
  return sorted;
}

function tierCommission(basis: Ratio, ctx: RateContext, trace: TraceStep[]): Ratio {
  const { terms, rate } = ctx.version;
  const tiers = bands(terms, rate);
  const start = int(ctx.period.volumeBeforeMinor);
  const end = add(start, basis);
  if (terms.volumeTiers!.mode === "retroactive") {
    const reached = tiers.findLast((t) => cmp(int(t.fromMinor), end) <= 0)!;
    const values = {
      volumeBeforeMinor: ctx.period.volumeBeforeMinor,
      volumeAfterMinor: show(end),
      tierFromMinor: reached.fromMinor,
      rate: checkedRate(reached.rate, "tier rate"),
    };
    trace.push({
      rule: "volume_tier_retroactive",
      detail: `whole deal at the ${reached.rate}% tier reached by period volume ${show(end)}`,
      values,
    });
    return percentOf(basis, reached.rate);
  }
  let total = ZERO;
  tiers.forEach((tier, i) => {
    const next = tiers[i + 1];
    const lo = maxRatio(start, int(tier.fromMinor));
    const hi = next ? minRatio(end, int(next.fromMinor)) : end;
    if (cmp(hi, lo) <= 0) return;
    const slice = sub(hi, lo);
    const part = percentOf(slice, checkedRate(tier.rate, "tier rate"));
    total = add(total, part);
    const values = {
      fromMinor: tier.fromMinor,
      toMinor: next ? next.fromMinor : "∞",
      rate: tier.rate,
      sliceMinor: show(slice),
      commissionMinor: show(part),
    };
    trace.push({
      rule: "volume_tier_marginal",
      detail: `${show(slice)} of basis in the tier from ${tier.fromMinor} at ${tier.rate}%`,
      values,
    });
  });
  return total;
}

export interface RatedCommission {
  source: RateSource;
  /** Exact commission before floors and caps. */
  commission: Ratio;
}

/** Exact commission on `basis` at the winning rate, with the precedence decision in the trace. */
export function rateCommission(basis: Ratio, ctx: RateContext, trace: TraceStep[]): RatedCommission {
  const tiered = (ctx.version.terms.volumeTiers?.tiers.length ?? 0) > 0;
  const candidates: [RateSource, Candidate | null][] = [
    ["override", overrideCandidate(ctx)],
    ["customer", customerCandidate(ctx)],
    ["promotion", promotionCandidate(ctx)],
  ];
  const matched = candidates.filter((c): c is [RateSource, Candidate] => c[1] !== null);
  const source: RateSource = matched[0]?.[0] ?? (tiered ? "volume_tier" : "base");
  const passedOver = [
    ...matched.slice(1).map((c) => c[0]),
    ...(tiered && source !== "volume_tier" ? ["volume_tier"] : []),
  ];
  trace.push({
    rule: "rate_precedence",
    detail: `${source} rate applies (${RATE_PRECEDENCE.join(" > ")})`,
    values: { applied: source, passedOver: passedOver.join(",") || "none", order: RATE_PRECEDENCE.join(">") },
  });
  const winner = matched[0]?.[1];
  if (winner) {
    trace.push(winner.step);
    return { source, commission: percentOf(basis, winner.rate) };
  }
  if (tiered) return { source, commission: tierCommission(basis, ctx, trace) };
  const rate = checkedRate(ctx.version.rate, "base rate");
  trace.push({
    rule: "base_rate",
    detail: `agreement base rate ${rate}%`,
    values: { rate, model: ctx.version.model },
  });
  return { source, commission: percentOf(basis, rate) };
}

/** Exact rate a commission represents on a basis, as a Ratio of percent (0 when the basis is 0). */
export function ratePercent(commission: Ratio, basis: Ratio): Ratio {
  if (basis.num === 0n) return ZERO;
  return mul(mul(commission, { num: basis.den, den: basis.num }), parseDecimal("100"));
}
