-- Commissions: dated FX rates finance maintains, and commission lines computed by the engine
-- (lib/commissions) with the rule trace that explains each number.

create type public.commission_status as enum ('forecast', 'earned', 'approved', 'paid', 'clawed_back');
create type public.commission_kind as enum ('one_time', 'upfront', 'recurring', 'milestone', 'clawback');

create table public.fx_rates (
  rate_date date not null,
  base char(3) not null check (base ~ '^[A-Z]{3}$'),
  quote char(3) not null check (quote ~ '^[A-Z]{3}$'),
  rate numeric(20, 10) not null check (rate > 0),
  created_at timestamptz not null default now(),
  primary key (rate_date, base, quote),
  check (base <> quote)
);

create table public.commission_lines (
  id uuid primary key default gen_random_uuid(),
  line_key text not null unique,
  opportunity_id uuid not null references public.opportunities (id) on delete cascade,
  agreement_id uuid not null references public.agreements (id),
  agreement_version_id uuid not null references public.agreement_versions (id),
  partner_id uuid not null references public.partners (id),
  owner_id uuid references public.profiles (id),
  direction public.agreement_direction not null,
  kind public.commission_kind not null,
  label text not null,
  amount_minor bigint not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  due_date date not null,
  status public.commission_status not null default 'forecast',
  effective_rate numeric(9, 4),
  trace jsonb not null default '[]'::jsonb,
  clawback_of uuid references public.commission_lines (id),
  approved_by uuid references public.profiles (id),
  approved_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check ((kind = 'clawback') = (clawback_of is not null)),
  check (kind = 'clawback' or amount_minor >= 0)
);
create index commission_lines_opportunity_idx on public.commission_lines (opportunity_id);
create index commission_lines_partner_idx on public.commission_lines (partner_id, direction, status);
create index commission_lines_owner_idx on public.commission_lines (owner_id) where direction = 'receivable';

grant select on public.fx_rates to authenticated;
grant insert, update, delete on public.fx_rates to authenticated;
grant select on public.commission_lines to authenticated;
grant update (status, approved_by, approved_at) on public.commission_lines to authenticated;

alter table public.fx_rates enable row level security;
alter table public.commission_lines enable row level security;

create policy "staff read fx rates" on public.fx_rates for select to authenticated
  using ((select private.is_staff()));
create policy "finance and vp add fx rates" on public.fx_rates for insert to authenticated
  with check ((select private.has_role('vp', 'finance')));
create policy "finance and vp correct fx rates" on public.fx_rates for update to authenticated
  using ((select private.has_role('vp', 'finance'))) with check ((select private.has_role('vp', 'finance')));
create policy "finance and vp delete fx rates" on public.fx_rates for delete to authenticated
  using ((select private.has_role('vp', 'finance')));

create policy "vp and finance read all commission lines" on public.commission_lines for select to authenticated
  using ((select private.has_role('vp', 'finance')));
create policy "sales managers read receivable lines of own deals" on public.commission_lines for select to authenticated
  using (direction = 'receivable' and owner_id = (select auth.uid()) and (select private.has_role('sales_manager', 'partnership_manager')));
create policy "partner reads own payable lines" on public.commission_lines for select to authenticated
  using (direction = 'payable' and partner_id = (select private.current_partner_id()));
create policy "finance approves earned lines" on public.commission_lines for update to authenticated
  using (status = 'earned' and (select private.has_role('finance', 'vp')))
  with check (status in ('earned', 'approved') and (select private.has_role('finance', 'vp')));

-- Approved and paid lines are frozen: no edit of the numbers and no delete, whoever asks; the only
-- moves left are approved → paid and paid → clawed_back, which system jobs make.
create function private.freeze_commission_line() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status in ('approved', 'paid', 'clawed_back') then
      raise exception 'An approved commission line cannot be deleted; add a clawback instead' using errcode = '42501';
    end if;
    return old;
  end if;
  if old.status in ('approved', 'paid', 'clawed_back') and (
       (new.amount_minor, new.currency, new.due_date, new.agreement_version_id, new.partner_id, new.direction, new.kind, new.trace)
       is distinct from
       (old.amount_minor, old.currency, old.due_date, old.agreement_version_id, old.partner_id, old.direction, old.kind, old.trace)
       or not (new.status = old.status
               or (old.status = 'approved' and new.status = 'paid')
               or (old.status = 'paid' and new.status = 'clawed_back'))
     ) then
    raise exception 'An approved commission line cannot be changed; add a clawback instead' using errcode = '42501';
  end if;
  return new;
end
$$;
revoke all on function private.freeze_commission_line() from public;

create trigger commission_lines_freeze before update or delete on public.commission_lines
  for each row execute function private.freeze_commission_line();
create trigger commission_lines_touch before update on public.commission_lines
  for each row execute function private.touch_updated_at();
create trigger commission_lines_audit after insert or update or delete on public.commission_lines
  for each row execute function private.audit_row();
create trigger fx_rates_audit after insert or update or delete on public.fx_rates
  for each row execute function private.audit_row();
