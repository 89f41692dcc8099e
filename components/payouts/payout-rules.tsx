import { formatMoney } from "@/lib/money";
import { DEFAULT_HOLDING_DAYS } from "@/lib/payouts/approval-queue";

/** The rules finance works by, in words, beside the queue. */
export function PayoutRules({ minimum, simulated }: { minimum: { minimumMinor: number; currency: string }; simulated: boolean }) {
  return (
    <details className="rounded-lg border p-3 text-sm">
      <summary className="cursor-pointer font-medium">How approval and payouts work</summary>
      <ul className="mt-2 grid list-disc gap-1 pl-5 text-muted-foreground">
        <li>
          A commission can be approved once its holding period is over: the partner tier&apos;s holding days
          ({DEFAULT_HOLDING_DAYS} without a tier) after the line&apos;s due date, or after the deal&apos;s close for one-time lines.
        </li>
        <li>A clawback is approved with the line it claws back, or any time after that line was approved.</li>
        <li>Approving or rejecting several lines is all or nothing. A rejection needs a reason and can be undone.</li>
        <li>
          A batch pays each partner one statement per currency: approved lines with clawbacks netted in. A statement below the{" "}
          {formatMoney(minimum.minimumMinor, minimum.currency)} minimum payout is carried forward to a later batch.
        </li>
        <li>Triggering a batch twice never pays a partner twice; a failed payout can be retried or marked as paid externally.</li>
        {simulated ? <li>No Stripe key is configured: transfers are recorded as simulated and no money moves.</li> : null}
      </ul>
    </details>
  );
}
