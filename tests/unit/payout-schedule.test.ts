import { describe, expect, test } from "vitest";
import { lastCompletePeriod } from "@/lib/payouts/schedule";

describe("last complete payout period per cadence", () => {
  test.each([
    ["monthly", "2026-11-21", "2026-10-01", "2026-10-31"],
    ["monthly", "2026-03-01", "2026-02-01", "2026-02-28"],
    ["monthly", "2026-01-10", "2025-12-01", "2025-12-31"],
    ["weekly", "2026-11-21", "2026-11-09", "2026-11-15"], // a Saturday
    ["weekly", "2026-11-16", "2026-11-09", "2026-11-15"], // a Monday: last week just ended
    ["weekly", "2026-11-22", "2026-11-09", "2026-11-15"], // a Sunday: this week is not over
    ["biweekly", "2026-01-19", "2026-01-05", "2026-01-18"],
    ["biweekly", "2026-01-30", "2026-01-05", "2026-01-18"],
    ["biweekly", "2026-02-02", "2026-01-19", "2026-02-01"],
    ["biweekly", "2026-01-05", "2025-12-22", "2026-01-04"],
    ["realtime", "2026-11-21", "2026-11-20", "2026-11-20"],
  ] as const)("%s on %s → %s … %s", (cadence, today, start, end) => {
    expect(lastCompletePeriod(cadence, today)).toEqual({ start, end });
  });
});
