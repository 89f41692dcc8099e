-- No elevation inside a user's transaction: what a request may do beyond its own rows is a named
-- security definer function that reads auth.uid() and the caller's role itself (never a partner id or a
-- role from an argument), or a named system job after the request commits.

-- Deals whose commissions, tiers, badges and alerts must follow a change. The request writes the ids in
-- its own commit; the "deals.after-change" job drains them right after, and a scheduled job drains
-- whatever a crash left behind, so a recalculation is never lost.
create table public.deal_change_queue (
  id uuid primary key default gen_random_uuid(),
  opportunity_id uuid not null unique references public.opportunities (id) on delete cascade,
  queued_at timestamptz not null default now()
);
alter table public.deal_change_queue enable row level security;
grant select on public.deal_change_queue to authenticated;
create policy "vp reads the deal change queue" on public.deal_change_queue for select to authenticated
  using ((select private.has_role('vp')));
create policy "active users only" on public.deal_change_queue as restrictive for all to authenticated
  using ((select private.is_active_user())) with check ((select private.is_active_user()));

create function private.queue_deal_changes(p_ids uuid[]) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  queued integer;
begin
  if not private.is_staff() then
    raise exception 'Only the team can change deals' using errcode = '42501';
  end if;
  insert into public.deal_change_queue (opportunity_id)
    select o.id from public.opportunities o where o.id = any (p_ids)
    on conflict (opportunity_id) do update set queued_at = now();
  get diagnostics queued = row_count;
  return queued;
end
$$;

-- The VP hears of an escalated blocker in the commit that escalates it; only the blocker's owner can
-- raise it, and only for a blocker that is open and escalated.
create function private.notify_vp_of_blocker(p_blocker uuid) returns integer
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b record;
  sent integer;
begin
  select sb.severity, sb.description, p.display_name into b
    from public.status_blockers sb join public.profiles p on p.id = sb.user_id
    where sb.id = p_blocker and sb.user_id = (select auth.uid()) and sb.escalated and sb.resolved_at is null
      and private.is_staff();
  if not found then
    raise exception 'That blocker was not found, or it is not yours' using errcode = '42501';
  end if;
  insert into public.notifications (user_id, kind, title, body, link)
    select v.id, 'blocker_escalated', b.display_name || ' escalated a ' || b.severity || ' blocker', left(b.description, 280), '/team/meeting'
    from public.profiles v where v.role = 'vp' and v.deactivated_at is null;
  get diagnostics sent = row_count;
  return sent;
end
$$;

-- The blocker's owner hears how the VP resolved it; only a VP, only for a resolved blocker.
create function private.notify_blocker_resolved(p_blocker uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  b public.status_blockers%rowtype;
begin
  select * into b from public.status_blockers sb
    where sb.id = p_blocker and sb.resolved_at is not null and private.has_role('vp');
  if not found then
    raise exception 'Only the VP tells the owner how a blocker was resolved' using errcode = '42501';
  end if;
  insert into public.notifications (user_id, kind, title, body, link)
    values (b.user_id, 'blocker_resolved', 'Blocker resolved: ' || left(b.description, 80), left(coalesce(b.resolution, ''), 280), '/status');
end
$$;

-- The invitation email goes to the invitee only, once per invitation, and only from its inviter while
-- it is open: the caller chooses the wording, never the recipient.
create function private.enqueue_invitation_email(p_invitation uuid, p_subject text, p_text text, p_html text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  inv public.invitations%rowtype;
begin
  select * into inv from public.invitations i
    where i.id = p_invitation and i.invited_by = (select auth.uid()) and i.accepted_at is null and i.revoked_at is null
      and private.current_app_role() is not null;
  if not found then
    raise exception 'That invitation is not yours to send' using errcode = '42501';
  end if;
  insert into public.email_outbox (to_email, template, subject, text_body, html_body, idempotency_key)
    values (inv.email, 'invitation', p_subject, p_text, p_html, 'invitation:' || inv.id)
    on conflict (idempotency_key) do nothing;
end
$$;

-- A partner admin invites a colleague into the admin's own organisation (derived from auth.uid()).
-- An address that already has an account, or an open invitation from another organisation, gets the
-- same outcome to the caller as a new invitation ('sent'), so the form cannot probe who has an account;
-- an existing account is told by email instead (p_existing_*: at most one notice per address and hour).
create function private.invite_colleague(
  p_email text, p_member_role public.partner_member_role, p_token_hash text, p_expires_at timestamptz,
  p_existing_subject text, p_existing_text text, p_existing_html text
)
returns table (outcome text, invitation_id uuid)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me public.profiles%rowtype;
  created uuid;
  pending_org uuid;
begin
  select * into me from public.profiles p
    where p.id = (select auth.uid()) and p.role = 'partner' and p.deactivated_at is null and p.partner_member_role = 'admin';
  if not found or me.partner_id is null then
    raise exception 'Only an admin of your organisation can invite colleagues' using errcode = '42501';
  end if;
  if exists (select 1 from public.profiles p where lower(p.email) = lower(p_email)) then
    insert into public.email_outbox (to_email, template, subject, text_body, html_body, idempotency_key)
      values (lower(p_email), 'invite-existing-account', p_existing_subject, p_existing_text, p_existing_html,
              'invite-existing-account:' || lower(p_email) || ':' || floor(extract(epoch from now()) / 3600)::bigint)
      on conflict (idempotency_key) do nothing;
    return query select 'sent'::text, null::uuid;
    return;
  end if;
  select i.partner_id into pending_org from public.invitations i
    where lower(i.email) = lower(p_email) and i.accepted_at is null and i.revoked_at is null
    limit 1;
  if found then
    return query select (case when pending_org = me.partner_id then 'pending' else 'sent' end)::text, null::uuid;
    return;
  end if;
  insert into public.invitations (email, role, partner_id, partner_member_role, token_hash, invited_by, expires_at)
    values (lower(p_email), 'partner', me.partner_id, p_member_role, p_token_hash, me.id, least(p_expires_at, now() + interval '14 days'))
    returning id into created;
  return query select 'invited'::text, created;
end
$$;

-- A partner admin's open invitations to colleagues (partners cannot read the invitations table).
create function private.partner_colleague_invitations()
returns table (id uuid, email text, partner_member_role public.partner_member_role, expires_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select i.id, i.email, i.partner_member_role, i.expires_at
  from public.invitations i
  join public.profiles me on me.id = (select auth.uid()) and me.role = 'partner' and me.deactivated_at is null
    and me.partner_member_role = 'admin' and me.partner_id = i.partner_id
  where i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
  order by i.created_at desc
$$;

-- The caller's own referred deals (deals are staff-only row by row): name and stage only.
create function private.partner_referred_deals()
returns table (id uuid, customer_name text, stage text, is_won boolean, is_lost boolean)
language sql stable security definer set search_path = ''
as $$
  select o.id, o.customer_name, s.name, s.is_won, s.is_lost
  from public.opportunities o join public.stages s on s.id = o.stage_id
  where o.referring_partner_id = private.current_partner_id()
  order by o.updated_at desc
$$;

-- What a partner's standing (trailing tier metrics, the month's leaderboard) is computed from: the
-- workspace currency, FX rates, the caller's own won deals in the window, and every partner's won
-- deals in the month (the leaderboard is shown to all partners). Empty for anyone else.
create function private.partner_standing_inputs(p_window_start date, p_window_end date, p_month_start date, p_month_end date)
returns jsonb
language sql stable security definer set search_path = ''
as $$
  select case when private.current_partner_id() is null then null else jsonb_build_object(
    'currency', coalesce((select s.currency from public.workspace_settings s limit 1), 'USD'),
    'rates', coalesce((select jsonb_agg(jsonb_build_object('date', f.rate_date::text, 'from', f.base, 'to', f.quote, 'rate', f.rate::text))
      from public.fx_rates f), '[]'::jsonb),
    'own', coalesce((select jsonb_agg(jsonb_build_object('value_minor', o.value_minor::text, 'currency', o.currency, 'close_date', o.actual_close_date::text))
      from public.opportunities o join public.stages s on s.id = o.stage_id
      where s.is_won and o.referring_partner_id = private.current_partner_id()
        and o.actual_close_date between p_window_start and p_window_end), '[]'::jsonb),
    -- The month's board needs each partner's total, converted at each close date's rate: sums per
    -- partner, currency and day, never a single deal of another partner.
    'month', coalesce((select jsonb_agg(jsonb_build_object('partner_id', d.partner_id, 'name', d.name, 'value_minor', d.value_minor::text,
        'currency', d.currency, 'close_date', d.close_date::text, 'deals', d.deals))
      from (select p.id as partner_id, p.name, o.currency, o.actual_close_date as close_date, sum(o.value_minor) as value_minor, count(*)::int as deals
            from public.opportunities o join public.stages s on s.id = o.stage_id join public.partners p on p.id = o.referring_partner_id
            where s.is_won and o.actual_close_date between p_month_start and p_month_end
            group by p.id, p.name, o.currency, o.actual_close_date) d), '[]'::jsonb)
  ) end
$$;

-- The caller's default referral link to the default landing page, created on first visit.
create function private.ensure_default_link() returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  partner uuid := private.current_partner_id();
  found_code text;
  base text;
  alphabet constant text := 'abcdefghjkmnpqrstuvwxyz23456789';
begin
  if partner is null then
    raise exception 'Only a partner has referral links' using errcode = '42501';
  end if;
  select l.code into found_code from public.referral_links l where l.partner_id = partner and l.is_default;
  if found_code is not null then
    return found_code;
  end if;
  select coalesce(nullif(left(btrim(regexp_replace(lower(p.slug), '[^a-z0-9-]+', '-', 'g'), '-'), 30), ''), 'partner')
    into base from public.partners p where p.id = partner;
  for attempt in 1..5 loop
    insert into public.referral_links (partner_id, code, landing_page_id, is_default)
      select partner, base || '-' || (select string_agg(substr(alphabet, 1 + floor(random() * length(alphabet))::int, 1), '')
                                      from generate_series(1, 4)), lp.id, true
      from public.landing_pages lp where lp.is_default
      on conflict do nothing
      returning code into found_code;
    if found_code is not null then
      return found_code;
    end if;
  end loop;
  raise exception 'could not allocate a unique referral code';
end
$$;

-- The public program page and landing pages: the offer and the pitch, nothing else of the settings.
create function private.public_program()
returns table (company_name text, currency text, program_headline text, program_description text,
  attribution_window_days integer, brand_color text)
language sql stable security definer set search_path = ''
as $$
  select s.company_name, s.currency::text, s.program_headline, s.program_description, s.attribution_window_days, s.brand_color
  from public.workspace_settings s limit 1
$$;

create function private.public_program_tiers()
returns table (id uuid, name text, rank integer, commission_rate text, payout_cadence text,
  min_trailing_revenue_minor bigint, min_trailing_deals integer, perks jsonb, color text)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name, t.rank, t.commission_rate::text, t.payout_cadence::text, t.min_trailing_revenue_minor,
    t.min_trailing_deals, t.perks, t.color
  from public.tiers t order by t.rank
$$;

-- The /r/ redirect: a live link and where it leads (its landing page when active, else the default).
create function private.resolve_referral_link(p_code text)
returns table (link_id uuid, partner_id uuid, code text, url text, window_days integer)
language sql stable security definer set search_path = ''
as $$
  select l.id, l.partner_id, l.code,
    coalesce(case when lp.active then lp.url end, (select d.url from public.landing_pages d where d.is_default and d.active)),
    (select s.attribution_window_days from public.workspace_settings s limit 1)
  from public.referral_links l
  join public.landing_pages lp on lp.id = l.landing_page_id
  where l.code = p_code and l.archived_at is null
$$;

revoke all on function private.queue_deal_changes(uuid[]) from public, anon;
revoke all on function private.notify_vp_of_blocker(uuid) from public, anon;
revoke all on function private.notify_blocker_resolved(uuid) from public, anon;
revoke all on function private.enqueue_invitation_email(uuid, text, text, text) from public, anon;
revoke all on function private.invite_colleague(text, public.partner_member_role, text, timestamptz, text, text, text) from public, anon;
revoke all on function private.partner_colleague_invitations() from public, anon;
revoke all on function private.partner_referred_deals() from public, anon;
revoke all on function private.partner_standing_inputs(date, date, date, date) from public, anon;
revoke all on function private.ensure_default_link() from public, anon;
revoke all on function private.public_program() from public;
revoke all on function private.public_program_tiers() from public;
revoke all on function private.resolve_referral_link(text) from public;

grant execute on function private.queue_deal_changes(uuid[]) to authenticated;
grant execute on function private.notify_vp_of_blocker(uuid) to authenticated;
grant execute on function private.notify_blocker_resolved(uuid) to authenticated;
grant execute on function private.enqueue_invitation_email(uuid, text, text, text) to authenticated;
grant execute on function private.invite_colleague(text, public.partner_member_role, text, timestamptz, text, text, text) to authenticated;
grant execute on function private.partner_colleague_invitations() to authenticated;
grant execute on function private.partner_referred_deals() to authenticated;
grant execute on function private.partner_standing_inputs(date, date, date, date) to authenticated;
grant execute on function private.ensure_default_link() to authenticated;

-- Logged-out readers reach the private schema only through these functions.
grant usage on schema private to anon;
grant execute on function private.public_program() to anon, authenticated;
grant execute on function private.public_program_tiers() to anon, authenticated;
grant execute on function private.resolve_referral_link(text) to anon;
grant execute on function private.open_shared_fill(text, text, text) to anon;

-- Onboarding: an admin of a partner organisation sets its business, payout and tax details. The
-- organisation is the caller's own (from auth.uid()); partners hold no grant on these tables.
create function private.current_partner_admin_org() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  org uuid;
begin
  select p.partner_id into org from public.profiles p
    where p.id = (select auth.uid()) and p.role = 'partner' and p.deactivated_at is null and p.partner_member_role = 'admin';
  if org is null then
    raise exception 'Only an admin of your organisation can change this' using errcode = '42501';
  end if;
  return org;
end
$$;

create function private.save_partner_business(p_website text, p_industry text, p_country text, p_company_size text, p_description text)
returns void
language sql volatile security definer set search_path = ''
as $$
  update public.partners set website = p_website, industry = p_industry, country = p_country,
    company_size = p_company_size, description = p_description
  where id = private.current_partner_admin_org()
$$;

create function private.save_bank_payout_method(p_holder text, p_bank_country text, p_last4 text, p_ciphertext text, p_currency text)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.partner_payout_methods (partner_id, kind, account_holder, bank_country, account_last4, account_ciphertext, currency, updated_by, updated_at)
    values (private.current_partner_admin_org(), 'bank_transfer', p_holder, p_bank_country, p_last4, p_ciphertext, p_currency, (select auth.uid()), now())
  on conflict (partner_id) do update set kind = 'bank_transfer', stripe_account_id = null, payouts_enabled = false,
    account_holder = excluded.account_holder, bank_country = excluded.bank_country, account_last4 = excluded.account_last4,
    account_ciphertext = excluded.account_ciphertext, currency = excluded.currency, updated_by = excluded.updated_by, updated_at = now()
$$;

-- The Stripe account id comes from the server's own call to Stripe for this organisation.
create function private.save_stripe_payout_method(p_account_id text) returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.partner_payout_methods (partner_id, kind, stripe_account_id, updated_by, updated_at)
    values (private.current_partner_admin_org(), 'stripe_connect', p_account_id, (select auth.uid()), now())
  on conflict (partner_id) do update set kind = 'stripe_connect', stripe_account_id = excluded.stripe_account_id,
    account_holder = null, bank_country = null, account_last4 = null, account_ciphertext = null,
    updated_by = excluded.updated_by, updated_at = now()
$$;

create function private.submit_tax_details(p_form public.tax_form, p_legal_name text, p_business_name text, p_tax_classification text,
  p_country text, p_address text, p_tin_last4 text, p_tin_ciphertext text, p_signed_name text)
returns void
language sql volatile security definer set search_path = ''
as $$
  insert into public.partner_tax_details (partner_id, form, legal_name, business_name, tax_classification, country, address,
      tin_last4, tin_ciphertext, signed_name, submitted_by)
    values (private.current_partner_admin_org(), p_form, p_legal_name, p_business_name,
      case when p_form = 'w9' then p_tax_classification end, p_country, p_address, p_tin_last4, p_tin_ciphertext, p_signed_name,
      (select auth.uid()))
$$;

revoke all on function private.current_partner_admin_org() from public, anon;
revoke all on function private.save_partner_business(text, text, text, text, text) from public, anon;
revoke all on function private.save_bank_payout_method(text, text, text, text, text) from public, anon;
revoke all on function private.save_stripe_payout_method(text) from public, anon;
revoke all on function private.submit_tax_details(public.tax_form, text, text, text, text, text, text, text, text) from public, anon;
grant execute on function private.save_partner_business(text, text, text, text, text) to authenticated;
grant execute on function private.save_bank_payout_method(text, text, text, text, text) to authenticated;
grant execute on function private.save_stripe_payout_method(text) to authenticated;
grant execute on function private.submit_tax_details(public.tax_form, text, text, text, text, text, text, text, text) to authenticated;

-- The applicant hears of a rejection in the reviewer's commit: to the application's own address, once,
-- and only from the VP or partnership manager who rejected it.
create function private.enqueue_application_rejection_email(p_application uuid, p_subject text, p_text text, p_html text)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  app public.partner_applications%rowtype;
begin
  select * into app from public.partner_applications a
    where a.id = p_application and a.status = 'rejected' and a.reviewed_by = (select auth.uid())
      and private.has_role('vp', 'partnership_manager');
  if not found then
    raise exception 'Only the reviewer who rejected the application tells the applicant' using errcode = '42501';
  end if;
  insert into public.email_outbox (to_email, template, subject, text_body, html_body, idempotency_key)
    values (app.email, 'application_rejected', p_subject, p_text, p_html, 'application-rejected:' || app.id)
    on conflict (idempotency_key) do nothing;
end
$$;
revoke all on function private.enqueue_application_rejection_email(uuid, text, text, text) from public, anon;
grant execute on function private.enqueue_application_rejection_email(uuid, text, text, text) to authenticated;
