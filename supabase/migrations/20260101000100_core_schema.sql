-- Core schema: people, partners, pipeline, agreements, messaging and the audit trail.

create schema if not exists private;

create type public.app_role as enum ('vp', 'sales_manager', 'partnership_manager', 'finance', 'partner');
create type public.partner_kind as enum ('isv', 'program', 'isv_and_program');
create type public.partner_domain as enum ('finops', 'security', 'observability', 'devops', 'data_backup', 'dev_platform');
create type public.partner_status as enum ('prospect', 'applicant', 'onboarding', 'active', 'inactive', 'churned');
create type public.partner_member_role as enum ('admin', 'member');
create type public.interaction_kind as enum ('meeting', 'call', 'email', 'qbr', 'event', 'note');
create type public.agreement_direction as enum ('receivable', 'payable');
create type public.agreement_model as enum ('referral', 'reseller', 'msp', 'custom');
create type public.agreement_status as enum ('draft', 'active', 'ended');
create type public.commission_basis as enum ('deal_value', 'net_revenue');
create type public.payment_model as enum ('one_time', 'recurring', 'hybrid', 'milestone');
create type public.payout_cadence as enum ('monthly', 'biweekly', 'weekly', 'realtime');
create type public.email_status as enum ('pending', 'sending', 'sent', 'failed');

-- One row: the company running the program.
create table public.workspace_settings (
  id boolean primary key default true check (id),
  company_name text not null,
  legal_name text,
  address text,
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  quarter_target_minor bigint not null default 25000000 check (quarter_target_minor >= 0),
  high_value_threshold_minor bigint not null default 10000000 check (high_value_threshold_minor >= 0),
  stalled_after_days integer not null default 14 check (stalled_after_days between 1 and 365),
  brand_color text not null default '#4f46e5',
  signatory_name text,
  signatory_title text,
  updated_at timestamptz not null default now()
);

create table public.tiers (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z][a-z0-9_]*$'),
  name text not null,
  rank integer not null unique check (rank >= 0),
  commission_rate numeric(7, 4) not null check (commission_rate >= 0 and commission_rate <= 100),
  payout_cadence public.payout_cadence not null,
  min_trailing_revenue_minor bigint not null default 0 check (min_trailing_revenue_minor >= 0),
  min_trailing_deals integer not null default 0 check (min_trailing_deals >= 0),
  perks jsonb not null default '[]'::jsonb,
  color text not null default '#64748b',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.partners (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(trim(name)) between 1 and 200),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]*$'),
  kind public.partner_kind not null,
  domain public.partner_domain,
  status public.partner_status not null default 'prospect',
  tier_id uuid references public.tiers (id),
  website text,
  description text,
  health_score integer check (health_score between 0 and 100),
  owner_id uuid,
  primary_contact_id uuid,
  joined_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index partners_kind_idx on public.partners (kind);
create index partners_owner_idx on public.partners (owner_id);
create index partners_tier_idx on public.partners (tier_id);

create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text not null unique,
  display_name text not null check (length(trim(display_name)) between 1 and 120),
  role public.app_role not null,
  title text,
  partner_id uuid references public.partners (id) on delete cascade,
  partner_member_role public.partner_member_role,
  deactivated_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint profiles_partner_link check (
    (role = 'partner' and partner_id is not null and partner_member_role is not null)
    or (role <> 'partner' and partner_id is null and partner_member_role is null)
  )
);
create index profiles_partner_idx on public.profiles (partner_id);
create index profiles_role_idx on public.profiles (role);

alter table public.partners
  add constraint partners_owner_fk foreign key (owner_id) references public.profiles (id) on delete set null;

create table public.partner_contacts (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 200),
  email text,
  phone text,
  title text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index partner_contacts_partner_idx on public.partner_contacts (partner_id);

alter table public.partners
  add constraint partners_primary_contact_fk foreign key (primary_contact_id)
  references public.partner_contacts (id) on delete set null;

create table public.partner_interactions (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  kind public.interaction_kind not null,
  occurred_at timestamptz not null default now(),
  summary text not null check (length(trim(summary)) between 1 and 5000),
  next_steps text,
  author_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index partner_interactions_partner_idx on public.partner_interactions (partner_id, occurred_at desc);
create index partner_interactions_author_idx on public.partner_interactions (author_id);

create table public.stages (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z][a-z0-9_]*$'),
  name text not null check (length(trim(name)) between 1 and 60),
  position integer not null,
  probability integer not null check (probability between 0 and 100),
  color text not null default '#64748b',
  is_won boolean not null default false,
  is_lost boolean not null default false,
  required_fields text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (not (is_won and is_lost))
);

create table public.opportunities (
  id uuid primary key default gen_random_uuid(),
  customer_name text not null check (length(trim(customer_name)) between 1 and 200),
  title text,
  contact_name text,
  contact_email text,
  technical_contact_name text,
  technical_contact_email text,
  value_minor bigint not null check (value_minor >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  stage_id uuid not null references public.stages (id),
  position numeric not null default 0,
  owner_id uuid not null references public.profiles (id),
  isv_partner_id uuid references public.partners (id),
  referring_partner_id uuid references public.partners (id),
  domain public.partner_domain,
  probability integer check (probability between 0 and 100),
  expected_close_date date,
  actual_close_date date,
  loss_reason text,
  notes text,
  stage_entered_at timestamptz not null default now(),
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index opportunities_stage_position_idx on public.opportunities (stage_id, position);
create index opportunities_owner_idx on public.opportunities (owner_id);
create index opportunities_isv_idx on public.opportunities (isv_partner_id);
create index opportunities_referrer_idx on public.opportunities (referring_partner_id);
create index opportunities_close_idx on public.opportunities (expected_close_date);

create table public.opportunity_stage_history (
  id uuid primary key default gen_random_uuid(),
  opportunity_id uuid not null references public.opportunities (id) on delete cascade,
  from_stage_id uuid references public.stages (id),
  to_stage_id uuid not null references public.stages (id),
  moved_by uuid references public.profiles (id),
  moved_at timestamptz not null default now(),
  justification text
);
create index opportunity_stage_history_opp_idx on public.opportunity_stage_history (opportunity_id, moved_at);
create index opportunity_stage_history_moved_at_idx on public.opportunity_stage_history (moved_at);

create table public.agreements (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id) on delete cascade,
  direction public.agreement_direction not null,
  model public.agreement_model not null,
  name text not null check (length(trim(name)) between 1 and 200),
  status public.agreement_status not null default 'draft',
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index agreements_partner_idx on public.agreements (partner_id);

create table public.agreement_versions (
  id uuid primary key default gen_random_uuid(),
  agreement_id uuid not null references public.agreements (id) on delete cascade,
  version integer not null check (version >= 1),
  effective_from date not null,
  effective_to date,
  rate numeric(7, 4) not null check (rate >= 0 and rate <= 100),
  basis public.commission_basis not null default 'deal_value',
  payment_model public.payment_model not null default 'one_time',
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  terms jsonb not null default '{}'::jsonb,
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  unique (agreement_id, version),
  check (effective_to is null or effective_to > effective_from)
);

create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  email text not null,
  role public.app_role not null,
  partner_id uuid references public.partners (id) on delete cascade,
  partner_member_role public.partner_member_role,
  token_hash text not null unique,
  invited_by uuid references public.profiles (id) on delete set null,
  expires_at timestamptz not null,
  accepted_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  check ((role = 'partner') = (partner_id is not null))
);
create unique index invitations_open_email_idx on public.invitations (lower(email))
  where accepted_at is null and revoked_at is null;

create table public.notifications (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  kind text not null,
  title text not null,
  body text,
  link text,
  read_at timestamptz,
  created_at timestamptz not null default now()
);
create index notifications_user_idx on public.notifications (user_id, created_at desc);

create table public.email_outbox (
  id uuid primary key default gen_random_uuid(),
  to_email text not null,
  template text not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  status public.email_status not null default 'pending',
  attempts integer not null default 0,
  last_error text,
  next_attempt_at timestamptz not null default now(),
  sent_at timestamptz,
  provider text,
  provider_message_id text,
  idempotency_key text not null unique,
  created_at timestamptz not null default now()
);
create index email_outbox_due_idx on public.email_outbox (next_attempt_at) where status in ('pending', 'failed');

create table public.job_runs (
  id uuid primary key default gen_random_uuid(),
  job text not null,
  started_at timestamptz not null default now(),
  finished_at timestamptz,
  status text not null default 'running' check (status in ('running', 'succeeded', 'failed')),
  detail jsonb not null default '{}'::jsonb
);
create index job_runs_job_idx on public.job_runs (job, started_at desc);

create table public.audit_log (
  id bigint generated always as identity primary key,
  occurred_at timestamptz not null default now(),
  actor_id uuid,
  actor_label text,
  action text not null check (action in ('insert', 'update', 'delete')),
  entity text not null,
  entity_id text,
  before jsonb,
  after jsonb
);
create index audit_log_entity_idx on public.audit_log (entity, entity_id);
create index audit_log_occurred_idx on public.audit_log (occurred_at desc);

-- Auth support kept out of the API surface: one-time tokens and rate-limit counters.
create table private.auth_tokens (
  token_hash text primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  purpose text not null check (purpose in ('verify_email', 'reset_password')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index auth_tokens_user_idx on private.auth_tokens (user_id, purpose);

create table private.rate_limits (
  bucket text not null,
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (bucket, window_start)
);
