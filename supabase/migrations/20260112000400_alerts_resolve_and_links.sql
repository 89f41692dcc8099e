-- Alerts that resolve themselves, referrals linked to their deals, self sign-up as a program
-- application, and the notifications people expect (new applications, large wins).

-- Alerts ------------------------------------------------------------------------------------------------
-- An alert whose condition cleared is kept as 'resolved' with when and why. Only the alerts refresh (a
-- system job) writes resolved_at, so no person can mark an alert resolved or reopen a resolved one: the
-- status and resolved_at move together.
alter table public.alerts drop constraint alerts_status_check;
alter table public.alerts
  add column resolved_at timestamptz,
  add column resolution text check (resolution is null or length(resolution) <= 300),
  add constraint alerts_status_check check (status in ('open', 'acknowledged', 'snoozed', 'dismissed', 'resolved')),
  add constraint alerts_resolved_check check ((status = 'resolved') = (resolved_at is not null));
create index alerts_rule_status_idx on public.alerts (rule_key, status);
create index alerts_entity_idx on public.alerts (entity_id, rule_key);

-- Referrals follow their deals --------------------------------------------------------------------------
create function private.company_key(p_name text) returns text
language sql immutable set search_path = ''
as $$ select nullif(lower(regexp_replace(coalesce(p_name, ''), '[^[:alnum:]]+', '', 'g')), '') $$;

-- The domain of an email address, unless it is a mailbox provider's (which names no customer).
create function private.customer_email_domain(p_email text) returns text
language sql immutable set search_path = ''
as $$
  select case when d in ('gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'live.com', 'yahoo.com', 'icloud.com',
                         'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.com', 'gmx.de', 'mail.com') then null else d end
  from (select nullif(lower(split_part(coalesce(p_email, ''), '@', 2)), '') as d) x
$$;

-- What a referral's status says about its deal: open → qualified (in progress), won → converted, lost → closed.
create function private.referral_status_for_deal(p_opportunity uuid) returns public.referral_status
language sql stable set search_path = ''
as $$
  select (case when s.is_won then 'converted' when s.is_lost then 'closed' else 'qualified' end)::public.referral_status
  from public.opportunities o join public.stages s on s.id = o.stage_id where o.id = p_opportunity
$$;

-- The partner's earliest unlinked referral for this customer: same company name, or same email domain.
create function private.matching_referral(p_partner uuid, p_customer text, p_domain text) returns uuid
language sql stable set search_path = ''
as $$
  select r.id from public.referrals r
  where r.partner_id = p_partner and r.opportunity_id is null
    and (private.company_key(r.company) = private.company_key(p_customer)
         or (p_domain is not null and private.customer_email_domain(r.email) = p_domain))
  order by r.created_at, r.id limit 1
$$;

-- Helpers of the triggers below (which run as the owner); nobody calls them directly.
revoke all on function private.referral_status_for_deal(uuid) from public;
revoke all on function private.matching_referral(uuid, text, text) from public;

-- A deal with a referring partner takes that partner's referral for the same customer (when it has none
-- yet), and every referral linked to the deal takes the status of the deal's stage.
create function private.link_deal_referrals() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  found uuid;
begin
  if new.referring_partner_id is not null
     and not exists (select 1 from public.referrals r where r.opportunity_id = new.id) then
    found := private.matching_referral(new.referring_partner_id, new.customer_name, private.customer_email_domain(new.contact_email));
    if found is null then
      found := (select private.matching_referral(new.referring_partner_id, new.customer_name, g.customer_domain)
                from public.deal_registrations g where g.opportunity_id = new.id limit 1);
    end if;
    if found is not null then
      update public.referrals set opportunity_id = new.id where id = found;
    end if;
  end if;
  update public.referrals r set status = private.referral_status_for_deal(new.id)
    where r.opportunity_id = new.id and r.status is distinct from private.referral_status_for_deal(new.id);
  return null;
end
$$;
revoke all on function private.link_deal_referrals() from public;
create trigger opportunities_link_referrals
  after insert or update of referring_partner_id, customer_name, contact_email, stage_id on public.opportunities
  for each row execute function private.link_deal_referrals();

-- An approved registration links its referral (the one it names, or the partner's referral for the
-- customer's domain or name) to the deal it opened.
create function private.link_registration_referral() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  found uuid := new.referral_id;
begin
  if new.opportunity_id is null or exists (select 1 from public.referrals r where r.opportunity_id = new.opportunity_id) then
    return null;
  end if;
  if found is null or exists (select 1 from public.referrals r where r.id = found and r.opportunity_id is not null) then
    found := private.matching_referral(new.partner_id, new.customer_name, new.customer_domain);
  end if;
  if found is not null then
    update public.referrals set opportunity_id = new.opportunity_id, status = private.referral_status_for_deal(new.opportunity_id)
      where id = found;
  end if;
  return null;
end
$$;
revoke all on function private.link_registration_referral() from public;
create trigger deal_registrations_link_referral
  after insert or update of opportunity_id, referral_id on public.deal_registrations
  for each row execute function private.link_registration_referral();

-- A referral that arrives after its deal was opened joins it; a linked referral starts at its deal's status.
create function private.referral_joins_deal() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.opportunity_id is null then
    new.opportunity_id := (
      select o.id from public.opportunities o
      where o.referring_partner_id = new.partner_id
        and not exists (select 1 from public.referrals r where r.opportunity_id = o.id)
        and (private.company_key(o.customer_name) = private.company_key(new.company)
             or private.customer_email_domain(o.contact_email) = private.customer_email_domain(new.email))
      order by o.created_at, o.id limit 1);
  end if;
  if new.opportunity_id is not null then
    new.status := private.referral_status_for_deal(new.opportunity_id);
  end if;
  return new;
end
$$;
revoke all on function private.referral_joins_deal() from public;
create trigger referrals_join_deal before insert on public.referrals
  for each row execute function private.referral_joins_deal();

-- Backfill: link the referrals that name a referred deal's customer, then every linked referral's status.
update public.referrals r set opportunity_id = m.opportunity_id
from (
  select distinct on (o.id) o.id as opportunity_id, r2.id as referral_id
  from public.opportunities o
    join public.referrals r2 on r2.partner_id = o.referring_partner_id and r2.opportunity_id is null
      and (private.company_key(r2.company) = private.company_key(o.customer_name)
           or private.customer_email_domain(r2.email) = private.customer_email_domain(o.contact_email))
  where not exists (select 1 from public.referrals x where x.opportunity_id = o.id)
  order by o.id, r2.created_at, r2.id
) m
where r.id = m.referral_id;
update public.referrals r set status = private.referral_status_for_deal(r.opportunity_id)
where r.opportunity_id is not null and r.status is distinct from private.referral_status_for_deal(r.opportunity_id);

-- Self sign-up is an application ------------------------------------------------------------------------
alter table public.partner_applications
  add column source text not null default 'program' check (source in ('program', 'signup'));

-- The admin of an organisation that signed itself up (status applicant) is an applicant in the review
-- queue beside the program page's; a pending program application for the same email becomes this one.
create function private.application_from_signup() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.role <> 'partner' or new.partner_id is null or new.partner_member_role is distinct from 'admin'
     or not exists (select 1 from public.partners p where p.id = new.partner_id and p.status = 'applicant')
     or exists (select 1 from public.partner_applications a where a.partner_id = new.partner_id) then
    return null;
  end if;
  insert into public.partner_applications (company, website, industry, experience, contact_name, email, phone, source, partner_id)
  select p.name, p.website, coalesce(p.industry, 'Not given at sign-up'), 'new', new.display_name, new.email, new.phone, 'signup', p.id
  from public.partners p where p.id = new.partner_id
  on conflict (lower(email)) where status = 'pending' do update set source = 'signup', partner_id = excluded.partner_id;
  return null;
end
$$;
revoke all on function private.application_from_signup() from public;
create trigger profiles_signup_application after insert on public.profiles
  for each row execute function private.application_from_signup();

-- Partnership managers and the VP hear of every new application.
create function private.notify_new_application() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if coalesce(current_setting('app.job', true), '') like 'seed.%' then
    return null;
  end if;
  insert into public.notifications (user_id, kind, title, body, link)
  select p.id, 'partner_application', 'New partner application: ' || new.company,
    new.contact_name || ' (' || new.email || ') applied ' ||
      case when new.source = 'signup' then 'by signing up.' else 'on the program page.' end,
    '/partners/applications'
  from public.profiles p
  where p.role in ('vp', 'partnership_manager') and p.deactivated_at is null;
  return null;
end
$$;
revoke all on function private.notify_new_application() from public;
create trigger partner_applications_notify after insert on public.partner_applications
  for each row execute function private.notify_new_application();

-- A referral link leads somewhere only once its partner is approved (onboarding or active); the link of
-- a partner still in review answers with active = false, so the redirect can say so without a click.
drop function private.resolve_referral_link(text);
create function private.resolve_referral_link(p_code text)
returns table (link_id uuid, partner_id uuid, code text, url text, window_days integer, active boolean)
language sql stable security definer set search_path = ''
as $$
  select l.id, l.partner_id, l.code,
    coalesce(case when lp.active then lp.url end, (select d.url from public.landing_pages d where d.is_default and d.active)),
    (select s.attribution_window_days from public.workspace_settings s limit 1),
    p.status in ('onboarding', 'active')
  from public.referral_links l
  join public.landing_pages lp on lp.id = l.landing_page_id
  join public.partners p on p.id = l.partner_id
  where l.code = p_code and l.archived_at is null
$$;
revoke all on function private.resolve_referral_link(text) from public;
grant execute on function private.resolve_referral_link(text) to anon;

-- The VP hears of every win at or above a threshold ------------------------------------------------------
alter table public.workspace_settings
  add column win_notify_threshold_minor bigint not null default 5000000 check (win_notify_threshold_minor >= 0);

create function private.notify_large_win() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  threshold bigint;
  home_currency text;
begin
  if coalesce(current_setting('app.job', true), '') like 'seed.%' then
    return null;
  end if;
  if not exists (select 1 from public.stages s where s.id = new.stage_id and s.is_won)
     or (tg_op = 'UPDATE' and exists (select 1 from public.stages s where s.id = old.stage_id and s.is_won)) then
    return null;
  end if;
  select w.win_notify_threshold_minor, w.currency into threshold, home_currency from public.workspace_settings w;
  if threshold is null or new.currency <> home_currency or new.value_minor < threshold then
    return null;
  end if;
  insert into public.notifications (user_id, kind, title, body, link)
  select p.id, 'large_win', 'Won: ' || new.customer_name || coalesce(' · ' || new.title, ''),
    to_char(new.value_minor / 100.0, 'FM999,999,999,990.00') || ' ' || new.currency || ', won by ' || coalesce(o.display_name, 'the team') || '.',
    '/pipeline?opportunity=' || new.id
  from public.profiles p left join public.profiles o on o.id = new.owner_id
  where p.role = 'vp' and p.deactivated_at is null;
  return null;
end
$$;
revoke all on function private.notify_large_win() from public;
create trigger opportunities_large_win after insert or update of stage_id on public.opportunities
  for each row execute function private.notify_large_win();
