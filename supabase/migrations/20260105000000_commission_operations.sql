-- Commission operations: one schedule row per deal and agreement carrying the engine's trace and the
-- period figures that volume tiers and period caps read; rate overrides with VP approval; payments
-- received from ISV vendors, recorded by finance and compared with what was expected.

create type public.override_status as enum ('pending', 'approved', 'rejected', 'withdrawn');

create table public.commission_overrides (
  id uuid primary key default gen_random_uuid(),
  opportunity_id uuid not null references public.opportunities (id) on delete cascade,
  agreement_id uuid not null references public.agreements (id),
  rate numeric(7, 4) not null check (rate >= 0 and rate <= 100),
  reason text not null check (length(btrim(reason)) between 3 and 1000),
  -- Outside the agreement model's range: only a VP approval makes it apply.
  needs_approval boolean not null,
  status public.override_status not null,
  requested_by uuid references public.profiles (id),
  decided_by uuid references public.profiles (id),
  decided_at timestamptz,
  decision_note text check (decision_note is null or length(decision_note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (status <> 'rejected' or (decision_note is not null and length(btrim(decision_note)) > 0)),
  check (needs_approval or status <> 'pending')
);
-- At most one live override (waiting or applying) per deal and agreement.
create unique index commission_overrides_live_idx on public.commission_overrides (opportunity_id, agreement_id)
  where status in ('pending', 'approved');
create index commission_overrides_pending_idx on public.commission_overrides (created_at) where status = 'pending';

create table public.commission_schedules (
  id uuid primary key default gen_random_uuid(),
  opportunity_id uuid not null references public.opportunities (id) on delete cascade,
  agreement_id uuid not null references public.agreements (id),
  agreement_version_id uuid not null references public.agreement_versions (id),
  partner_id uuid not null references public.partners (id),
  owner_id uuid references public.profiles (id),
  direction public.agreement_direction not null,
  -- First day of the agreement's commission period (month, quarter or year) holding the close date.
  period_start date not null,
  close_date date not null,
  -- Basis in the agreement currency, rounded to minor units: the period volume for volume tiers.
  basis_minor bigint not null check (basis_minor >= 0),
  total_minor bigint not null check (total_minor >= 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  effective_rate numeric(9, 4) not null,
  rate_source text not null,
  override_id uuid references public.commission_overrides (id),
  trace jsonb not null,
  -- Digest of everything the schedule was computed from and to; an unchanged digest is not rewritten.
  signature text not null,
  created_at timestamptz not null default now(),
  unique (opportunity_id, agreement_id)
);
create index commission_schedules_period_idx on public.commission_schedules (agreement_id, period_start, close_date);
create index commission_schedules_partner_idx on public.commission_schedules (partner_id, direction);
create index commission_schedules_owner_idx on public.commission_schedules (owner_id) where direction = 'receivable';

-- Lines belong to a schedule; the trace lives once on the schedule instead of on every line.
alter table public.commission_lines add column schedule_id uuid references public.commission_schedules (id) on delete cascade;

insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id,
    direction, period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
  select distinct on (l.opportunity_id, l.agreement_id) l.opportunity_id, l.agreement_id, l.agreement_version_id,
    l.partner_id, l.owner_id, l.direction, date_trunc('quarter', o.close)::date, o.close,
    coalesce(round((
      select (s -> 'values' ->> 'basisMinor')::numeric from jsonb_array_elements(l.trace) s
      where s ->> 'rule' = 'effective_rate' limit 1)), 0)::bigint,
    (select coalesce(sum(x.amount_minor), 0) from public.commission_lines x
      where x.opportunity_id = l.opportunity_id and x.agreement_id = l.agreement_id and x.kind <> 'clawback'),
    l.currency, coalesce(l.effective_rate, 0), 'migrated', l.trace, 'migrated'
  from public.commission_lines l
    cross join lateral (select coalesce(op.actual_close_date, op.expected_close_date, l.due_date) as close
      from public.opportunities op where op.id = l.opportunity_id) o
  order by l.opportunity_id, l.agreement_id, l.created_at;

-- Lines that can still change are recomputed from the schedule table; frozen ones keep their link.
alter table public.commission_lines disable trigger commission_lines_freeze;
update public.commission_lines l set schedule_id = s.id
  from public.commission_schedules s where s.opportunity_id = l.opportunity_id and s.agreement_id = l.agreement_id;
alter table public.commission_lines enable trigger commission_lines_freeze;
alter table public.commission_lines alter column schedule_id set not null;
create index commission_lines_schedule_idx on public.commission_lines (schedule_id);
-- A line's deal, agreement, version, partner and owner are copies of its schedule's (which holds the
-- foreign keys), kept on the line for row-level security and reporting; the recalculation writes both
-- together, so the copies need no foreign keys of their own (a full recalculation writes ~300k lines).
alter table public.commission_lines
  drop constraint commission_lines_opportunity_id_fkey,
  drop constraint commission_lines_agreement_id_fkey,
  drop constraint commission_lines_agreement_version_id_fkey,
  drop constraint commission_lines_partner_id_fkey,
  drop constraint commission_lines_owner_id_fkey;
-- Recalculations rewrite numbers in place; room on each page keeps those updates off the indexes.
alter table public.commission_lines set (fillfactor = 80);
alter table public.commission_schedules set (fillfactor = 80);
create index commission_lines_due_idx on public.commission_lines (direction, due_date);
-- Deleting a line checks that no clawback points at it.
create index commission_lines_clawback_idx on public.commission_lines (clawback_of) where clawback_of is not null;

create or replace function private.freeze_commission_line() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('approved', 'paid', 'clawed_back') or old.kind = 'clawback' then
      raise exception 'An approved commission line cannot be deleted; add a clawback instead' using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status in ('approved', 'paid', 'clawed_back') and (
       (new.amount_minor, new.currency, new.due_date, new.agreement_version_id, new.partner_id, new.direction, new.kind, new.schedule_id)
       is distinct from
       (old.amount_minor, old.currency, old.due_date, old.agreement_version_id, old.partner_id, old.direction, old.kind, old.schedule_id)
       or not (new.status = old.status
               or (old.status = 'approved' and new.status = 'paid')
               or (old.status = 'paid' and new.status = 'clawed_back'))
     ) then
    raise exception 'An approved commission line cannot be changed; add a clawback instead' using errcode = '42501';
  end if;
  return new;
end
$$;

alter table public.commission_lines drop column trace;
alter table public.commission_lines drop column effective_rate;

-- A schedule whose lines are frozen keeps its numbers: its trace explains money already approved.
create function private.freeze_commission_schedule() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if exists (select 1 from public.commission_lines l where l.schedule_id = old.id
             and (l.status in ('approved', 'paid', 'clawed_back') or l.kind = 'clawback')) then
    raise exception 'A schedule with approved commission lines cannot be changed; add a clawback instead' using errcode = '42501';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
revoke all on function private.freeze_commission_schedule() from public;
create trigger commission_schedules_freeze before update or delete on public.commission_schedules
  for each row execute function private.freeze_commission_schedule();

create table public.commission_receipts (
  id uuid primary key default gen_random_uuid(),
  partner_id uuid not null references public.partners (id),
  received_on date not null,
  -- A correction is a negative receipt: recorded money is never edited.
  amount_minor bigint not null check (amount_minor <> 0),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  reference text not null check (length(btrim(reference)) between 1 and 200),
  note text check (note is null or length(note) <= 2000),
  opportunity_id uuid references public.opportunities (id) on delete set null,
  recorded_by uuid references public.profiles (id) default auth.uid(),
  created_at timestamptz not null default now()
);
create index commission_receipts_partner_idx on public.commission_receipts (partner_id, received_on);

grant select on public.commission_overrides to authenticated;
grant select on public.commission_schedules to authenticated;
grant select, insert on public.commission_receipts to authenticated;

alter table public.commission_overrides enable row level security;
alter table public.commission_schedules enable row level security;
alter table public.commission_receipts enable row level security;

-- Overrides are written by server actions after their own checks (request: who may edit the deal;
-- decision: the VP), as system steps in the caller's transaction; staff read those of deals they see.
create policy "staff read overrides of visible deals" on public.commission_overrides for select to authenticated
  using ((select private.is_staff()) and exists (select 1 from public.opportunities o where o.id = opportunity_id));

create policy "vp and finance read all schedules" on public.commission_schedules for select to authenticated
  using ((select private.has_role('vp', 'finance')));
create policy "sales managers read receivable schedules of own deals" on public.commission_schedules for select to authenticated
  using (direction = 'receivable' and owner_id = (select auth.uid()) and (select private.has_role('sales_manager', 'partnership_manager')));
create policy "partner reads own payable schedules" on public.commission_schedules for select to authenticated
  using (direction = 'payable' and partner_id = (select private.current_partner_id()));

create policy "vp and finance read receipts" on public.commission_receipts for select to authenticated
  using ((select private.has_role('vp', 'finance')));
create policy "finance records receipts from isv vendors" on public.commission_receipts for insert to authenticated
  with check (
    (select private.has_role('finance'))
    and recorded_by = (select auth.uid())
    and exists (select 1 from public.partners p where p.id = partner_id and p.kind in ('isv', 'isv_and_program'))
  );

create trigger commission_overrides_touch before update on public.commission_overrides
  for each row execute function private.touch_updated_at();
create trigger commission_overrides_audit after insert or update or delete on public.commission_overrides
  for each row execute function private.audit_row();

-- Schedules and forecast/earned lines are derived from audited inputs (deals, agreement versions, FX
-- rates, overrides) and recomputed in bulk, so only what people do to lines is logged: status changes
-- (approval, payment, clawing back) and clawbacks.
drop trigger commission_lines_audit on public.commission_lines;
create trigger commission_lines_audit_changes after update on public.commission_lines
  for each row when (old.status is distinct from new.status
    and (old.status not in ('forecast', 'earned') or new.status not in ('forecast', 'earned')))
  execute function private.audit_row();
create trigger commission_lines_audit_clawbacks after insert on public.commission_lines
  for each row when (new.kind = 'clawback') execute function private.audit_row();
create trigger commission_receipts_audit after insert or update or delete on public.commission_receipts
  for each row execute function private.audit_row();
