import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows, withSession, type SessionClaims } from "@/lib/db/session";

export interface LinkWithStats {
  id: string;
  code: string;
  campaign: string | null;
  isDefault: boolean;
  archivedAt: string | null;
  createdAt: string;
  landingPageName: string;
  landingPageUrl: string;
  clicks: number;
  botClicks: number;
  uniqueVisitors: number;
  clicksLast30Days: number;
  referrals: number;
}

/** A partner's links with click and referral counts; RLS limits what the caller sees. */
export async function listLinksWithStats(
  tx: Tx,
  partnerId: string,
  now = new Date(),
): Promise<LinkWithStats[]> {
  const since = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const result = await rows<Record<string, unknown>>(
    tx,
    sql`select l.id, l.code, l.campaign, l.is_default, l.archived_at, l.created_at, lp.name as landing_page_name, lp.url as landing_page_url,
          coalesce(c.clicks, 0)::int as clicks, coalesce(c.bot_clicks, 0)::int as bot_clicks,
          coalesce(c.visitors, 0)::int as visitors, coalesce(c.recent, 0)::int as recent,
          coalesce(r.referrals, 0)::int as referrals
        from public.referral_links l
        join public.landing_pages lp on lp.id = l.landing_page_id
        left join lateral (
          select count(*) as clicks, count(*) filter (where rc.is_bot) as bot_clicks, count(distinct rc.visitor_hash) as visitors,
                 count(*) filter (where rc.clicked_at >= ${since}) as recent
          from public.referral_clicks rc where rc.link_id = l.id
        ) c on true
        left join lateral (select count(*) as referrals from public.referrals rf where rf.link_id = l.id) r on true
        where l.partner_id = ${partnerId}
        order by l.is_default desc, l.archived_at nulls first, l.created_at desc`,
  );
  return result.map((r) => ({
    id: String(r.id),
    code: String(r.code),
    campaign: (r.campaign as string | null) ?? null,
    isDefault: Boolean(r.is_default),
    archivedAt: r.archived_at ? new Date(r.archived_at as string).toISOString() : null,
    createdAt: new Date(r.created_at as string).toISOString(),
    landingPageName: String(r.landing_page_name),
    landingPageUrl: String(r.landing_page_url),
    clicks: Number(r.clicks),
    botClicks: Number(r.bot_clicks),
    uniqueVisitors: Number(r.visitors),
    clicksLast30Days: Number(r.recent),
    referrals: Number(r.referrals),
  }));
}

export async function listActiveLandingPages(
  tx: Tx,
): Promise<{ id: string; name: string; url: string; isDefault: boolean }[]> {
  const result = await rows<{ id: string; name: string; url: string; is_default: boolean }>(
    tx,
    sql`select id, name, url, is_default from public.landing_pages where active order by is_default desc, lower(name)`,
  );
  return result.map((r) => ({ id: r.id, name: r.name, url: r.url, isDefault: r.is_default }));
}

export interface RecentReferral {
  id: string;
  name: string;
  company: string;
  createdAt: string;
  selfReferral: boolean;
  code: string | null;
}

export async function listRecentReferrals(tx: Tx, partnerId: string, limit = 10): Promise<RecentReferral[]> {
  const result = await rows<{
    id: string;
    name: string;
    company: string;
    created_at: string;
    self_referral: boolean;
    code: string | null;
  }>(
    tx,
    sql`select r.id, r.name, r.company, r.created_at, r.self_referral, l.code
        from public.referrals r left join public.referral_links l on l.id = r.link_id
        where r.partner_id = ${partnerId} order by r.created_at desc limit ${limit}`,
  );
  return result.map((r) => ({
    id: r.id,
    name: r.name,
    company: r.company,
    createdAt: new Date(r.created_at).toISOString(),
    selfReferral: r.self_referral,
    code: r.code,
  }));
}

/** A partner's links with their results, read in the caller's session (staff partner page). */
export function listLinksWithStatsInSession(claims: SessionClaims, partnerId: string): Promise<LinkWithStats[]> {
  return withSession({ claims }, (tx) => listLinksWithStats(tx, partnerId));
}

/** Whether the partner's links lead anywhere yet: only once its application is approved (onboarding or active). */
export async function linksAreActive(tx: Tx, partnerId: string): Promise<boolean> {
  const [row] = await rows<{ active: boolean }>(
    tx,
    sql`select status in ('onboarding', 'active') as active from public.partners where id = ${partnerId}`,
  );
  return row?.active === true;
}
