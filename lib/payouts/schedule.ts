import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { notifications } from "@/lib/db/schema";
import { rows } from "@/lib/db/rows";
import { isStripePayoutsConfigured } from "@/lib/payments/payouts";
import { formatMoney } from "@/lib/money";
import { buildStatements } from "./statements";
import { insertBatch } from "./trigger";

export type Cadence = "monthly" | "biweekly" | "weekly" | "realtime";
export interface Period {
  start: string;
  end: string;
}

const DAY = 86_400_000;
// Bi-weekly periods count from a Monday, so every scheduler agrees on where a fortnight starts.
const BIWEEKLY_ANCHOR = Date.UTC(2026, 0, 5);

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** The last complete period of a cadence before `today` (UTC dates). */
export function lastCompletePeriod(cadence: Cadence, today: string): Period {
  const t = dayOf(today);
  if (cadence === "realtime") return { start: iso(t - DAY), end: iso(t - DAY) };
  if (cadence === "monthly") {
    const d = new Date(t);
    const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
    const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) - DAY;
    return { start: iso(start), end: iso(end) };
  }
  const length = cadence === "weekly" ? 7 : 14;
  const mondayOffset = (new Date(t).getUTCDay() + 6) % 7;
  const anchor = cadence === "weekly" ? t - mondayOffset * DAY : BIWEEKLY_ANCHOR;
  const elapsed = Math.floor((t - anchor) / DAY);
  const currentStart = anchor + Math.floor(elapsed / length) * length * DAY;
  return { start: iso(currentStart - length * DAY), end: iso(currentStart - DAY) };
}

export interface ScheduledBatch {
  cadence: Cadence;
  period: Period;
  batchId: string | null;
  statements: number;
}

/**
 * Creates, for each tier cadence in use, a draft batch for its last complete period (partners on that
 * cadence only). A period already scheduled is skipped, so the job can run any number of times. Finance
 * still reviews, confirms and triggers; they are notified when a batch is ready.
 */
export async function createScheduledBatches(tx: Tx, today: string): Promise<ScheduledBatch[]> {
  const cadences = await rows<{ cadence: Cadence }>(
    tx,
    sql`select distinct t.payout_cadence::text as cadence from public.tiers t
        where exists (select 1 from public.partners p where p.tier_id = t.id) order by 1`,
  );
  const out: ScheduledBatch[] = [];
  for (const { cadence } of cadences) {
    const period = lastCompletePeriod(cadence, today);
    const [existing] = await rows<{ id: string }>(
      tx,
      sql`select id from public.payout_batches where origin = ${cadence} and period_start = ${period.start} and period_end = ${period.end}`,
    );
    if (existing) continue;
    const built = await buildStatements(
      tx,
      { periodEnd: period.end },
      { stripeConfigured: isStripePayoutsConfigured(), cadence },
    );
    if (!built.statements.length) {
      out.push({ cadence, period, batchId: null, statements: 0 });
      continue;
    }
    const batchId = await insertBatch(
      tx,
      {
        periodStart: period.start,
        periodEnd: period.end,
        createdBy: null,
        origin: cadence,
        note: `Scheduled ${cadence} payouts`,
      },
      built.statements,
    );
    await notifyFinance(tx, batchId, cadence, built.statements);
    out.push({ cadence, period, batchId, statements: built.statements.length });
  }
  return out;
}

async function notifyFinance(
  tx: Tx,
  batchId: string,
  cadence: Cadence,
  statements: readonly { amountMinor: number; currency: string }[],
) {
  const finance = await rows<{ id: string }>(
    tx,
    sql`select id from public.profiles where role = 'finance' and deactivated_at is null`,
  );
  if (!finance.length) return;
  const totals = new Map<string, number>();
  for (const s of statements) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.amountMinor);
  const body = `${statements.length} statement${statements.length === 1 ? "" : "s"}: ${[...totals]
    .map(([currency, minor]) => formatMoney(minor, currency))
    .join(", ")}. Review and confirm before triggering.`;
  await tx.insert(notifications).values(
    finance.map((f) => ({
      userId: f.id,
      kind: "payout_batch_scheduled",
      title: `Scheduled ${cadence} payout batch ready`,
      body,
      link: `/payouts/batches/${batchId}`,
    })),
  );
}
