/**
 * Payment models → dated lines. The commission total is rounded once by the engine; this module only
 * splits that integer across lines by weight (see `allocate`: floors, leftover units to the first lines).
 * Recurring lines are paid in arrears: line n covers period n and falls due at its end (close + n months,
 * or close + 12n months capped at the term), because a period's revenue is only earned once served.
 */
import { addDays, addMonths } from "./dates";
import { CommissionRuleError } from "./errors";
import {
  add,
  allocate,
  cmp,
  HUNDRED,
  int,
  integerWeights,
  mul,
  parseDecimal,
  sub,
  ZERO,
  type Ratio,
} from "./decimal";
import { isPercent } from "./ranges";
import type {
  AgreementVersion,
  Cadence,
  CommissionLine,
  LineKind,
  MilestoneTerm,
  RecurringTerms,
  TraceStep,
} from "./types";

/** "lifetime" recurring commissions are scheduled over this many months; later months need a new calculation. */
export const LIFETIME_HORIZON_MONTHS = 36;

export interface PlannedLine {
  kind: LineKind;
  label: string;
  dueDate: string;
  weight: Ratio;
}

export interface LineMeta {
  dealId: string;
  agreementVersionId: string;
  direction: CommissionLine["direction"];
  currency: string;
}

function checkMonths(months: number, what: string): number {
  if (!Number.isInteger(months) || months < 1 || months > 1200) {
    throw new CommissionRuleError("invalid_terms", `${what} months must be an integer 1–1200, got ${months}`);
  }
  return months;
}

/** Term length in months; "lifetime" becomes the bounded horizon. */
export function horizonMonths(terms: RecurringTerms): number {
  return terms.months === "lifetime" ? LIFETIME_HORIZON_MONTHS : checkMonths(terms.months, "recurring");
}

/** One entry per payment period: monthly periods cover 1 month; annual ones 12, the last possibly fewer. */
function periods(
  months: number,
  cadence: Cadence,
  closeDate: string,
): { covered: number; dueDate: string; label: string }[] {
  if (cadence === "monthly") {
    return Array.from({ length: months }, (_, i) => ({
      covered: 1,
      dueDate: addMonths(closeDate, i + 1),
      label: `Month ${i + 1} of ${months}`,
    }));
  }
  const years = Math.ceil(months / 12);
  return Array.from({ length: years }, (_, i) => {
    const end = Math.min(12 * (i + 1), months);
    return { covered: end - 12 * i, dueDate: addMonths(closeDate, end), label: `Year ${i + 1} of ${years}` };
  });
}

function recurringPlan(version: AgreementVersion, closeDate: string): PlannedLine[] {
  const terms = version.terms.recurring;
  if (!terms)
    throw new CommissionRuleError("payment_terms_missing", "a recurring agreement needs terms.recurring");
  return periods(horizonMonths(terms), terms.cadence, closeDate).map((p) => ({
    kind: "recurring",
    label: p.label,
    dueDate: p.dueDate,
    weight: int(p.covered),
  }));
}

function hybridPlan(version: AgreementVersion, closeDate: string): PlannedLine[] {
  const terms = version.terms.hybrid;
  if (!terms) throw new CommissionRuleError("payment_terms_missing", "a hybrid agreement needs terms.hybrid");
  if (!isPercent(terms.upfrontPercent))
    throw new CommissionRuleError(
      "invalid_terms",
      `upfrontPercent must be 0–100, got ${terms.upfrontPercent}`,
    );
  const months = checkMonths(terms.months, "hybrid");
  const upfront = parseDecimal(terms.upfrontPercent);
  const rest = sub(HUNDRED, upfront);
  // Weights in percent-months: upfront u × H, each period (100 − u) × months covered; they sum to 100 × H.
  const spread = periods(months, terms.cadence, closeDate).map((p): PlannedLine => ({
    kind: "recurring",
    label: p.label,
    dueDate: p.dueDate,
    weight: mul(rest, int(p.covered)),
  }));
  return [
    {
      kind: "upfront",
      label: `Upfront ${terms.upfrontPercent}% at close`,
      dueDate: closeDate,
      weight: mul(upfront, int(months)),
    },
    ...spread,
  ];
}

/** Milestone percentages must add up to exactly 100, compared as exact decimals. */
export function milestonesSumTo100(milestones: readonly MilestoneTerm[]): boolean {
  const sum = milestones.reduce((acc, m) => add(acc, parseDecimal(m.percent)), ZERO);
  return cmp(sum, HUNDRED) === 0;
}

function milestonePlan(version: AgreementVersion, closeDate: string): PlannedLine[] {
  const milestones = version.terms.milestones;
  if (!milestones?.length)
    throw new CommissionRuleError("payment_terms_missing", "a milestone agreement needs terms.milestones");
  if (!milestones.every((m) => isPercent(m.percent)) || !milestonesSumTo100(milestones)) {
    throw new CommissionRuleError(
      "milestones_must_sum_to_100",
      `milestone percentages must sum to 100, got ${milestones.map((m) => m.percent).join(" + ")}`,
    );
  }
  return milestones.map((m) => {
    if (!Number.isInteger(m.dueAfterDays) || m.dueAfterDays < 0) {
      throw new CommissionRuleError(
        "invalid_terms",
        `milestone "${m.name}" dueAfterDays must be a non-negative integer`,
      );
    }
    return {
      kind: "milestone",
      label: m.name,
      dueDate: addDays(closeDate, m.dueAfterDays),
      weight: parseDecimal(m.percent),
    };
  });
}

/** The dated lines of a payment model; zero-share lines (a 0 % milestone, a 100 % upfront's tail) are dropped. */
export function planLines(version: AgreementVersion, closeDate: string): PlannedLine[] {
  const plan =
    version.paymentModel === "recurring"
      ? recurringPlan(version, closeDate)
      : version.paymentModel === "hybrid"
        ? hybridPlan(version, closeDate)
        : version.paymentModel === "milestone"
          ? milestonePlan(version, closeDate)
          : [
              {
                kind: "one_time" as const,
                label: "One-time commission at close",
                dueDate: closeDate,
                weight: int(1),
              },
            ];
  return plan.filter((line) => line.weight.num !== 0n);
}

/** Splits the rounded total over the plan so the lines sum to it exactly; keys are deterministic. */
export function materialise(
  totalMinor: number,
  plan: readonly PlannedLine[],
  meta: LineMeta,
  trace: TraceStep[],
): CommissionLine[] {
  const amounts = allocate(totalMinor, integerWeights(plan.map((line) => line.weight)));
  const counters = new Map<LineKind, number>();
  const lines = plan.map((line, i): CommissionLine => {
    const n = (counters.get(line.kind) ?? 0) + 1;
    counters.set(line.kind, n);
    return {
      key: `${meta.dealId}:${meta.agreementVersionId}:${line.kind}:${n}`,
      dealId: meta.dealId,
      agreementVersionId: meta.agreementVersionId,
      direction: meta.direction,
      kind: line.kind,
      label: line.label,
      amountMinor: amounts[i]!,
      currency: meta.currency,
      dueDate: line.dueDate,
    };
  });
  trace.push({
    rule: "schedule_split",
    detail: `${lines.length} line(s) sum exactly to ${totalMinor}; leftover minor units go to the first lines`,
    values: {
      lines: lines.length,
      totalMinor,
      firstDue: lines[0]?.dueDate ?? "",
      lastDue: lines.at(-1)?.dueDate ?? "",
    },
  });
  return lines;
}
