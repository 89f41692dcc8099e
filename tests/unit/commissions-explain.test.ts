import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { deal, NO_PERIOD, schedule, version, type Case } from "../support/commissions";
import { calculateSchedule } from "@/lib/commissions/engine";
import { EXPLAINERS, explainTrace, formatMinor } from "@/lib/commissions/explain";
import type { TraceStep } from "@/lib/commissions/types";

const TIERS = (mode: "marginal" | "retroactive") => ({
  volumeTiers: { mode, tiers: [{ fromMinor: 0, rate: "10" }, { fromMinor: 5_000_000, rate: "20" }] },
});

/** The sentence the first step of `rule` in the case's trace renders to (agreement currency USD). */
function sentence(c: Case | TraceStep[], rule: string, baseRateName?: string): string {
  const trace = Array.isArray(c) ? c : schedule(c).trace;
  const sentences = explainTrace(trace, { currency: "USD", baseRateName });
  const i = trace.findIndex((s) => s.rule === rule);
  expect(i, `no ${rule} step in the trace`).toBeGreaterThanOrEqual(0);
  return sentences[i]!;
}

const excludedTrace = (over: Parameters<typeof version>[0], closeDate = "2025-06-15") => {
  const result = calculateSchedule({ deal: deal({ closeDate }), versions: [version(over)], fx: [], period: NO_PERIOD });
  return result.trace;
};

// Deal of $10,000.00 (1,000,000 cents) at 15 % unless a case says otherwise.
const CASES: [string, Case | TraceStep[], string][] = [
  ["version", {}, "Agreement version 1 applies: in force from Jan 1, 2025 with no end date, which covers the close date Jun 15, 2025."],
  ["version", excludedTrace({ effectiveFrom: "2026-01-01" }), "No agreement version is in force on Jun 15, 2025 (the one version on file), so this deal earns no commission."],
  ["deal_size", { terms: { minDealMinor: 100_000 } }, "Deal size $10,000.00 is within the agreement's limits (minimum $1,000.00, no maximum)."],
  ["deal_size", excludedTrace({ terms: { minDealMinor: 2_000_000 } }), "Deal size $10,000.00 is below the agreement's minimum of $20,000.00, so this deal earns no commission."],
  ["deal_size", excludedTrace({ terms: { maxDealMinor: 500_000 } }), "Deal size $10,000.00 is above the agreement's maximum of $5,000.00, so this deal earns no commission."],
  ["basis", {}, "Commission basis: the deal value, $10,000.00."],
  ["basis", { v: { basis: "net_revenue" }, d: { netRevenueMinor: 400_000 } }, "Commission basis: our net revenue from the deal, $4,000.00."],
  [
    "recurring_basis",
    { v: { paymentModel: "recurring" }, terms: { recurring: { months: 12, cadence: "monthly" } }, d: { recurringValueMinor: 150_000 } },
    "Recurring: $1,500.00 a month for 12 months = $18,000.00.",
  ],
  [
    "recurring_basis",
    { v: { paymentModel: "recurring" }, terms: { recurring: { months: 24, cadence: "annual" } }, d: { recurringValueMinor: 1_200_000 } },
    "Recurring: $12,000.00 a year for 2 years = $24,000.00.",
  ],
  [
    "lifetime_horizon",
    { v: { paymentModel: "recurring" }, terms: { recurring: { months: "lifetime", cadence: "monthly" } }, d: { recurringValueMinor: 100_000 } },
    "Lifetime commission, scheduled over the first 36 months.",
  ],
  ["fx", { d: { currency: "EUR" } }, "Converted from EUR to USD at 1.0842 (rate of Jun 1, 2025): €10,000.00 = $10,842.00."],
  ["fx", { v: { currency: "EUR" }, d: { currency: "USD" }, fx: [{ date: "2025-06-01", from: "EUR", to: "USD", rate: "1.25" }] }, "Converted from USD to EUR at 1 ÷ 1.25 (rate of Jun 1, 2025): $10,000.00 = €8,000.00."],
  ["rate_precedence", {}, "Base rate applies: no override, customer, promotion or volume tier rate matches this deal."],
  [
    "rate_precedence",
    { override: { rate: "25", reason: "board deal", approved: false } },
    "Override rate applies: it beats customer, promotion, volume tier and base rates.",
  ],
  [
    "rate_precedence",
    { terms: { ...TIERS("marginal"), promotions: [{ start: "2025-06-01", end: "2025-06-30", rate: "20" }], customerRates: [{ customer: "Initech", rate: "18" }] } },
    "Customer rate applies (no override rate matches): it beats promotion, volume tier and base rates. The matching promotion and volume tier rates were set aside.",
  ],
  ["override", { override: { rate: "25", reason: "board deal.", approved: false } }, "Deal override of 25 %, within the allowed range of 5 – 25 %. Reason: board deal."],
  ["override", { override: { rate: "40", reason: "strategic logo", approved: true } }, "VP-approved deal override of 40 %, outside the allowed range of 5 – 25 %. Reason: strategic logo."],
  ["customer_rate", { terms: { customerRates: [{ customer: "Initech", rate: "18" }] } }, "Customer-specific rate of 18 % for Initech (matched on the customer name)."],
  [
    "customer_rate",
    { terms: { customerRates: [{ customer: "@initech.com", rate: "18" }] }, d: { customerDomain: "bob@initech.com" } },
    "Customer-specific rate of 18 % for @initech.com (matched on the email domain).",
  ],
  ["promotion", { terms: { promotions: [{ start: "2025-06-01", end: "2025-06-30", rate: "20" }] } }, "Promotional rate of 20 % for deals closing from Jun 1, 2025 to Jun 30, 2025; this deal closed on Jun 15, 2025."],
  [
    "volume_tier_retroactive",
    { terms: TIERS("retroactive"), period: { volumeBeforeMinor: 4_500_000 } },
    "Volume tier: this period's volume reaches $55,000.00 with this deal, so the whole deal earns the 20 % tier (from $50,000.00).",
  ],
  [
    "volume_tier_marginal",
    { terms: TIERS("marginal"), period: { volumeBeforeMinor: 4_500_000 } },
    "Volume tier $0.00 to $50,000.00: 10 % on $5,000.00 of this deal = $500.00.",
  ],
  ["base_rate", {}, "Base rate of the referral agreement: 15 %."],
  ["commission_exact", {}, "15 % base rate on $10,000.00 = $1,500.00."],
  ["floor_per_deal", { terms: { floorPerDealMinor: 200_000 } }, "Raised from $1,500.00 to the per-deal minimum of $2,000.00."],
  ["cap_per_deal", { terms: { capPerDealMinor: 100_000 } }, "Limited from $1,500.00 to the per-deal cap of $1,000.00."],
  [
    "cap_per_period",
    { terms: { capPerPeriodMinor: 1_000_000 }, period: { commissionBeforeMinor: 900_000 } },
    "Limited from $1,500.00 to $1,000.00, what was left under the period cap of $10,000.00 ($9,000.00 already earned this period).",
  ],
  ["rounding", {}, "No rounding needed: the commission is exactly $1,500.00."],
  ["rounding", { d: { valueMinor: 1_000_003 } }, "Rounded once to $1,500.00 (from $1,500.0045, halves away from zero)."],
  ["schedule_split", {}, "Paid as one line of $1,500.00, due Jun 15, 2025."],
  [
    "schedule_split",
    { v: { paymentModel: "recurring" }, terms: { recurring: { months: 12, cadence: "monthly" } }, d: { recurringValueMinor: 150_000 } },
    "Paid in 12 lines from Jul 15, 2025 to Jun 15, 2026, adding up exactly to $2,700.00.",
  ],
  ["effective_rate", {}, "Effective rate: 15 % ($1,500.00 on a basis of $10,000.00)."],
];

describe("trace sentences", () => {
  test.each(CASES)("%s → %s", (rule, c, expected) => {
    expect(sentence(c, rule)).toBe(expected);
  });

  test("the base rate takes the name of where it comes from (the partner's tier)", () => {
    const c = { v: { rate: "25" }, d: { valueMinor: 1_800_000 } };
    expect(sentence(c, "commission_exact", "Performer")).toBe("25 % Performer rate on $18,000.00 = $4,500.00.");
    expect(sentence(c, "base_rate", "Performer")).toBe("Performer rate: 25 %.");
  });

  test("every rule the engine writes has a sentence and a case here", () => {
    const dir = path.join(process.cwd(), "lib/commissions");
    const written = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".ts") && f !== "explain.ts")) {
      for (const m of readFileSync(path.join(dir, file), "utf8").matchAll(/rule: "([a-z_]+)"/g)) written.add(m[1]!);
    }
    // applyLimits names its three rules through a helper.
    for (const rule of ["floor_per_deal", "cap_per_deal", "cap_per_period"]) written.add(rule);
    const covered = new Set(CASES.map(([rule]) => rule));
    for (const rule of written) {
      expect(EXPLAINERS, rule).toHaveProperty(rule);
      expect(covered.has(rule), `no case for ${rule}`).toBe(true);
    }
  });

  test.each(CASES)("%s reads without raw cents or rule keys", (_rule, c) => {
    const trace = Array.isArray(c) ? c : schedule(c).trace;
    for (const text of explainTrace(trace, { currency: "USD" })) {
      expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/); // snake_case keys
      expect(text).not.toMatch(/\d{5,}/); // cents written out as a bare number
      expect(text).not.toMatch(/ > /); // the precedence chain in code form
    }
  });

  test("a step this renderer does not know reads as words, and a malformed one does not throw", () => {
    const unknown = [{ rule: "new_rule", detail: "applied the new_rule at 5", values: {} }];
    expect(explainTrace(unknown, { currency: "USD" })).toEqual(["New rule: applied the new rule at 5."]);
    const broken = [{ rule: "fx", detail: "basis EUR→USD", values: null as unknown as TraceStep["values"] }];
    expect(explainTrace(broken, { currency: "USD" })[0]).toMatch(/^Fx: /);
  });

  test.each([
    ["150000", "USD", "$1,500.00"],
    ["450000.5", "USD", "$4,500.005"],
    ["-2500", "EUR", "-€25.00"],
    ["1200", "JPY", "¥1,200"],
  ])("formatMinor(%s, %s) = %s", (value, currency, expected) => {
    expect(formatMinor(value, currency)).toBe(expected);
  });
});
