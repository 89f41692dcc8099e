import { sql } from "drizzle-orm";
import { convert } from "@/lib/commissions/fx";
import { loadFx } from "@/lib/commission-records/persist";
import type { FxRate } from "@/lib/commissions/types";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { type TierCriteria, type TierMetrics, windowStartOf } from "./evaluate";

export async function listTierCriteria(
  tx: Tx,
): Promise<(TierCriteria & { color: string; payoutCadence: string; perks: string[] })[]> {
  const found = await rows<{
    id: string;
    key: string;
    name: string;
    rank: number;
    commission_rate: string;
    min_trailing_revenue_minor: string;
    min_trailing_deals: number;
    color: string;
    payout_cadence: string;
    perks: string[];
  }>(
    tx,
    sql`select id, key, name, rank, commission_rate::text, min_trailing_revenue_minor::text, min_trailing_deals, color,
      payout_cadence::text, perks from public.tiers order by rank`,
  );
  return found.map((t) => ({
    id: t.id,
    key: t.key,
    name: t.name,
    rank: t.rank,
    commissionRate: t.commission_rate,
    minTrailingRevenueMinor: Number(t.min_trailing_revenue_minor),
    minTrailingDeals: t.min_trailing_deals,
    color: t.color,
    payoutCadence: t.payout_cadence,
    perks: Array.isArray(t.perks) ? t.perks : [],
  }));
}

export async function workspaceCurrency(tx: Tx): Promise<string> {
  const [row] = await rows<{ currency: string }>(
    tx,
    sql`select currency from public.workspace_settings limit 1`,
  );
  return row?.currency ?? "USD";
}

/**
 * Won referred revenue and won deal count over the trailing 90 days ending `today`, converted to the
 * workspace currency at each deal's close-date FX rate; a deal without a rate is counted as a deal
 * but left out of revenue and reported as unconverted.
 */
export async function trailingMetrics(
  tx: Tx,
  partnerIds: readonly string[],
  today: string,
  fx?: FxRate[],
): Promise<Map<string, TierMetrics>> {
  const windowStart = windowStartOf(today);
  const currency = await workspaceCurrency(tx);
  const out = new Map<string, TierMetrics>(
    partnerIds.map((id) => [
      id,
      { revenueMinor: 0, currency, wonDeals: 0, windowStart, windowEnd: today, unconverted: 0 },
    ]),
  );
  if (partnerIds.length === 0) return out;
  const deals = await rows<{ partner_id: string; value_minor: string; currency: string; close_date: string }>(
    tx,
    sql`select o.referring_partner_id as partner_id, o.value_minor::text, o.currency, o.actual_close_date::text as close_date
        from public.opportunities o join public.stages s on s.id = o.stage_id
        where s.is_won and o.referring_partner_id in (${sql.join(
          partnerIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and o.actual_close_date between ${windowStart}::date and ${today}::date`,
  );
  const rates = deals.some((d) => d.currency !== currency) ? (fx ?? (await loadFx(tx))) : [];
  for (const deal of deals) addWonDeal(out.get(deal.partner_id)!, deal, rates);
  return out;
}

/** Counts one won deal into a partner's trailing metrics; a deal without a rate counts but stays unconverted. */
export function addWonDeal(
  m: TierMetrics,
  deal: { value_minor: string; currency: string; close_date: string },
  rates: readonly FxRate[],
): void {
  m.wonDeals += 1;
  try {
    m.revenueMinor += convert(Number(deal.value_minor), deal.currency, m.currency, deal.close_date, rates);
  } catch {
    m.unconverted += 1;
  }
}
