-- Entitlements as data: the features each tier unlocks in the partner portal (issue 15).
--
-- One row per feature: its category, a stable key the code and the policies name, the label partners
-- read, and the tier it unlocks at. A partner holds a feature when its tier ranks at or above that tier;
-- private.partner_has_entitlement is what the policies of locked content call, so the database refuses
-- locked content itself. The VP edits labels and unlock tiers at /settings/tiers; keys are fixed
-- (content and policies refer to them), so rows are neither inserted nor deleted by a role.

create table public.tier_features (
  id uuid primary key default gen_random_uuid(),
  feature_key text not null unique check (feature_key ~ '^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$'),
  category text not null check (category in ('dashboard', 'training', 'marketing', 'clients', 'analytics', 'support', 'earnings')),
  label text not null check (length(trim(label)) between 1 and 80),
  unlock_tier_id uuid not null references public.tiers (id) on delete restrict,
  position integer not null default 0 check (position >= 0),
  updated_by uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tier_features_tier_idx on public.tier_features (unlock_tier_id);
create index tier_features_category_idx on public.tier_features (category, position);

grant select on public.tier_features to authenticated;
grant update (label, unlock_tier_id, updated_by, updated_at) on public.tier_features to authenticated;
alter table public.tier_features enable row level security;

create policy "members read tier features" on public.tier_features for select to authenticated
  using ((select private.current_app_role()) is not null);
create policy "vp updates tier features" on public.tier_features for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "active users only" on public.tier_features as restrictive for all to authenticated
  using ((select private.is_active_user())) with check ((select private.is_active_user()));

create trigger tier_features_touch before update on public.tier_features
  for each row execute function private.touch_updated_at();
create trigger tier_features_audit after insert or update or delete on public.tier_features
  for each row execute function private.audit_row();

-- Whether the signed-in user holds a feature. Staff hold every feature (they author and review the
-- content); a partner holds it when its organisation's tier ranks at or above the feature's tier, and a
-- partner without a tier stands on the lowest rung. An unknown feature is held by nobody but staff.
create function private.partner_has_entitlement(feature text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select case
    when private.is_staff() then true
    when private.current_partner_id() is null then false
    else coalesce((
      select coalesce(own.rank, (select min(t.rank) from public.tiers t)) >= needed.rank
      from public.tier_features f
      join public.tiers needed on needed.id = f.unlock_tier_id
      left join public.partners p on p.id = private.current_partner_id()
      left join public.tiers own on own.id = p.tier_id
      where f.feature_key = feature
    ), false)
  end
$$;
revoke all on function private.partner_has_entitlement(text) from public;
grant execute on function private.partner_has_entitlement(text) to authenticated;

-- The default matrix (seed 004's progressive unlocks, with the dashboard's first rung saying what every
-- tier already has: live updates), placed on the tiers of the default ladder by key. Safe to run again:
-- existing features keep the VP's edits. Called here for a database whose tiers already exist, and by
-- the seed after it creates the tiers.
create function private.seed_tier_features() returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  added integer;
begin
  insert into public.tier_features (feature_key, category, label, unlock_tier_id, position)
  select m.feature_key, m.category, m.label, t.id, m.position
  from (values
    ('dashboard.live_stats', 'dashboard', 'Live stats', 'starter', 0),
    ('dashboard.trend_charts', 'dashboard', 'Trend charts', 'active', 1),
    ('dashboard.advanced_analytics', 'dashboard', 'Advanced analytics', 'performer', 2),
    ('dashboard.custom_kpis', 'dashboard', 'Custom KPIs', 'elite', 3),
    ('training.core', 'training', 'Core modules', 'starter', 0),
    ('training.advanced_sales', 'training', 'Advanced sales', 'active', 1),
    ('training.technical', 'training', 'Technical deep-dives', 'performer', 2),
    ('training.master_classes', 'training', 'Master classes', 'elite', 3),
    ('marketing.templates', 'marketing', 'Templates', 'starter', 0),
    ('marketing.video_library', 'marketing', 'Video library', 'active', 1),
    ('marketing.custom_campaigns', 'marketing', 'Custom campaigns', 'performer', 2),
    ('marketing.white_label', 'marketing', 'White-label', 'elite', 3),
    ('clients.basic_crm', 'clients', 'Basic CRM', 'starter', 0),
    ('clients.pipeline_tracking', 'clients', 'Pipeline tracking', 'active', 1),
    ('clients.automation', 'clients', 'Automation', 'performer', 2),
    ('clients.custom_portals', 'clients', 'Custom portals', 'elite', 3),
    ('analytics.basic_metrics', 'analytics', 'Basic metrics', 'starter', 0),
    ('analytics.performance_charts', 'analytics', 'Performance charts', 'active', 1),
    ('analytics.predictive_insights', 'analytics', 'Predictive insights', 'performer', 2),
    ('analytics.executive_reports', 'analytics', 'Executive reports', 'elite', 3),
    ('support.email', 'support', 'Email support', 'starter', 0),
    ('support.priority', 'support', 'Priority support', 'active', 1),
    ('support.dedicated_manager', 'support', 'Dedicated manager', 'performer', 2),
    ('support.strategic_advisor', 'support', 'Strategic advisor', 'elite', 3),
    ('earnings.monthly_payouts', 'earnings', 'Monthly payouts', 'starter', 0),
    ('earnings.biweekly_payouts', 'earnings', 'Bi-weekly payouts', 'active', 1),
    ('earnings.weekly_payouts', 'earnings', 'Weekly payouts', 'performer', 2),
    ('earnings.realtime_payouts', 'earnings', 'Real-time payouts', 'elite', 3)
  ) as m (feature_key, category, label, tier_key, position)
  join public.tiers t on t.key = m.tier_key
  on conflict (feature_key) do nothing;
  get diagnostics added = row_count;
  return added;
end
$$;
revoke all on function private.seed_tier_features() from public;

select private.seed_tier_features();
