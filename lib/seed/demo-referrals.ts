import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";

/**
 * Referral activity of the demo program partners over the last quarter, deterministic from ids: a
 * default link each (code = the organisation's slug) and a campaign link for the larger ones, clicks
 * (one per visitor and hour, a few from bots), and referrals from the landing form, the earliest of
 * them tied to the deals the partner referred.
 */
export async function seedReferralActivity(tx: Tx, now: Date): Promise<void> {
  const today = now.toISOString();
  await tx.execute(sql`
    insert into public.landing_pages (name, url, active)
    values ('Security assessment offer', '/welcome/security-assessment', true),
           ('Cloud cost review', '/welcome/cloud-cost-review', true)`);
  await tx.execute(sql`
    insert into public.referral_links (partner_id, code, landing_page_id, is_default, created_at)
    select p.id, left(p.slug, 40), l.id, true, coalesce(p.joined_at, ${today}::timestamptz - interval '120 days')
    from public.partners p cross join (select id from public.landing_pages where is_default) l
    where p.kind = 'program' and p.status in ('active', 'onboarding')`);
  await tx.execute(sql`
    insert into public.referral_links (partner_id, code, landing_page_id, campaign, created_at)
    select p.id, left(p.slug, 33) || '-assess', l.id, 'Security assessment Q' || extract(quarter from ${today}::timestamptz),
      ${today}::timestamptz - interval '40 days'
    from public.partners p join public.tiers t on t.id = p.tier_id
      cross join (select id from public.landing_pages where url = '/welcome/security-assessment') l
    where p.kind = 'program' and p.status = 'active' and t.rank >= 2`);
  // Clicks: a partner's volume follows its tier; each n is one visitor in one hour.
  await tx.execute(sql`
    insert into public.referral_clicks (link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash, user_agent, referrer, is_bot)
    select l.id, l.partner_id, c.at, md5('visitor-' || l.id || '-' || n), date_trunc('hour', c.at), md5('ip-' || l.id || '-' || (n % 97)),
      case when n % 23 = 0 then 'Googlebot/2.1 (+http://www.google.com/bot.html)'
        else 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15' end,
      (array['https://www.linkedin.com/', 'https://news.ycombinator.com/', 'https://www.google.com/', null])[1 + n % 4],
      n % 23 = 0
    from public.referral_links l join public.partners p on p.id = l.partner_id join public.tiers t on t.id = p.tier_id
      cross join lateral generate_series(1, 6 + t.rank * 9 + (abs(hashtext(l.id::text)) % 12)) n
      cross join lateral (select ${today}::timestamptz - ((abs(hashtext(l.id::text || n)) % 2160) * interval '1 hour') as at) c
    on conflict do nothing`);
  // Referrals: about one in eight human clicks; the first ones became the partner's referred deals.
  await tx.execute(sql`
    with candidates as (
      select c.link_id, c.partner_id, c.clicked_at, row_number() over (partition by c.partner_id order by c.clicked_at) as k
      from public.referral_clicks c where not c.is_bot and c.id % 8 = 0
    ), deals as (
      select o.id, o.referring_partner_id, o.customer_name, o.contact_name, o.contact_email,
        row_number() over (partition by o.referring_partner_id order by o.created_at) as k
      from public.opportunities o where o.referring_partner_id is not null
    )
    insert into public.referrals (partner_id, link_id, attributed_by, source, name, email, company, message, status, opportunity_id, created_at, updated_at)
    select c.partner_id, c.link_id, 'cookie', 'landing_form',
      coalesce(d.contact_name, 'Prospect ' || c.k), coalesce(d.contact_email, 'prospect' || c.k || '@' || replace(lower(p.slug), '-', '') || '-lead.example'),
      coalesce(d.customer_name, 'Prospect company ' || c.k), 'We would like to hear more about your offer.',
      case when d.id is not null then 'converted' when c.k % 3 = 0 then 'qualified' when c.k % 3 = 1 then 'contacted' else 'new' end::public.referral_status,
      d.id, c.clicked_at + interval '20 minutes', c.clicked_at + interval '20 minutes'
    from candidates c join public.partners p on p.id = c.partner_id
      left join deals d on d.referring_partner_id = c.partner_id and d.k = c.k`);
}
