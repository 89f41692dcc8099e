-- Team operations: weekly status (with blockers and attachments), tasks that roll over, the alerts engine
-- and partner relationship health.

-- Weekly status ---------------------------------------------------------------------------------------
create table public.weekly_statuses (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references public.profiles (id) on delete cascade,
  week_start date not null check (extract(isodow from week_start) = 1),
  accomplishments text not null default '' check (length(accomplishments) <= 20000),
  plans text not null default '' check (length(plans) <= 20000),
  -- Role-specific figures (calls, meetings, deals registered…), keyed by field.
  kpis jsonb not null default '{}'::jsonb check (jsonb_typeof(kpis) = 'object'),
  status text not null default 'draft' check (status in ('draft', 'submitted')),
  submitted_at timestamptz,
  -- Bumped by every save; an autosave carrying an older revision is refused instead of overwriting.
  revision integer not null default 0 check (revision >= 0),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, week_start)
);
create index weekly_statuses_week_idx on public.weekly_statuses (week_start);

create table public.status_blockers (
  id uuid primary key default gen_random_uuid(),
  status_id uuid not null references public.weekly_statuses (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  description text not null check (length(btrim(description)) between 1 and 2000),
  severity text not null default 'medium' check (severity in ('low', 'medium', 'high', 'critical')),
  escalated boolean not null default false,
  resolved_at timestamptz,
  resolved_by uuid references public.profiles (id),
  resolution text check (resolution is null or length(resolution) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index status_blockers_open_idx on public.status_blockers (resolved_at, escalated);
create index status_blockers_status_idx on public.status_blockers (status_id);

create table public.status_attachments (
  id uuid primary key default gen_random_uuid(),
  status_id uuid not null references public.weekly_statuses (id) on delete cascade,
  user_id uuid not null references public.profiles (id) on delete cascade,
  file_name text not null check (length(btrim(file_name)) between 1 and 200),
  content_type text not null,
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index status_attachments_status_idx on public.status_attachments (status_id);

-- Tasks -------------------------------------------------------------------------------------------------
create type public.task_priority as enum ('low', 'medium', 'high', 'urgent');
create type public.task_category as enum ('opportunity', 'partner', 'admin');

create table public.tasks (
  id uuid primary key default gen_random_uuid(),
  title text not null check (length(btrim(title)) between 1 and 300),
  notes text check (notes is null or length(notes) <= 5000),
  priority public.task_priority not null default 'medium',
  category public.task_category not null default 'admin',
  opportunity_id uuid references public.opportunities (id) on delete set null,
  partner_id uuid references public.partners (id) on delete set null,
  assignee_id uuid not null references public.profiles (id),
  created_by uuid not null references public.profiles (id),
  delegated_by uuid references public.profiles (id),
  due_date date,
  -- The Monday of the week the task belongs to; the week boundary moves unfinished tasks forward.
  week_start date not null check (extract(isodow from week_start) = 1),
  rollover_count integer not null default 0 check (rollover_count >= 0),
  completed_at timestamptz,
  template_key text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index tasks_assignee_week_idx on public.tasks (assignee_id, week_start) where completed_at is null;
create index tasks_week_open_idx on public.tasks (week_start) where completed_at is null;
create index tasks_opportunity_idx on public.tasks (opportunity_id);
create index tasks_partner_idx on public.tasks (partner_id);

create table public.task_events (
  id bigint generated always as identity primary key,
  task_id uuid not null references public.tasks (id) on delete cascade,
  kind text not null check (kind in ('created', 'edited', 'delegated', 'rescheduled', 'completed', 'reopened', 'rolled_over')),
  detail jsonb not null default '{}'::jsonb,
  actor_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
create index task_events_task_idx on public.task_events (task_id, id);

-- Checklists a stage move can create (moving to POC → the POC checklist).
create table public.task_templates (
  id uuid primary key default gen_random_uuid(),
  stage_id uuid not null references public.stages (id) on delete cascade,
  title text not null check (length(btrim(title)) between 1 and 300),
  priority public.task_priority not null default 'medium',
  due_in_days integer not null default 7 check (due_in_days between 0 and 365),
  position integer not null default 0,
  created_at timestamptz not null default now()
);
create index task_templates_stage_idx on public.task_templates (stage_id, position);

-- A task belongs to the team: delegating one to a partner user (or a deactivated person) is refused.
create function private.check_task_assignee() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if not exists (select 1 from public.profiles p where p.id = new.assignee_id and p.role <> 'partner' and p.deactivated_at is null) then
    raise exception 'Tasks can only be assigned to an active teammate' using errcode = 'P0001', detail = 'assigneeId', hint = 'task_assignee_staff';
  end if;
  return new;
end
$$;
revoke all on function private.check_task_assignee() from public;
create trigger tasks_assignee_staff before insert or update of assignee_id on public.tasks
  for each row execute function private.check_task_assignee();

-- Alerts ------------------------------------------------------------------------------------------------
create table public.alert_rules (
  key text primary key check (key in ('opportunity_stagnation', 'close_date', 'high_value_change', 'relationship_maintenance',
    'goal_milestone', 'task_overdue', 'commission_approval')),
  enabled boolean not null default true,
  -- Thresholds per rule (days, amounts, percentages), validated by the application's schema for the rule.
  thresholds jsonb not null default '{}'::jsonb check (jsonb_typeof(thresholds) = 'object'),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'critical')),
  updated_by uuid references public.profiles (id),
  updated_at timestamptz not null default now()
);

create table public.alerts (
  id uuid primary key default gen_random_uuid(),
  rule_key text not null references public.alert_rules (key),
  user_id uuid not null references public.profiles (id) on delete cascade,
  -- Names the condition instance (rule, record, the state that triggered it): one alert per person and condition.
  dedupe_key text not null check (length(dedupe_key) <= 300),
  priority text not null check (priority in ('low', 'medium', 'high', 'critical')),
  category text not null check (category in ('pipeline', 'relationship', 'goals', 'tasks', 'commissions')),
  title text not null check (length(title) <= 300),
  body text check (body is null or length(body) <= 2000),
  link text,
  recommended_action text check (recommended_action is null or length(recommended_action) <= 500),
  entity_type text,
  entity_id uuid,
  status text not null default 'open' check (status in ('open', 'acknowledged', 'snoozed', 'dismissed')),
  snoozed_until timestamptz,
  acknowledged_at timestamptz,
  dismissed_at timestamptz,
  emailed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (user_id, dedupe_key),
  check (status <> 'snoozed' or snoozed_until is not null)
);
create index alerts_user_status_idx on public.alerts (user_id, status, created_at desc);
create index alerts_created_idx on public.alerts (created_at desc);

create table public.alert_preferences (
  user_id uuid primary key references public.profiles (id) on delete cascade,
  digest_enabled boolean not null default false,
  -- Frequency control: at most this many new alerts per person per day; the rest wait for the next day.
  max_per_day integer not null default 20 check (max_per_day between 1 and 200),
  muted_rules text[] not null default '{}',
  last_digest_at timestamptz,
  updated_at timestamptz not null default now()
);

-- Partner health ----------------------------------------------------------------------------------------
create table public.health_weights (
  id boolean primary key default true check (id),
  recency integer not null default 30 check (recency between 0 and 100),
  frequency integer not null default 20 check (frequency between 0 and 100),
  pipeline integer not null default 20 check (pipeline between 0 and 100),
  revenue_trend integer not null default 20 check (revenue_trend between 0 and 100),
  open_issues integer not null default 10 check (open_issues between 0 and 100),
  updated_by uuid references public.profiles (id),
  updated_at timestamptz not null default now(),
  check (recency + frequency + pipeline + revenue_trend + open_issues = 100)
);
insert into public.health_weights (id) values (true);

create table public.partner_health_snapshots (
  partner_id uuid not null references public.partners (id) on delete cascade,
  taken_on date not null,
  score integer not null check (score between 0 and 100),
  breakdown jsonb not null,
  primary key (partner_id, taken_on)
);

-- Grants and row-level security -----------------------------------------------------------------------
alter table public.weekly_statuses enable row level security;
alter table public.status_blockers enable row level security;
alter table public.status_attachments enable row level security;
alter table public.tasks enable row level security;
alter table public.task_events enable row level security;
alter table public.task_templates enable row level security;
alter table public.alert_rules enable row level security;
alter table public.alerts enable row level security;
alter table public.alert_preferences enable row level security;
alter table public.health_weights enable row level security;
alter table public.partner_health_snapshots enable row level security;

grant select, insert on public.weekly_statuses, public.status_blockers, public.status_attachments, public.tasks,
  public.task_events, public.task_templates, public.alert_preferences to authenticated;
grant update (accomplishments, plans, kpis, status, submitted_at, revision) on public.weekly_statuses to authenticated;
grant update (description, severity, escalated, resolved_at, resolved_by, resolution) on public.status_blockers to authenticated;
grant delete on public.status_blockers, public.status_attachments, public.tasks to authenticated;
grant update (title, notes, priority, category, opportunity_id, partner_id, assignee_id, delegated_by, due_date, week_start,
  completed_at) on public.tasks to authenticated;
grant update (title, priority, due_in_days, position) on public.task_templates to authenticated;
grant delete on public.task_templates to authenticated;
grant select on public.alert_rules, public.alerts, public.health_weights, public.partner_health_snapshots to authenticated;
grant update (enabled, thresholds, priority, updated_by, updated_at) on public.alert_rules to authenticated;
grant update (status, snoozed_until, acknowledged_at, dismissed_at) on public.alerts to authenticated;
grant update (digest_enabled, max_per_day, muted_rules, updated_at) on public.alert_preferences to authenticated;
grant update (recency, frequency, pipeline, revenue_trend, open_issues, updated_by, updated_at) on public.health_weights to authenticated;

create policy "own status or the vp reads" on public.weekly_statuses for select to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "staff write their own status" on public.weekly_statuses for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_staff()));
create policy "staff update their own status" on public.weekly_statuses for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy "own blockers or the vp reads" on public.status_blockers for select to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "staff add blockers to their own status" on public.status_blockers for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.weekly_statuses s where s.id = status_id and s.user_id = (select auth.uid())));
create policy "owner or the vp updates blockers" on public.status_blockers for update to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('vp')))
  with check (user_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "owner deletes blockers" on public.status_blockers for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "own attachments or the vp reads" on public.status_attachments for select to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "staff attach to their own status" on public.status_attachments for insert to authenticated
  with check (user_id = (select auth.uid()) and exists (
    select 1 from public.weekly_statuses s where s.id = status_id and s.user_id = (select auth.uid())));
create policy "owner deletes attachments" on public.status_attachments for delete to authenticated
  using (user_id = (select auth.uid()));

create policy "assignee, creator or the vp reads tasks" on public.tasks for select to authenticated
  using (assignee_id = (select auth.uid()) or created_by = (select auth.uid()) or (select private.has_role('vp')));
create policy "staff create tasks" on public.tasks for insert to authenticated
  with check ((select private.is_staff()) and created_by = (select auth.uid()));
create policy "assignee, creator or the vp update tasks" on public.tasks for update to authenticated
  using (assignee_id = (select auth.uid()) or created_by = (select auth.uid()) or (select private.has_role('vp')))
  with check ((select private.is_staff()));
create policy "creator or the vp delete tasks" on public.tasks for delete to authenticated
  using (created_by = (select auth.uid()) or (select private.has_role('vp')));

create policy "task events follow their task" on public.task_events for select to authenticated
  using (exists (select 1 from public.tasks t where t.id = task_id));
create policy "staff record events of tasks they see" on public.task_events for insert to authenticated
  with check (actor_id = (select auth.uid()) and exists (select 1 from public.tasks t where t.id = task_id));

create policy "staff read task templates" on public.task_templates for select to authenticated
  using ((select private.is_staff()));
create policy "vp writes task templates" on public.task_templates for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp updates task templates" on public.task_templates for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes task templates" on public.task_templates for delete to authenticated
  using ((select private.has_role('vp')));

create policy "staff read alert rules" on public.alert_rules for select to authenticated
  using ((select private.is_staff()));
create policy "vp tunes alert rules" on public.alert_rules for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));

create policy "own alerts or the vp reads" on public.alerts for select to authenticated
  using (user_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "people act on their own alerts" on public.alerts for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy "own alert preferences" on public.alert_preferences for select to authenticated
  using (user_id = (select auth.uid()));
create policy "create own alert preferences" on public.alert_preferences for insert to authenticated
  with check (user_id = (select auth.uid()) and (select private.is_staff()));
create policy "update own alert preferences" on public.alert_preferences for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));

create policy "staff read health weights" on public.health_weights for select to authenticated
  using ((select private.is_staff()));
create policy "vp tunes health weights" on public.health_weights for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));

create policy "staff read health history" on public.partner_health_snapshots for select to authenticated
  using ((select private.is_staff()));

insert into public.alert_rules (key, thresholds, priority) values
  ('opportunity_stagnation', '{"days": 14}', 'medium'),
  ('close_date', '{"daysBefore": 7}', 'high'),
  ('high_value_change', '{"amountMinor": 10000000}', 'high'),
  ('relationship_maintenance', '{"daysByPriority": {"high": 14, "medium": 30, "low": 60}}', 'medium'),
  ('goal_milestone', '{"milestonePercent": 75, "behindPacePercent": 80}', 'medium'),
  ('task_overdue', '{"escalateAfterDays": 3}', 'medium'),
  ('commission_approval', '{"waitingDays": 2}', 'medium');

do $$
declare
  t text;
begin
  foreach t in array array['weekly_statuses', 'status_blockers', 'tasks', 'alerts', 'alert_preferences', 'alert_rules', 'health_weights'] loop
    execute format('create trigger %I before update on public.%I for each row execute function private.touch_updated_at()', t || '_touch', t);
  end loop;
  foreach t in array array['status_blockers', 'tasks', 'alert_rules', 'health_weights'] loop
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.audit_row()', t || '_audit', t);
  end loop;
  foreach t in array array['weekly_statuses', 'status_blockers', 'tasks', 'alerts'] loop
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.emit_change()', t || '_emit', t);
  end loop;
end
$$;
