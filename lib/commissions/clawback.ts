/**
 * Refunds and recalculation. Approved or paid money is never edited: a refund appends negative
 * clawback lines linked to the originals, and a recalculation only replaces lines none of which is frozen.
 */
import { isoDate } from "./dates";
import { CommissionRuleError } from "./errors";
import { cmp, int, mul, parseDecimal, roundHalfAwayFromZero } from "./decimal";
import type { CommissionLine, CommissionStatus, StoredCommissionLine } from "./types";

export interface ClawbackOptions {
  /** Share of each original line to reverse: "1" (full refund) … "0.5" (half); 0 < share ≤ 1. */
  refundedShare: string;
  /** Refund or cancellation date; becomes the clawback lines' due date and part of their keys. */
  date: string;
}

/**
 * Negative lines reversing `refundedShare` of each original line, each rounded once half away from zero
 * (a full refund reverses exactly). Earlier clawbacks in `lines` reduce what is left to reverse, so the
 * total reversed never exceeds the original. Keys are `${original}:clawback:${date}`: a second refund
 * submitted the same day yields the same key and is skipped here and rejected by the unique constraint.
 */
export function clawback(lines: readonly CommissionLine[], options: ClawbackOptions): CommissionLine[] {
  const share = parseDecimal(options.refundedShare);
  if (share.num <= 0n || cmp(share, int(1)) > 0) {
    throw new CommissionRuleError(
      "invalid_terms",
      `refundedShare must be in (0, 1], got ${options.refundedShare}`,
    );
  }
  const date = isoDate(options.date);
  const reversed = new Map<string, number>();
  const existingKeys = new Set<string>();
  for (const line of lines) {
    existingKeys.add(line.key);
    if (line.kind === "clawback" && line.clawbackOf)
      reversed.set(line.clawbackOf, (reversed.get(line.clawbackOf) ?? 0) - line.amountMinor);
  }
  const result: CommissionLine[] = [];
  for (const original of lines) {
    const key = `${original.key}:clawback:${date}`;
    if (original.kind === "clawback" || existingKeys.has(key)) continue;
    const left = original.amountMinor - (reversed.get(original.key) ?? 0);
    const amount = Math.min(roundHalfAwayFromZero(mul(int(original.amountMinor), share)), left);
    if (amount <= 0) continue;
    result.push({
      ...original,
      key,
      kind: "clawback",
      label: `Clawback (${options.refundedShare} of ${original.label})`,
      amountMinor: -amount,
      dueDate: date,
      clawbackOf: original.key,
    });
  }
  return result;
}

const FROZEN: ReadonlySet<CommissionStatus> = new Set(["approved", "paid", "clawed_back"]);

/** forecast/earned lines follow the deal and agreement; approved, paid and clawed-back lines are final. */
export function isFrozen(status: CommissionStatus): boolean {
  return FROZEN.has(status);
}

export type Recalculation =
  | { frozen: true; frozenKeys: string[] }
  | { frozen: false; changed: boolean; lines: CommissionLine[]; removedKeys: string[] };

function sameLine(a: CommissionLine, b: CommissionLine): boolean {
  return (
    a.amountMinor === b.amountMinor &&
    a.dueDate === b.dueDate &&
    a.label === b.label &&
    a.currency === b.currency &&
    a.direction === b.direction
  );
}

/**
 * Replacement for a deal's stored lines after the deal or agreement changed. If any stored line is
 * frozen (or is a clawback, which is never edited) nothing is replaced. Otherwise the fresh lines replace
 * the stored ones; `changed` is false when keys and amounts already match, so a repeat is a no-op.
 */
export function recalculate(
  existing: readonly StoredCommissionLine[],
  fresh: readonly CommissionLine[],
): Recalculation {
  const frozenKeys = existing
    .filter((line) => isFrozen(line.status) || line.kind === "clawback")
    .map((line) => line.key);
  if (frozenKeys.length > 0) return { frozen: true, frozenKeys };
  const freshByKey = new Map(fresh.map((line) => [line.key, line]));
  const removedKeys = existing.filter((line) => !freshByKey.has(line.key)).map((line) => line.key);
  const changed =
    removedKeys.length > 0 ||
    existing.length !== fresh.length ||
    existing.some((line) => !sameLine(line, freshByKey.get(line.key)!));
  return { frozen: false, changed, lines: [...fresh], removedKeys };
}
