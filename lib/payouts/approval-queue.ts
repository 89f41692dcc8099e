// Also read by the alert rules the demo seed runs (a plain Node script), so no server-only marker.
import { sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

/** Holding days when the partner has no tier (the tiers.holding_days default). */
export const DEFAULT_HOLDING_DAYS = 30;

export type HoldingFilter = "ready" | "holding" | "rejected";

export interface ApprovalQueueFilters {
  today: string;
  partnerId?: string | null;
  currency?: string | null;
  holding?: HoldingFilter | null;
}

export interface ApprovalLine {
  id: string;
  partnerId: string;
  partnerName: string;
  opportunityId: string;
  customerName: string | null;
  kind: string;
  label: string;
  amountMinor: number;
  currency: string;
  dueDate: string;
  closeDate: string | null;
  holdingDays: number;
  /** First day the line may be approved. */
  readyOn: string;
  clawbackOf: string | null;
  originalStatus: string | null;
  rejectedReason: string | null;
  rejectedAt: string | null;
  holding: HoldingFilter;
}

/**
 * The holding rule in SQL: the partner's tier holding days after the line's due date, or after the
 * deal's close for one-time lines. Expects `l` (line), `s` (schedule) and `t` (tier) in scope.
 */
export const READY_ON = sql`((case when l.kind = 'one_time' then coalesce(s.close_date, l.due_date) else l.due_date end)
  + coalesce(t.holding_days, ${DEFAULT_HOLDING_DAYS}))`;

/** Earned payable lines waiting for finance: ready, holding until a date, or rejected. */
export async function listApprovalQueue(tx: Tx, filters: ApprovalQueueFilters): Promise<ApprovalLine[]> {
  const where: SQL[] = [sql`l.direction = 'payable'`, sql`l.status = 'earned'`];
  if (filters.partnerId) where.push(sql`l.partner_id = ${filters.partnerId}`);
  if (filters.currency) where.push(sql`l.currency = ${filters.currency}`);
  if (filters.holding === "rejected") where.push(sql`l.rejected_at is not null`);
  else where.push(sql`l.rejected_at is null`);
  const found = await rows<Omit<ApprovalLine, "holding"> & { amountMinor: string | number }>(
    tx,
    sql`select l.id, l.partner_id as "partnerId", p.name as "partnerName", l.opportunity_id as "opportunityId",
        o.customer_name as "customerName", l.kind::text as kind, l.label, l.amount_minor::text as "amountMinor",
        l.currency, l.due_date::text as "dueDate", s.close_date::text as "closeDate",
        coalesce(t.holding_days, ${DEFAULT_HOLDING_DAYS}) as "holdingDays", ${READY_ON}::text as "readyOn",
        l.clawback_of as "clawbackOf", c.status::text as "originalStatus",
        l.rejected_reason as "rejectedReason", l.rejected_at::text as "rejectedAt"
      from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        left join public.tiers t on t.id = p.tier_id
        left join public.commission_schedules s on s.id = l.schedule_id
        left join public.opportunities o on o.id = l.opportunity_id
        left join public.commission_lines c on c.id = l.clawback_of
      where ${sql.join(where, sql` and `)}
      order by p.name, l.currency, ${READY_ON}, l.due_date, l.id
      limit 2000`,
  );
  const lines = found.map((r) => ({
    ...r,
    amountMinor: Number(r.amountMinor),
    holdingDays: Number(r.holdingDays),
    holding: holdingOf(r, filters.today),
  }));
  if (filters.holding === "ready" || filters.holding === "holding") return lines.filter((l) => l.holding === filters.holding);
  return lines;
}

/** A clawback waits for its original line (approving it alone would net against nothing owed). */
export function holdingOf(line: { rejectedAt: string | null; readyOn: string; kind: string; originalStatus: string | null }, today: string): HoldingFilter {
  if (line.rejectedAt) return "rejected";
  if (line.kind === "clawback") return line.originalStatus === "earned" ? "holding" : "ready";
  return line.readyOn <= today ? "ready" : "holding";
}

/** Partners and currencies that have earned payable lines, for the queue's filters. */
export async function listApprovalFilterOptions(tx: Tx) {
  const [partners, currencies] = await Promise.all([
    rows<{ id: string; name: string }>(
      tx,
      sql`select p.id, p.name from public.partners p
        where exists (select 1 from public.commission_lines l where l.partner_id = p.id and l.direction = 'payable' and l.status = 'earned')
        order by p.name`,
    ),
    rows<{ currency: string }>(
      tx,
      sql`select distinct currency from public.commission_lines where direction = 'payable' and status = 'earned' order by currency`,
    ),
  ]);
  return { partners, currencies: currencies.map((c) => c.currency) };
}

/** The minimum payout from the workspace settings, in the workspace currency. */
export async function getMinimumPayout(tx: Tx): Promise<{ minimumMinor: number; currency: string }> {
  const [row] = await rows<{ minimum: string; currency: string }>(
    tx,
    sql`select minimum_payout_minor::text as minimum, currency from public.workspace_settings limit 1`,
  );
  return row ? { minimumMinor: Number(row.minimum), currency: row.currency } : { minimumMinor: 5000, currency: "USD" };
}
