/** Single-thread throughput of the pure commission engine over 20,000 varied, deterministic deals. */
import { calculateSchedule } from "../../lib/commissions/engine";
import type {
  AgreementModel,
  AgreementVersion,
  CommissionInput,
  CommissionTerms,
  FxRate,
  PaymentModel,
} from "../../lib/commissions/types";

const DEALS = 20_000;
const AGREEMENTS = 200;
const MIN_DURATION_MS = 2_000;
const CURRENCIES = ["USD", "EUR", "JPY", "GBP"] as const;
const MODELS: [AgreementModel, string][] = [
  ["referral", "15"],
  ["reseller", "30"],
  ["msp", "25"],
  ["custom", "12.5"],
];
const PAYMENT_MODELS: PaymentModel[] = ["one_time", "one_time", "recurring", "hybrid", "milestone"];

/** Deterministic LCG so every run measures the same work. */
function rng(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % n;
  };
}

function terms(i: number, paymentModel: PaymentModel, pick: (n: number) => number): CommissionTerms {
  const t: CommissionTerms = {};
  if (paymentModel === "recurring")
    t.recurring = { months: i % 7 === 0 ? "lifetime" : 12, cadence: i % 3 === 0 ? "annual" : "monthly" };
  if (paymentModel === "hybrid") t.hybrid = { upfrontPercent: "40", months: 6, cadence: "monthly" };
  if (paymentModel === "milestone")
    t.milestones = [
      { name: "Kickoff", percent: "30", dueAfterDays: 0 },
      { name: "Go-live", percent: "50", dueAfterDays: 90 },
      { name: "Renewal", percent: "20", dueAfterDays: 365 },
    ];
  if (pick(3) === 0) t.capPerDealMinor = 2_000_000;
  if (pick(4) === 0) t.floorPerDealMinor = 10_000;
  if (pick(5) === 0) t.capPerPeriodMinor = 50_000_000;
  if (pick(4) === 0) t.minDealMinor = 50_000;
  if (pick(3) === 0)
    t.volumeTiers = {
      mode: pick(2) ? "marginal" : "retroactive",
      tiers: [
        { fromMinor: 0, rate: "15" },
        { fromMinor: 5_000_000, rate: "20" },
        { fromMinor: 20_000_000, rate: "25" },
      ],
    };
  if (pick(4) === 0) t.promotions = [{ start: "2025-03-01", end: "2025-03-31", rate: "22.5" }];
  if (pick(4) === 0)
    t.customerRates = [
      { customer: "Acme Corp", rate: "18" },
      { customer: "globex.com", rate: "20" },
    ];
  return t;
}

function agreements(pick: (n: number) => number): AgreementVersion[][] {
  return Array.from({ length: AGREEMENTS }, (_, i) => {
    const [model, rate] = MODELS[i % MODELS.length]!;
    const base = {
      agreementId: `a${i}`,
      model,
      direction: i % 2 ? "payable" : "receivable",
      basis: i % 5 === 0 ? "net_revenue" : "deal_value",
      currency: CURRENCIES[i % 3]!,
    } as const;
    const paymentModel = PAYMENT_MODELS[i % PAYMENT_MODELS.length]!;
    return [
      {
        ...base,
        id: `a${i}v1`,
        version: 1,
        effectiveFrom: "2024-01-01",
        effectiveTo: "2025-04-01",
        rate,
        paymentModel,
        terms: terms(i, paymentModel, pick),
      },
      {
        ...base,
        id: `a${i}v2`,
        version: 2,
        effectiveFrom: "2025-04-01",
        effectiveTo: null,
        rate,
        paymentModel,
        terms: terms(i + 1, paymentModel, pick),
      },
    ];
  });
}

const FX: FxRate[] = ["2024-12-31", "2025-03-31", "2025-06-30"].flatMap((date) => [
  { date, from: "EUR", to: "USD", rate: "1.0842" },
  { date, from: "USD", to: "JPY", rate: "151.37" },
  { date, from: "GBP", to: "USD", rate: "1.2671" },
  { date, from: "EUR", to: "JPY", rate: "164.12" },
  { date, from: "GBP", to: "EUR", rate: "1.1687" },
  { date, from: "GBP", to: "JPY", rate: "191.80" },
]);

function inputs(): CommissionInput[] {
  const pick = rng(20_260_101);
  const versions = agreements(pick);
  const customers = ["Acme Corp", "Initech", "Umbrella", "Globex"];
  return Array.from({ length: DEALS }, (_, i) => {
    const currency = CURRENCIES[pick(CURRENCIES.length)]!;
    const valueMinor = currency === "JPY" ? 100_000 + pick(50_000_000) : 10_000 + pick(30_000_000);
    return {
      deal: {
        id: `d${i}`,
        valueMinor,
        currency,
        netRevenueMinor: Math.floor(valueMinor * 0.4),
        closeDate: `2025-0${1 + pick(6)}-${String(1 + pick(28)).padStart(2, "0")}`,
        customerName: customers[pick(customers.length)]!,
        customerDomain: pick(2) ? "globex.com" : undefined,
        recurringValueMinor: pick(2) ? Math.floor(valueMinor / 12) : undefined,
      },
      versions: versions[i % AGREEMENTS]!,
      fx: FX,
      period: { volumeBeforeMinor: pick(30_000_000), commissionBeforeMinor: pick(60_000_000) },
      override: i % 97 === 0 ? { rate: "60", reason: "strategic logo", approved: true } : undefined,
    };
  });
}

export async function commissionsEngineBench(): Promise<void> {
  const all = inputs();
  for (const input of all) calculateSchedule(input); // warm-up: JIT and the parse caches
  let processed = 0;
  let lines = 0;
  const started = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_DURATION_MS) {
    for (const input of all) {
      const result = calculateSchedule(input);
      if ("lines" in result) lines += result.lines.length;
    }
    processed += all.length;
    elapsed = performance.now() - started;
  }
  if (lines === 0) throw new Error("benchmark produced no lines");
  console.log(`commissions.engine_throughput: ${Math.round((processed / elapsed) * 1000)} deals/s`);
}
