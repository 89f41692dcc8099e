import type { TriggerResult } from "./trigger";

/** What triggering a batch would still pay: the statements not yet sent or paid, per currency, and how many partners. */
export interface BatchToPay {
  totals: { currency: string; amountMinor: number }[];
  partners: number;
  statements: number;
}

const OPEN = new Set(["pending", "processing", "failed"]);

export function summariseToPay(
  payouts: readonly { partnerId: string; currency: string; amountMinor: number; status: string }[],
): BatchToPay {
  const open = payouts.filter((p) => OPEN.has(p.status));
  const totals = new Map<string, number>();
  for (const p of open) totals.set(p.currency, (totals.get(p.currency) ?? 0) + p.amountMinor);
  return {
    totals: [...totals.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
    partners: new Set(open.map((p) => p.partnerId)).size,
    statements: open.length,
  };
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** What the finance user reads after a trigger: paid, failed, still in flight, or that it had been paid before. */
export function triggerAnswer(result: TriggerResult, simulated: boolean): string {
  if (result.alreadyDone) {
    const { paid, failed } = result.alreadyDone;
    if (failed === 0) return `Already paid: this batch completed earlier (${plural(paid, "statement")}); nothing was sent again.`;
    return `This batch already ran: ${paid} paid, ${failed} failed. Retry a failed payout from its statement below.`;
  }
  const parts = [
    simulated ? `${plural(result.sent, "simulated payout")} recorded, no money moved` : `${result.sent} sent`,
    result.failed ? `${result.failed} failed` : null,
    result.alreadyProcessing ? `${result.alreadyProcessing} already processing` : null,
  ].filter(Boolean);
  return parts.join(" · ");
}
