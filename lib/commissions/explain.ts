/**
 * The engine's trace told as sentences a partner or a finance lead reads: every amount formatted in
 * its currency, every rate as a percent, no rule keys. The machine trace itself stays as it is for
 * exports; this only renders it.
 */
import { formatMoney, minorDigits } from "@/lib/money";
import { RATE_PRECEDENCE, type RateSource } from "./rates";
import type { TraceStep } from "./types";

export interface ExplainContext {
  /** The agreement (schedule) currency: every amount after the basis step is in it. */
  currency: string;
  /** What the base rate is called where it comes from, e.g. the partner's tier ("Performer"). */
  baseRateName?: string;
}

interface State extends ExplainContext {
  /** The deal's currency, known from the basis step on; amounts before any FX step are in it. */
  dealCurrency: string;
}

const SOURCE_LABELS: Record<RateSource, string> = {
  override: "override",
  customer: "customer",
  promotion: "promotion",
  volume_tier: "volume tier",
  base: "base",
};

const MODEL_LABELS: Record<string, string> = {
  referral: "referral",
  reseller: "reseller",
  msp: "MSP",
  custom: "custom",
};

const DATE = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** "2026-03-14" → "Mar 14, 2026"; anything else is returned as written. */
export function formatTraceDate(value: unknown): string {
  const text = String(value ?? "");
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return text;
  const date = new Date(`${text.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? text : DATE.format(date);
}

/** "25.0000" → "25 %", "12.5" → "12.5 %". */
export function formatRate(value: unknown): string {
  const n = Number(value);
  if (!Number.isFinite(n)) return `${String(value)} %`;
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 }).format(n)} %`;
}

/**
 * Minor units as money. Exact amounts from the trace may carry a fraction of a minor unit
 * ("450000.5"): those keep the extra digits so the rounding step reads true.
 */
export function formatMinor(value: unknown, currency: string): string {
  const text = String(value ?? "");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return text;
  const [, fraction = ""] = text.split(".");
  if (!fraction) return formatMoney(Number(text), currency);
  const digits = minorDigits(currency);
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: Math.min(digits + fraction.length, 20),
  }).format(Number(text) / 10 ** digits);
}

/** "a, b and c". */
function listOf(items: readonly string[], conjunction = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items.at(-1)}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function isSource(value: unknown): value is RateSource {
  return (RATE_PRECEDENCE as readonly unknown[]).includes(value);
}

function sourceLabel(value: unknown, s: State): string {
  if (value === "base" && s.baseRateName) return s.baseRateName;
  return isSource(value) ? SOURCE_LABELS[value] : "agreement";
}

type Values = TraceStep["values"];
type Explainer = (v: Values, s: State, step: TraceStep) => string;

function version(v: Values): string {
  if (v.versionId === undefined) {
    const n = Number(v.versions ?? 0);
    const onFile = n === 1 ? "the one version on file" : `${n} versions on file`;
    return `No agreement version is in force on ${formatTraceDate(v.closeDate)} (${onFile}), so this deal earns no commission.`;
  }
  const until = v.effectiveTo === "open" ? "with no end date" : `until ${formatTraceDate(v.effectiveTo)}`;
  return `Agreement version ${v.version} applies: in force from ${formatTraceDate(v.effectiveFrom)} ${until}, which covers the close date ${formatTraceDate(v.closeDate)}.`;
}

function dealSize(v: Values, s: State): string {
  const size = formatMinor(v.dealSizeMinor, s.currency);
  const min = v.minDealMinor === "none" ? null : formatMinor(v.minDealMinor, s.currency);
  const max = v.maxDealMinor === "none" ? null : formatMinor(v.maxDealMinor, s.currency);
  const exact = Number(v.dealSizeMinor);
  if (min !== null && exact < Number(v.minDealMinor))
    return `Deal size ${size} is below the agreement's minimum of ${min}, so this deal earns no commission.`;
  if (max !== null && exact > Number(v.maxDealMinor))
    return `Deal size ${size} is above the agreement's maximum of ${max}, so this deal earns no commission.`;
  const bounds = [min ? `minimum ${min}` : "no minimum", max ? `maximum ${max}` : "no maximum"];
  return `Deal size ${size} is within the agreement's limits (${bounds.join(", ")}).`;
}

function basis(v: Values, s: State): string {
  const what = v.basis === "net_revenue" ? "our net revenue from the deal" : "the deal value";
  return `Commission basis: ${what}, ${formatMinor(v.amountMinor, s.dealCurrency)}.`;
}

function recurringBasis(v: Values, s: State): string {
  const months = Number(v.months);
  const per = formatMinor(v.perPeriodMinor, s.dealCurrency);
  const total = formatMinor(v.basisMinor, s.dealCurrency);
  if (v.cadence === "annual") {
    const years = months / 12;
    const term = Number.isInteger(years) ? `${years} ${years === 1 ? "year" : "years"}` : `${months} months`;
    return `Recurring: ${per} a year for ${term} = ${total}.`;
  }
  return `Recurring: ${per} a month for ${months} ${months === 1 ? "month" : "months"} = ${total}.`;
}

function fx(v: Values): string {
  const from = String(v.from);
  const to = String(v.to);
  const rate = v.inverse === "true" ? `1 ÷ ${v.rate}` : String(v.rate);
  return `Converted from ${from} to ${to} at ${rate} (rate of ${formatTraceDate(v.rateDate)}): ${formatMinor(v.amountFromMinor, from)} = ${formatMinor(v.amountToMinor, to)}.`;
}

function ratePrecedence(v: Values): string {
  const applied = isSource(v.applied) ? v.applied : "base";
  const lower = RATE_PRECEDENCE.slice(RATE_PRECEDENCE.indexOf(applied) + 1).map((x) => SOURCE_LABELS[x]);
  const higher = RATE_PRECEDENCE.slice(0, RATE_PRECEDENCE.indexOf(applied)).map((x) => SOURCE_LABELS[x]);
  const label = capitalise(SOURCE_LABELS[applied]);
  const setAside = String(v.passedOver ?? "none")
    .split(",")
    .filter((x) => isSource(x))
    .map((x) => SOURCE_LABELS[x as RateSource]);
  const aside = setAside.length
    ? ` The matching ${listOf(setAside)} ${setAside.length === 1 ? "rate was" : "rates were"} set aside.`
    : "";
  if (applied === "base")
    return `Base rate applies: no ${listOf(higher, "or")} rate matches this deal.${aside}`;
  const none = higher.length ? ` (no ${listOf(higher, "or")} rate matches)` : "";
  return `${label} rate applies${none}: it beats ${listOf(lower)} rates.${aside}`;
}

function override(v: Values): string {
  const range = `${String(v.range ?? "").replace("–", " – ")} %`;
  const reason = String(v.reason ?? "").trim().replace(/[.!?]+$/, "");
  const head =
    v.inRange === "false"
      ? `VP-approved deal override of ${formatRate(v.rate)}, outside the allowed range of ${range}`
      : `Deal override of ${formatRate(v.rate)}, within the allowed range of ${range}`;
  return reason ? `${head}. Reason: ${reason}.` : `${head}.`;
}

function customerRate(v: Values): string {
  const by = v.matchedOn === "domain" ? "matched on the email domain" : "matched on the customer name";
  return `Customer-specific rate of ${formatRate(v.rate)} for ${v.customer} (${by}).`;
}

function promotion(v: Values): string {
  return `Promotional rate of ${formatRate(v.rate)} for deals closing from ${formatTraceDate(v.start)} to ${formatTraceDate(v.end)}; this deal closed on ${formatTraceDate(v.closeDate)}.`;
}

function tierRetroactive(v: Values, s: State): string {
  const after = formatMinor(v.volumeAfterMinor, s.currency);
  const from = formatMinor(v.tierFromMinor, s.currency);
  return `Volume tier: this period's volume reaches ${after} with this deal, so the whole deal earns the ${formatRate(v.rate)} tier (from ${from}).`;
}

function tierMarginal(v: Values, s: State): string {
  const from = formatMinor(v.fromMinor, s.currency);
  const band = v.toMinor === "∞" ? `${from} and up` : `${from} to ${formatMinor(v.toMinor, s.currency)}`;
  return `Volume tier ${band}: ${formatRate(v.rate)} on ${formatMinor(v.sliceMinor, s.currency)} of this deal = ${formatMinor(v.commissionMinor, s.currency)}.`;
}

function baseRate(v: Values, s: State): string {
  const model = MODEL_LABELS[String(v.model)];
  const name = s.baseRateName ? `${s.baseRateName} rate` : `base rate of the ${model ? `${model} ` : ""}agreement`;
  return `${capitalise(name)}: ${formatRate(v.rate)}.`;
}

function commissionExact(v: Values, s: State): string {
  return `${formatRate(v.preLimitRate)} ${sourceLabel(v.source, s)} rate on ${formatMinor(v.basisMinor, s.currency)} = ${formatMinor(v.commissionMinor, s.currency)}.`;
}

function floorPerDeal(v: Values, s: State): string {
  return `Raised from ${formatMinor(v.beforeMinor, s.currency)} to the per-deal minimum of ${formatMinor(v.afterMinor, s.currency)}.`;
}

function capPerDeal(v: Values, s: State): string {
  return `Limited from ${formatMinor(v.beforeMinor, s.currency)} to the per-deal cap of ${formatMinor(v.afterMinor, s.currency)}.`;
}

function capPerPeriod(v: Values, s: State, step: TraceStep): string {
  const head = `Limited from ${formatMinor(v.beforeMinor, s.currency)} to ${formatMinor(v.afterMinor, s.currency)}`;
  // The cap and what was already booked are only in the detail of traces written so far.
  const found = /period cap (\d+) \((\d+) already booked\)/.exec(step.detail);
  if (!found) return `${head}, what was left under the period cap.`;
  return `${head}, what was left under the period cap of ${formatMinor(found[1], s.currency)} (${formatMinor(found[2], s.currency)} already earned this period).`;
}

function rounding(v: Values, s: State): string {
  const rounded = formatMinor(v.roundedMinor, s.currency);
  if (Number(v.adjustmentMinor) === 0) return `No rounding needed: the commission is exactly ${rounded}.`;
  return `Rounded once to ${rounded} (from ${formatMinor(v.exactMinor, s.currency)}, halves away from zero).`;
}

function scheduleSplit(v: Values, s: State): string {
  const total = formatMinor(v.totalMinor, s.currency);
  const n = Number(v.lines);
  if (n === 1) return `Paid as one line of ${total}, due ${formatTraceDate(v.firstDue)}.`;
  return `Paid in ${n} lines from ${formatTraceDate(v.firstDue)} to ${formatTraceDate(v.lastDue)}, adding up exactly to ${total}.`;
}

function effectiveRate(v: Values, s: State): string {
  return `Effective rate: ${formatRate(v.effectiveRate)} (${formatMinor(v.totalMinor, s.currency)} on a basis of ${formatMinor(v.basisMinor, s.currency)}).`;
}

function lifetimeHorizon(v: Values): string {
  return `Lifetime commission, scheduled over the first ${v.horizonMonths} months.`;
}

/** One sentence per rule the engine writes (lib/commissions/*.ts `rule:` values). */
export const EXPLAINERS: Record<string, Explainer> = {
  version,
  deal_size: dealSize,
  basis,
  lifetime_horizon: lifetimeHorizon,
  recurring_basis: recurringBasis,
  fx,
  rate_precedence: ratePrecedence,
  override,
  customer_rate: customerRate,
  promotion,
  volume_tier_retroactive: tierRetroactive,
  volume_tier_marginal: tierMarginal,
  base_rate: baseRate,
  commission_exact: commissionExact,
  floor_per_deal: floorPerDeal,
  cap_per_deal: capPerDeal,
  cap_per_period: capPerPeriod,
  rounding,
  schedule_split: scheduleSplit,
  effective_rate: effectiveRate,
};

/** A rule this renderer does not know yet: its own words with the key turned into words. */
function fallback(step: TraceStep): string {
  const words = step.rule.replace(/_/g, " ");
  return `${capitalise(words)}: ${step.detail.replace(/\b([a-z]+)_([a-z_]+)\b/g, (m) => m.replace(/_/g, " "))}.`;
}

/** Every step of a trace as a sentence, in order. */
export function explainTrace(trace: readonly TraceStep[], context: ExplainContext): string[] {
  const state: State = { ...context, dealCurrency: context.currency };
  return trace.map((step) => {
    if (step.rule === "basis" && typeof step.values.currency === "string") state.dealCurrency = step.values.currency;
    const explain = EXPLAINERS[step.rule];
    if (!explain) return fallback(step);
    try {
      const text = explain(step.values ?? {}, state, step);
      // A stored step missing a value it needs reads in its own words rather than with a gap.
      return /undefined|NaN|\(rate of \)/.test(text) ? fallback(step) : text;
    } catch {
      // A malformed stored step must not break the page it is shown on.
      return fallback(step);
    }
  });
}
