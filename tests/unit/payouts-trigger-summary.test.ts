import { describe, expect, test } from "vitest";
import { summariseToPay, triggerAnswer } from "@/lib/payouts/trigger-summary";

describe("what a trigger answers", () => {
  test.each([
    [{ sent: 3, failed: 0, alreadyProcessing: 0 }, false, "3 sent"],
    [{ sent: 2, failed: 1, alreadyProcessing: 0 }, false, "2 sent · 1 failed"],
    [{ sent: 0, failed: 0, alreadyProcessing: 4 }, false, "0 sent · 4 already processing"],
    [{ sent: 1, failed: 0, alreadyProcessing: 0 }, true, "1 simulated payout recorded, no money moved"],
    [{ sent: 3, failed: 0, alreadyProcessing: 0 }, true, "3 simulated payouts recorded, no money moved"],
    [
      { sent: 0, failed: 0, alreadyProcessing: 0, alreadyDone: { paid: 5, failed: 0 } },
      true,
      "Already paid: this batch completed earlier (5 statements); nothing was sent again.",
    ],
    [
      { sent: 0, failed: 0, alreadyProcessing: 0, alreadyDone: { paid: 4, failed: 1 } },
      false,
      "This batch already ran: 4 paid, 1 failed. Retry a failed payout from its statement below.",
    ],
  ])("%j (simulated %s) → %s", (result, simulated, expected) => {
    expect(triggerAnswer(result, simulated)).toBe(expected);
    expect(triggerAnswer(result, simulated)).not.toMatch(/^0 sent · 0 failed/);
  });

  test("the confirmation counts only what is still to pay, per currency, and distinct partners", () => {
    const p = (partnerId: string, currency: string, amountMinor: number, status: string) => ({ partnerId, currency, amountMinor, status });
    expect(
      summariseToPay([
        p("a", "USD", 30_000, "pending"),
        p("a", "EUR", 25_000, "pending"),
        p("b", "USD", 9_000, "failed"),
        p("c", "USD", 5_000, "paid"),
        p("d", "USD", 7_000, "cancelled"),
      ]),
    ).toEqual({
      totals: [
        { currency: "EUR", amountMinor: 25_000 },
        { currency: "USD", amountMinor: 39_000 },
      ],
      partners: 2,
      statements: 3,
    });
  });
});
