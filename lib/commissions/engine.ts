/**
 * The pure commission engine: deal + agreement versions + FX + period context → a schedule of lines
 * and a trace naming every rule applied with its numbers. Order: version in force → deal-size
 * thresholds → basis, converted exactly into the agreement currency → rate (precedence in rates.ts)
 * → floor, cap per deal, cap per period (on the exact amount) → ONE rounding, half away from zero →
 * split into lines that sum exactly to the total (schedule.ts).
 */
import { commissionBasis, sizeExclusion } from "./basis";
import { isoDate } from "./dates";
import { cmp, div, int, mul, roundHalfAwayFromZero, show, sub, toFixed, ZERO, type Ratio } from "./decimal";
import { assertMinor } from "./errors";
import { rateCommission, ratePercent } from "./rates";
import { materialise, planLines } from "./schedule";
import type { AgreementVersion, CommissionInput, Excluded, Schedule, TraceStep } from "./types";

export { CommissionRuleError } from "./errors";

export function isExcluded(result: Schedule | Excluded): result is Excluded {
  return "excluded" in result;
}

/** effectiveFrom ≤ close < effectiveTo, so a switch day belongs to the new version; overlaps (invalid) go to the highest. */
export function versionInForce(
  versions: readonly AgreementVersion[],
  closeDate: string,
): AgreementVersion | undefined {
  let found: AgreementVersion | undefined;
  for (const v of versions) {
    const inForce = v.effectiveFrom <= closeDate && (v.effectiveTo === null || closeDate < v.effectiveTo);
    if (inForce && (!found || v.version > found.version)) found = v;
  }
  return found;
}

function limit(amount: Ratio, bound: number, rule: string, detail: string, trace: TraceStep[]): Ratio {
  trace.push({ rule, detail, values: { beforeMinor: show(amount), afterMinor: bound } });
  return int(bound);
}

/** Floor, then cap per deal, then what is left under the period cap; exact, before rounding. */
function applyLimits(
  commission: Ratio,
  version: AgreementVersion,
  input: CommissionInput,
  trace: TraceStep[],
): Ratio {
  const { floorPerDealMinor: floor, capPerDealMinor: cap, capPerPeriodMinor: periodCap } = version.terms;
  let amount = commission;
  if (floor !== undefined && cmp(amount, int(floor)) < 0) {
    amount = limit(amount, floor, "floor_per_deal", `raised to the per-deal floor ${floor}`, trace);
  }
  if (cap !== undefined && cmp(amount, int(cap)) > 0) {
    amount = limit(amount, cap, "cap_per_deal", `limited to the per-deal cap ${cap}`, trace);
  }
  if (periodCap !== undefined) {
    const before = input.period.commissionBeforeMinor;
    const room = Math.max(0, periodCap - before);
    if (cmp(amount, int(room)) > 0) {
      const detail = `limited to the ${room} left under the period cap ${periodCap} (${before} already booked)`;
      amount = limit(amount, room, "cap_per_period", detail, trace);
    }
  }
  return amount;
}

function validateInput({ deal, period }: CommissionInput): string {
  assertMinor(deal.valueMinor, `deal ${deal.id} valueMinor`);
  if (deal.netRevenueMinor !== undefined)
    assertMinor(deal.netRevenueMinor, `deal ${deal.id} netRevenueMinor`);
  if (deal.recurringValueMinor !== undefined) {
    assertMinor(deal.recurringValueMinor, `deal ${deal.id} recurringValueMinor`);
  }
  assertMinor(period.volumeBeforeMinor, "period volumeBeforeMinor");
  assertMinor(period.commissionBeforeMinor, "period commissionBeforeMinor");
  return isoDate(deal.closeDate);
}

function versionStep(version: AgreementVersion, closeDate: string): TraceStep {
  const { id, version: n, effectiveFrom, effectiveTo, model, direction, paymentModel, currency } = version;
  return {
    rule: "version",
    detail: `version ${n} in force on ${closeDate} (${model}, ${direction}, ${paymentModel}, ${currency})`,
    values: {
      versionId: id,
      version: n,
      effectiveFrom,
      effectiveTo: effectiveTo ?? "open",
      closeDate,
      model,
    },
  };
}

/** Rate, limits and the single rounding: the total in minor units of the agreement currency. */
function totalFor(
  input: CommissionInput,
  version: AgreementVersion,
  basis: Ratio,
  closeDate: string,
  trace: TraceStep[],
): { totalMinor: number; source: string } {
  const { deal, period, override } = input;
  const rated = rateCommission(basis, { version, deal, closeDate, period, override }, trace);
  trace.push({
    rule: "commission_exact",
    detail: "basis × rate, before floors and caps",
    values: {
      basisMinor: show(basis),
      commissionMinor: show(rated.commission),
      preLimitRate: toFixed(ratePercent(rated.commission, basis), 4),
      source: rated.source,
    },
  });
  const limited = applyLimits(rated.commission, version, input, trace);
  const totalMinor = roundHalfAwayFromZero(limited);
  trace.push({
    rule: "rounding",
    detail: "rounded once to whole minor units, half away from zero",
    values: {
      exactMinor: show(limited),
      roundedMinor: totalMinor,
      adjustmentMinor: show(sub(int(totalMinor), limited)),
    },
  });
  return { totalMinor, source: rated.source };
}

/** One deal's commission schedule under the agreement version in force on its close date. */
export function calculateSchedule(input: CommissionInput): Schedule | Excluded {
  const trace: TraceStep[] = [];
  const closeDate = validateInput(input);
  const version = versionInForce(input.versions, closeDate);
  if (!version) {
    const values = { closeDate, versions: input.versions.length };
    trace.push({ rule: "version", detail: `no agreement version in force on ${closeDate}`, values });
    return { excluded: true, reason: "no_version_in_force", trace };
  }
  trace.push(versionStep(version, closeDate));
  const exclusion = sizeExclusion(input, version, trace);
  if (exclusion) return { excluded: true, reason: exclusion, trace };

  // Planned before any amount so that malformed payment terms fail whatever the deal's numbers.
  const plan = planLines(version, closeDate);
  const basis = commissionBasis(input, version, trace);
  const { totalMinor, source } = totalFor(input, version, basis, closeDate, trace);
  const { id: agreementVersionId, direction, currency } = version;
  const lines = materialise(
    totalMinor,
    plan,
    { dealId: input.deal.id, agreementVersionId, direction, currency },
    trace,
  );
  const effectiveRate = toFixed(basis.num === 0n ? ZERO : mul(div(int(totalMinor), basis), int(100)), 4);
  const values = { totalMinor, basisMinor: show(basis), effectiveRate };
  trace.push({ rule: "effective_rate", detail: `the total is ${effectiveRate}% of the basis`, values });
  return {
    lines,
    totalMinor,
    currency,
    basisMinor: roundHalfAwayFromZero(basis),
    rateSource: source,
    agreementVersionId,
    effectiveRate,
    trace,
  };
}
