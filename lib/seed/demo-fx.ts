import type * as schema from "../db/schema";

// Month-start reference rates to USD, gently varying so conversions are visibly dated.
const BASE = { EUR: 1.082, GBP: 1.268, JPY: 0.00667, CAD: 0.732, AUD: 0.658 } as const;

/** Monthly FX rates to USD for the last 20 months (finance maintains the real table). */
export function buildFxRates(now: Date): (typeof schema.fxRates.$inferInsert)[] {
  const out: (typeof schema.fxRates.$inferInsert)[] = [];
  for (let m = -19; m <= 0; m += 1) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + m, 1)).toISOString().slice(0, 10);
    for (const [base, rate] of Object.entries(BASE)) {
      const drift = 1 + Math.sin((m + base.charCodeAt(0)) / 3) * 0.015;
      out.push({ rateDate: date, base, quote: "USD", rate: (rate * drift).toFixed(6) });
    }
  }
  return out;
}
