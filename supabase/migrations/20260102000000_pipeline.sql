-- Pipeline: loss reasons, saved views, quarterly goals, and the stage move as one SQL function.

create table public.loss_reasons (
  id uuid primary key default gen_random_uuid(),
  label text not null unique check (length(trim(label)) between 1 and 80),
  position integer not null default 0,
  archived_at timestamptz,
  created_at timestamptz not null default now()
);

create table public.saved_views (
  id uuid primary key default gen_random_uuid(),
  owner_id uuid not null references public.profiles (id) on delete cascade,
  name text not null check (length(trim(name)) between 1 and 60),
  scope text not null default 'opportunities' check (scope in ('opportunities', 'board')),
  query text not null default '' check (length(query) <= 2000),
  created_at timestamptz not null default now(),
  unique (owner_id, scope, name)
);

create table public.quarterly_goals (
  id uuid primary key default gen_random_uuid(),
  year integer not null check (year between 2000 and 2100),
  quarter integer not null check (quarter between 1 and 4),
  domain public.partner_domain,
  owner_id uuid references public.profiles (id) on delete cascade,
  target_minor bigint not null check (target_minor >= 0),
  currency char(3) not null default 'USD' check (currency ~ '^[A-Z]{3}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (domain is null or owner_id is null),
  -- One company goal, one goal per domain and one per person for each quarter.
  unique nulls not distinct (year, quarter, domain, owner_id)
);

grant select on public.loss_reasons to authenticated;
grant insert, update, delete on public.loss_reasons to authenticated;
grant select, insert, update, delete on public.saved_views to authenticated;
grant select, insert, update, delete on public.quarterly_goals to authenticated;

alter table public.loss_reasons enable row level security;
alter table public.saved_views enable row level security;
alter table public.quarterly_goals enable row level security;

create policy "staff read loss reasons" on public.loss_reasons for select to authenticated
  using ((select private.is_staff()));
create policy "vp creates loss reasons" on public.loss_reasons for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp updates loss reasons" on public.loss_reasons for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes loss reasons" on public.loss_reasons for delete to authenticated
  using ((select private.has_role('vp')));

create policy "owner reads saved views" on public.saved_views for select to authenticated
  using (owner_id = (select auth.uid()));
create policy "staff save own views" on public.saved_views for insert to authenticated
  with check (owner_id = (select auth.uid()) and (select private.is_staff()));
create policy "owner updates saved views" on public.saved_views for update to authenticated
  using (owner_id = (select auth.uid())) with check (owner_id = (select auth.uid()));
create policy "owner deletes saved views" on public.saved_views for delete to authenticated
  using (owner_id = (select auth.uid()));

create policy "staff read goals" on public.quarterly_goals for select to authenticated
  using ((select private.is_staff()));
create policy "vp creates goals" on public.quarterly_goals for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp updates goals" on public.quarterly_goals for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes goals" on public.quarterly_goals for delete to authenticated
  using ((select private.has_role('vp')));

create trigger quarterly_goals_touch before update on public.quarterly_goals
  for each row execute function private.touch_updated_at();
create trigger loss_reasons_audit after insert or update or delete on public.loss_reasons
  for each row execute function private.audit_row();
create trigger quarterly_goals_audit after insert or update or delete on public.quarterly_goals
  for each row execute function private.audit_row();
create trigger saved_views_audit after insert or update or delete on public.saved_views
  for each row execute function private.audit_row();

create index opportunity_stage_history_to_stage_idx on public.opportunity_stage_history (to_stage_id);

/**
 * Moves an opportunity to a stage and between two neighbours in one transaction: stage rules, the
 * numeric position (midpoint of the neighbours, the column renumbered when the gap runs out) and a
 * stage-history row. Runs as the caller, so RLS decides who may move what.
 * Rule violations raise P0001 with a user-facing message, the field in DETAIL and the rule in HINT.
 */
create function public.move_opportunity(
  p_opportunity uuid,
  p_to_stage uuid,
  p_before uuid default null,
  p_after uuid default null,
  p_justification text default null,
  p_final_value_minor bigint default null,
  p_close_date date default null,
  p_loss_reason text default null
) returns table (id uuid, stage_id uuid, "position" numeric, updated_at timestamptz)
language plpgsql
set search_path = ''
as $$
declare
  opp public.opportunities;
  from_stage public.stages;
  to_stage public.stages;
  before_pos numeric;
  after_pos numeric;
  new_pos numeric;
  field text;
  justification text := nullif(trim(coalesce(p_justification, '')), '');
  gap constant numeric := 1024;
begin
  select o.* into opp from public.opportunities o where o.id = p_opportunity for update;
  if not found or not private.can_edit_opportunity(p_opportunity) then
    raise exception 'You can only move your own opportunities' using errcode = '42501';
  end if;
  select s.* into from_stage from public.stages s where s.id = opp.stage_id;
  select s.* into to_stage from public.stages s where s.id = p_to_stage;
  if not found then
    raise exception 'That stage no longer exists' using errcode = 'P0001', hint = 'unknown_stage';
  end if;

  if to_stage.id <> from_stage.id then
    foreach field in array to_stage.required_fields loop
      if nullif(trim(coalesce(to_jsonb(opp) ->> field, '')), '') is null then
        raise exception '% needs %', to_stage.name,
          case field
            when 'technical_contact_name' then 'a technical contact'
            when 'contact_name' then 'a customer contact'
            when 'expected_close_date' then 'an expected close date'
            when 'isv_partner_id' then 'an ISV partner'
            else replace(field, '_', ' ')
          end
          using errcode = 'P0001', detail = field, hint = 'required_field';
      end if;
    end loop;
    if to_stage.position < from_stage.position and justification is null then
      raise exception 'Moving back to % needs a justification', to_stage.name
        using errcode = 'P0001', detail = 'justification', hint = 'justification_required';
    end if;
    if to_stage.is_won then
      if coalesce(p_final_value_minor, 0) <= 0 or p_close_date is null then
        raise exception 'Closing as won needs the final value and the close date'
          using errcode = 'P0001', detail = case when p_close_date is null then 'close_date' else 'final_value' end,
                hint = 'won_requires_value_and_date';
      end if;
    end if;
    if to_stage.is_lost and nullif(trim(coalesce(p_loss_reason, '')), '') is null then
      raise exception 'Closing as lost needs a reason'
        using errcode = 'P0001', detail = 'loss_reason', hint = 'lost_requires_reason';
    end if;
  end if;

  -- One mover at a time per column keeps positions distinct under concurrency.
  perform pg_advisory_xact_lock(hashtextextended('stage-column:' || to_stage.id::text, 0));

  for attempt in 1..2 loop
    select o.position into before_pos from public.opportunities o where o.id = p_before and o.stage_id = to_stage.id;
    select o.position into after_pos from public.opportunities o where o.id = p_after and o.stage_id = to_stage.id;
    if before_pos is null and after_pos is null then
      if p_before is null and p_after is not null then
        new_pos := null;
      else
        select coalesce(max(o.position), 0) + gap into new_pos from public.opportunities o
          where o.stage_id = to_stage.id and o.id <> opp.id;
      end if;
      if new_pos is null then
        select coalesce(min(o.position), gap) - gap into new_pos from public.opportunities o
          where o.stage_id = to_stage.id and o.id <> opp.id;
      end if;
    elsif before_pos is null then
      select coalesce(max(o.position), after_pos - gap) into before_pos from public.opportunities o
        where o.stage_id = to_stage.id and o.position < after_pos and o.id <> opp.id;
      new_pos := case when before_pos = after_pos - gap then after_pos - gap else (before_pos + after_pos) / 2 end;
    elsif after_pos is null then
      select min(o.position) into after_pos from public.opportunities o
        where o.stage_id = to_stage.id and o.position > before_pos and o.id <> opp.id;
      new_pos := case when after_pos is null then before_pos + gap else (before_pos + after_pos) / 2 end;
    else
      new_pos := (before_pos + after_pos) / 2;
    end if;
    -- Renumber the column when the midpoint can no longer separate the neighbours.
    exit when scale(new_pos) <= 20 and new_pos is distinct from before_pos and new_pos is distinct from after_pos;
    with ordered as (
      select o.id, row_number() over (order by o.position, o.id) as n
      from public.opportunities o where o.stage_id = to_stage.id and o.id <> opp.id
    )
    update public.opportunities o set position = ordered.n * gap from ordered where o.id = ordered.id;
  end loop;

  update public.opportunities o set
    stage_id = to_stage.id,
    position = new_pos,
    stage_entered_at = case when to_stage.id <> from_stage.id then now() else o.stage_entered_at end,
    value_minor = case when to_stage.is_won and p_final_value_minor is not null then p_final_value_minor else o.value_minor end,
    actual_close_date = case
      when to_stage.is_won then p_close_date
      when to_stage.is_lost then coalesce(p_close_date, current_date)
      when to_stage.id <> from_stage.id then null
      else o.actual_close_date end,
    loss_reason = case when to_stage.is_lost then trim(p_loss_reason) when to_stage.id <> from_stage.id then null else o.loss_reason end,
    probability = case when to_stage.id <> from_stage.id then null else o.probability end
  where o.id = opp.id;

  if to_stage.id <> from_stage.id then
    insert into public.opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, moved_by, justification)
    values (opp.id, from_stage.id, to_stage.id, (select auth.uid()), justification);
  end if;

  return query select o.id, o.stage_id, o.position, o.updated_at from public.opportunities o where o.id = opp.id;
end
$$;
revoke all on function public.move_opportunity(uuid, uuid, uuid, uuid, text, bigint, date, text) from public, anon;
grant execute on function public.move_opportunity(uuid, uuid, uuid, uuid, text, bigint, date, text) to authenticated;

-- The VP hears about every change to a deal above the workspace's high-value threshold.
create function private.notify_high_value_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  threshold bigint;
  home_currency text;
  stage_name text;
  actor uuid := nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub';
begin
  -- Bulk loads are not changes anyone needs to hear about.
  if coalesce(current_setting('app.job', true), '') like 'seed.%' then
    return null;
  end if;
  select w.high_value_threshold_minor, w.currency into threshold, home_currency from public.workspace_settings w;
  if threshold is null or new.currency <> home_currency then
    return null;
  end if;
  if greatest(new.value_minor, coalesce(old.value_minor, 0)) < threshold then
    return null;
  end if;
  if tg_op = 'UPDATE' and (new.stage_id, new.value_minor, new.owner_id, new.expected_close_date)
     is not distinct from (old.stage_id, old.value_minor, old.owner_id, old.expected_close_date) then
    return null;
  end if;
  select s.name into stage_name from public.stages s where s.id = new.stage_id;
  insert into public.notifications (user_id, kind, title, body, link)
  select p.id, 'high_value_change',
         case when tg_op = 'INSERT' then 'New high-value deal: ' else 'High-value deal changed: ' end || new.customer_name,
         to_char(new.value_minor / 100.0, 'FM999,999,999,990') || ' ' || new.currency || ' · ' || coalesce(stage_name, ''),
         '/pipeline?opportunity=' || new.id
  from public.profiles p
  where p.role = 'vp' and p.deactivated_at is null and p.id is distinct from actor;
  return null;
end
$$;
revoke all on function private.notify_high_value_change() from public;
create trigger opportunities_high_value after insert or update on public.opportunities
  for each row execute function private.notify_high_value_change();

create trigger loss_reasons_emit after insert or update or delete on public.loss_reasons
  for each row execute function private.emit_change();
create trigger quarterly_goals_emit after insert or update or delete on public.quarterly_goals
  for each row execute function private.emit_change();
