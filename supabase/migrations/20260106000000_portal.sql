-- Partner portal: applications, onboarding (payout method, tax details, document acceptance), referral
-- links with click tracking, referrals, deal registrations with protection windows, tier history,
-- achievements and XP. Partners read and write only their own organisation's rows.

create type public.application_status as enum ('pending', 'approved', 'rejected');
create type public.experience_level as enum ('new', 'some', 'experienced');
create type public.registration_status as enum ('pending', 'approved', 'rejected');
create type public.referral_status as enum ('new', 'contacted', 'qualified', 'converted', 'closed');
create type public.payout_method_kind as enum ('stripe_connect', 'bank_transfer');
create type public.tax_form as enum ('w9', 'w8ben');
create type public.program_document_kind as enum ('program_agreement', 'commission_terms', 'code_of_conduct');

alter table public.workspace_settings
  add column attribution_window_days integer not null default 90 check (attribution_window_days between 1 and 365),
  add column protection_window_days integer not null default 90 check (protection_window_days between 1 and 365),
  -- {"enabled": bool, "minExperience": "some", "requireWebsite": bool}
  add column auto_approve_rule jsonb not null default '{"enabled": false}'::jsonb,
  add column program_headline text,
  add column program_description text;

alter table public.partners
  add column industry text check (industry is null or length(industry) <= 120),
  add column country char(2) check (country is null or country ~ '^[A-Z]{2}$'),
  add column company_size text check (company_size is null or length(company_size) <= 40),
  add column onboarded_at timestamptz;

alter table public.profiles
  add column phone text check (phone is null or length(phone) <= 40),
  -- per-event email choices, e.g. {"tier_changed": true, "referral_received": false}
  add column email_preferences jsonb not null default '{}'::jsonb;

create table public.partner_applications (
  id uuid primary key default gen_random_uuid(),
  company text not null check (length(btrim(company)) between 1 and 200),
  website text check (website is null or website ~ '^https?://'),
  industry text not null check (length(btrim(industry)) between 1 and 120),
  experience public.experience_level not null,
  monthly_goal_minor bigint check (monthly_goal_minor is null or monthly_goal_minor >= 0),
  contact_name text not null check (length(btrim(contact_name)) between 1 and 120),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  phone text check (phone is null or length(phone) <= 40),
  contact_preferences text[] not null default '{}',
  social_handles jsonb not null default '{}'::jsonb,
  message text check (message is null or length(message) <= 4000),
  status public.application_status not null default 'pending',
  rejection_reason text,
  reviewed_by uuid references public.profiles (id),
  reviewed_at timestamptz,
  auto_approved boolean not null default false,
  partner_id uuid references public.partners (id) on delete set null,
  invitation_id uuid references public.invitations (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'rejected' or length(btrim(coalesce(rejection_reason, ''))) > 0)
);
create unique index partner_applications_open_email_idx on public.partner_applications (lower(email)) where status = 'pending';
create index partner_applications_status_idx on public.partner_applications (status, created_at);

create table public.program_documents (
  id uuid primary key default gen_random_uuid(),
  kind public.program_document_kind not null,
  version integer not null check (version >= 1),
  title text not null,
  body text not null,
  published_at timestamptz not null default now(),
  unique (kind, version)
);

create table public.partner_acceptances (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  profile_id uuid not null references public.profiles (id) on delete cascade,
  document_id uuid not null references public.program_documents (id),
  accepted_at timestamptz not null default now(),
  unique (partner_id, document_id)
);

-- Bank details are kept as ciphertext (lib/crypto, AES-256-GCM); only the last four digits are ever shown.
create table public.partner_payout_methods (
  partner_id uuid primary key references public.partners (id) on delete cascade,
  kind public.payout_method_kind not null,
  stripe_account_id text,
  payouts_enabled boolean not null default false,
  account_holder text,
  bank_country char(2),
  account_last4 text check (account_last4 is null or account_last4 ~ '^[0-9A-Z]{2,4}$'),
  account_ciphertext text,
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  updated_by uuid references public.profiles (id),
  updated_at timestamptz not null default now(),
  check (kind <> 'bank_transfer' or (account_holder is not null and account_last4 is not null and account_ciphertext is not null))
);

-- Tax details: partners submit, finance reads. The partner sees only that (and when) they were submitted.
create table public.partner_tax_details (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  form public.tax_form not null,
  legal_name text not null check (length(btrim(legal_name)) between 1 and 200),
  business_name text,
  tax_classification text,
  country char(2) not null check (country ~ '^[A-Z]{2}$'),
  address text not null check (length(btrim(address)) between 1 and 500),
  tin_last4 text not null check (tin_last4 ~ '^[0-9A-Z]{2,4}$'),
  tin_ciphertext text not null,
  signed_name text not null,
  submitted_by uuid references public.profiles (id),
  submitted_at timestamptz not null default now()
);
create index partner_tax_details_partner_idx on public.partner_tax_details (partner_id, submitted_at desc);

create table public.landing_pages (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(btrim(name)) between 1 and 120),
  -- A path of this app ("/welcome/security") or an https URL on a host the team approved.
  url text not null check (url ~ '^(/[A-Za-z0-9/_-]*|https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^\s]*)?)$'),
  is_default boolean not null default false,
  active boolean not null default true,
  created_at timestamptz not null default now()
);
create unique index landing_pages_default_idx on public.landing_pages (is_default) where is_default;

create table public.referral_links (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  code text not null unique check (code ~ '^[a-z0-9][a-z0-9-]{2,39}$'),
  landing_page_id uuid not null references public.landing_pages (id),
  campaign text check (campaign is null or length(campaign) <= 120),
  is_default boolean not null default false,
  archived_at timestamptz,
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now()
);
create unique index referral_links_default_idx on public.referral_links (partner_id) where is_default;

create table public.referral_clicks (
  id bigint generated always as identity primary key,
  link_id uuid not null references public.referral_links (id) on delete cascade,
  partner_id uuid not null references public.partners (id) on delete cascade,
  clicked_at timestamptz not null,
  -- One click per link, visitor and hour: the visitor is a keyed hash of IP + user agent.
  visitor_hash text not null,
  hour_bucket timestamptz not null,
  ip_hash text not null,
  user_agent text,
  referrer text,
  is_bot boolean not null default false,
  unique (link_id, visitor_hash, hour_bucket)
);
create index referral_clicks_partner_idx on public.referral_clicks (partner_id, clicked_at);

create table public.referrals (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  link_id uuid references public.referral_links (id) on delete set null,
  attributed_by text not null check (attributed_by in ('cookie', 'code')),
  source text not null check (source in ('landing_form', 'api')),
  name text not null check (length(btrim(name)) between 1 and 120),
  email text not null check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  company text not null check (length(btrim(company)) between 1 and 200),
  phone text,
  message text check (message is null or length(message) <= 4000),
  status public.referral_status not null default 'new',
  self_referral boolean not null default false,
  opportunity_id uuid references public.opportunities (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index referrals_partner_idx on public.referrals (partner_id, created_at desc);

create table public.deal_registrations (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  submitted_by uuid references public.profiles (id),
  customer_name text not null check (length(btrim(customer_name)) between 1 and 200),
  -- Lower-case domain of the customer, the key of the protection window.
  customer_domain text not null check (customer_domain ~ '^[a-z0-9.-]+\.[a-z]{2,}$'),
  contact_name text not null check (length(btrim(contact_name)) between 1 and 120),
  contact_email text not null check (contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  estimated_value_minor bigint not null check (estimated_value_minor > 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  notes text check (notes is null or length(notes) <= 4000),
  status public.registration_status not null default 'pending',
  self_referral boolean not null default false,
  rejection_reason text,
  reviewed_by uuid references public.profiles (id),
  reviewed_at timestamptz,
  protected_until date,
  opportunity_id uuid references public.opportunities (id) on delete set null,
  referral_id uuid references public.referrals (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'rejected' or length(btrim(coalesce(rejection_reason, ''))) > 0),
  check (status <> 'approved' or protected_until is not null)
);
create index deal_registrations_partner_idx on public.deal_registrations (partner_id, created_at desc);
create index deal_registrations_domain_idx on public.deal_registrations (customer_domain, status, protected_until);

create table public.tier_history (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  from_tier_id uuid references public.tiers (id),
  to_tier_id uuid not null references public.tiers (id),
  reason text not null,
  metrics jsonb not null default '{}'::jsonb,
  changed_at timestamptz not null default now()
);
create index tier_history_partner_idx on public.tier_history (partner_id, changed_at desc);

create table public.partner_achievements (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_:-]*$'),
  earned_at timestamptz not null default now(),
  details jsonb not null default '{}'::jsonb,
  unique (partner_id, key)
);

create table public.partner_xp_events (
  id bigint generated always as identity primary key,
  partner_id uuid not null references public.partners (id) on delete cascade,
  kind text not null,
  xp integer not null check (xp > 0),
  source_id text not null,
  occurred_at timestamptz not null default now(),
  unique (partner_id, kind, source_id)
);

-- Privileges: partners and staff write through server actions; rows RLS lets them touch are below.
grant select on public.partner_applications to authenticated;
grant update (status, rejection_reason, reviewed_by, reviewed_at, partner_id, invitation_id) on public.partner_applications to authenticated;
grant select on public.program_documents to anon, authenticated;
grant insert, update on public.program_documents to authenticated;
grant select, insert on public.partner_acceptances to authenticated;
grant select on public.partner_payout_methods to authenticated;
grant select on public.partner_tax_details to authenticated;
grant select, insert, update, delete on public.landing_pages to authenticated;
grant select, insert, update on public.referral_links to authenticated;
grant select on public.referral_clicks to authenticated;
grant select, update on public.referrals to authenticated;
grant select, insert on public.deal_registrations to authenticated;
grant update (status, rejection_reason, reviewed_by, reviewed_at, protected_until, opportunity_id) on public.deal_registrations to authenticated;
grant select on public.tier_history to authenticated;
grant select on public.partner_achievements to authenticated;
grant select on public.partner_xp_events to authenticated;

alter table public.partner_applications enable row level security;
alter table public.program_documents enable row level security;
alter table public.partner_acceptances enable row level security;
alter table public.partner_payout_methods enable row level security;
alter table public.partner_tax_details enable row level security;
alter table public.landing_pages enable row level security;
alter table public.referral_links enable row level security;
alter table public.referral_clicks enable row level security;
alter table public.referrals enable row level security;
alter table public.deal_registrations enable row level security;
alter table public.tier_history enable row level security;
alter table public.partner_achievements enable row level security;
alter table public.partner_xp_events enable row level security;

-- Applications arrive from the public page through a system step; partnership managers and the VP review.
create policy "vp and partnership managers read applications" on public.partner_applications for select to authenticated
  using ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers review applications" on public.partner_applications for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager')))
  with check ((select private.has_role('vp', 'partnership_manager')));

create policy "everyone reads published program documents" on public.program_documents for select to anon, authenticated
  using (published_at <= now());
create policy "vp publishes program documents" on public.program_documents for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp corrects program documents" on public.program_documents for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));

create policy "staff read acceptances" on public.partner_acceptances for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own acceptances" on public.partner_acceptances for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "partner accepts for own organisation" on public.partner_acceptances for insert to authenticated
  with check (partner_id = (select private.current_partner_id()) and profile_id = (select auth.uid()));

create policy "finance and vp read payout methods" on public.partner_payout_methods for select to authenticated
  using ((select private.has_role('vp', 'finance')));
create policy "partner reads own payout method" on public.partner_payout_methods for select to authenticated
  using (partner_id = (select private.current_partner_id()));

create policy "finance reads tax details" on public.partner_tax_details for select to authenticated
  using ((select private.has_role('finance')));

create policy "staff read landing pages" on public.landing_pages for select to authenticated
  using ((select private.is_staff()));
create policy "partners read active landing pages" on public.landing_pages for select to authenticated
  using (active and (select private.current_partner_id()) is not null);
create policy "vp and partnership managers add landing pages" on public.landing_pages for insert to authenticated
  with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers change landing pages" on public.landing_pages for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager'))) with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers remove landing pages" on public.landing_pages for delete to authenticated
  using ((select private.has_role('vp', 'partnership_manager')));

create policy "staff read referral links" on public.referral_links for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own links" on public.referral_links for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "partner creates own campaign links" on public.referral_links for insert to authenticated
  with check (partner_id = (select private.current_partner_id()) and not is_default and created_by = (select auth.uid()));
create policy "partner archives own campaign links" on public.referral_links for update to authenticated
  using (partner_id = (select private.current_partner_id()) and not is_default)
  with check (partner_id = (select private.current_partner_id()) and not is_default);

create policy "staff read clicks" on public.referral_clicks for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own clicks" on public.referral_clicks for select to authenticated
  using (partner_id = (select private.current_partner_id()));

create policy "staff read referrals" on public.referrals for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own referrals" on public.referrals for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "vp and partnership managers update referrals" on public.referrals for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager'))) with check ((select private.has_role('vp', 'partnership_manager')));

create policy "staff read registrations" on public.deal_registrations for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own registrations" on public.deal_registrations for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "partner registers deals for own organisation" on public.deal_registrations for insert to authenticated
  with check (partner_id = (select private.current_partner_id()) and submitted_by = (select auth.uid()) and status = 'pending');
create policy "vp and partnership managers review registrations" on public.deal_registrations for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager'))) with check ((select private.has_role('vp', 'partnership_manager')));

create policy "staff read tier history" on public.tier_history for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own tier history" on public.tier_history for select to authenticated
  using (partner_id = (select private.current_partner_id()));

create policy "staff read achievements" on public.partner_achievements for select to authenticated
  using ((select private.is_staff()));
create policy "partners read achievements" on public.partner_achievements for select to authenticated
  using (partner_id = (select private.current_partner_id()));

create policy "staff read xp" on public.partner_xp_events for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own xp" on public.partner_xp_events for select to authenticated
  using (partner_id = (select private.current_partner_id()));

do $$
declare
  t text;
begin
  foreach t in array array['partner_applications', 'referrals', 'deal_registrations'] loop
    execute format('create trigger %I before update on public.%I for each row execute function private.touch_updated_at()', t || '_touch', t);
  end loop;
  foreach t in array array['partner_applications', 'program_documents', 'partner_acceptances', 'partner_payout_methods',
      'partner_tax_details', 'landing_pages', 'referral_links', 'referrals', 'deal_registrations', 'tier_history'] loop
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.audit_row()', t || '_audit', t);
  end loop;
  -- The partner's open pages refresh on these (clicks arrive in batches; one event per batch row is fine).
  foreach t in array array['referral_clicks', 'referrals', 'deal_registrations', 'tier_history', 'partner_achievements',
      'partner_applications'] loop
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.emit_change()', t || '_emit', t);
  end loop;
end
$$;

-- The built-in landing page every default referral link points to until the team chooses another.
insert into public.landing_pages (name, url, is_default) values ('Talk to us', '/welcome', true);
