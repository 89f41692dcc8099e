import { sql } from "drizzle-orm";
import { convert } from "@/lib/commissions/fx";
import { loadFx } from "@/lib/commission-records/persist";
import type { FxRate } from "@/lib/commissions/types";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { workspaceCurrency } from "@/lib/tiers/metrics";

export interface LeaderboardRow {
  rank: number;
  partnerId: string;
  name: string;
  revenueMinor: number;
  wonDeals: number;
}

/** First and last day of a month given as YYYY-MM. */
export function monthBounds(month: string): { start: string; end: string } {
  const [y, m] = month.split("-").map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { start: `${month}-01`, end };
}

/**
 * Program partners ranked by won referred revenue closed in the month (workspace currency, converted at
 * the close date; deals without a rate are left out). Reads every partner, so the caller holds a system step.
 */
export async function monthlyLeaderboard(
  tx: Tx,
  month: string,
  fx?: FxRate[],
): Promise<{ currency: string; rows: LeaderboardRow[] }> {
  const { start, end } = monthBounds(month);
  const currency = await workspaceCurrency(tx);
  const deals = await rows<{
    partner_id: string;
    name: string;
    value_minor: string;
    currency: string;
    close_date: string;
  }>(
    tx,
    sql`select p.id as partner_id, p.name, o.value_minor::text, o.currency, o.actual_close_date::text as close_date
        from public.opportunities o join public.stages s on s.id = o.stage_id join public.partners p on p.id = o.referring_partner_id
        where s.is_won and o.actual_close_date between ${start}::date and ${end}::date`,
  );
  const rates = deals.some((d) => d.currency !== currency) ? (fx ?? (await loadFx(tx))) : [];
  return { currency, rows: rankLeaderboard(deals, currency, rates) };
}

/**
 * Ranks won deals by partner: revenue in `currency` (converted at the close date), then deal count, then
 * name. A row may stand for several deals of one partner, currency and day (`deals`, default 1).
 */
export function rankLeaderboard(
  deals: readonly { partner_id: string; name: string; value_minor: string; currency: string; close_date: string; deals?: number }[],
  currency: string,
  rates: readonly FxRate[],
): LeaderboardRow[] {
  const totals = new Map<string, LeaderboardRow>();
  for (const d of deals) {
    const row = totals.get(d.partner_id) ?? {
      rank: 0,
      partnerId: d.partner_id,
      name: d.name,
      revenueMinor: 0,
      wonDeals: 0,
    };
    row.wonDeals += d.deals ?? 1;
    try {
      row.revenueMinor += convert(Number(d.value_minor), d.currency, currency, d.close_date, rates);
    } catch {
      // No rate for this currency and date: the deal still counts as won.
    }
    totals.set(d.partner_id, row);
  }
  const ranked = [...totals.values()].sort(
    (a, b) => b.revenueMinor - a.revenueMinor || b.wonDeals - a.wonDeals || a.name.localeCompare(b.name),
  );
  ranked.forEach((r, i) => (r.rank = i + 1));
  return ranked;
}

export function monthOf(date: Date, offset = 0): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + offset, 1));
  return d.toISOString().slice(0, 7);
}
