import "server-only";
import { sql } from "drizzle-orm";
import type { AutoApproveRule } from "@/lib/applications/schemas";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";

export interface ProgramTier {
  id: string;
  name: string;
  rank: number;
  commissionRate: string;
  payoutCadence: "monthly" | "biweekly" | "weekly" | "realtime";
  minTrailingRevenueMinor: number;
  minTrailingDeals: number;
  perks: string[];
  color: string;
}

export interface ProgramOverview {
  companyName: string;
  currency: string;
  headline: string | null;
  description: string | null;
  attributionWindowDays: number;
  tiers: ProgramTier[];
}

/**
 * What the public program page shows: nothing here is confidential (rates and perks are the offer).
 * Read through the program's public functions, so it works for `anon` as for a signed-in reader.
 */
export async function getProgramOverview(tx: Tx): Promise<ProgramOverview | null> {
  const [settings] = await rows<{
    company_name: string;
    currency: string;
    program_headline: string | null;
    program_description: string | null;
    attribution_window_days: number;
  }>(
    tx,
    sql`select company_name, currency, program_headline, program_description, attribution_window_days from private.public_program()`,
  );
  if (!settings) return null;
  const tiers = await rows<{
    id: string;
    name: string;
    rank: number;
    commission_rate: string;
    payout_cadence: ProgramTier["payoutCadence"];
    min_trailing_revenue_minor: string;
    min_trailing_deals: number;
    perks: string[];
    color: string;
  }>(
    tx,
    sql`select id, name, rank, commission_rate, payout_cadence, min_trailing_revenue_minor, min_trailing_deals, perks, color from private.public_program_tiers()`,
  );
  return {
    companyName: settings.company_name,
    currency: settings.currency,
    headline: settings.program_headline,
    description: settings.program_description,
    attributionWindowDays: Number(settings.attribution_window_days),
    tiers: tiers.map((t) => ({
      id: t.id,
      name: t.name,
      rank: Number(t.rank),
      commissionRate: t.commission_rate,
      payoutCadence: t.payout_cadence,
      minTrailingRevenueMinor: Number(t.min_trailing_revenue_minor),
      minTrailingDeals: Number(t.min_trailing_deals),
      perks: Array.isArray(t.perks) ? t.perks : [],
      color: t.color,
    })),
  };
}

export interface ProgramSettings {
  headline: string | null;
  description: string | null;
  attributionWindowDays: number;
  protectionWindowDays: number;
  autoApproveRule: AutoApproveRule;
}

export async function getProgramSettings(tx: Tx): Promise<ProgramSettings | null> {
  const [row] = await rows<{
    program_headline: string | null;
    program_description: string | null;
    attribution_window_days: number;
    protection_window_days: number;
    auto_approve_rule: AutoApproveRule;
  }>(
    tx,
    sql`select program_headline, program_description, attribution_window_days, protection_window_days, auto_approve_rule from public.workspace_settings`,
  );
  if (!row) return null;
  return {
    headline: row.program_headline,
    description: row.program_description,
    attributionWindowDays: Number(row.attribution_window_days),
    protectionWindowDays: Number(row.protection_window_days),
    autoApproveRule: row.auto_approve_rule ?? { enabled: false },
  };
}
