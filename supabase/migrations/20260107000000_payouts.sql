-- Payouts: finance approves earned payable lines, groups them into batches of per-partner statements,
-- and pays each statement exactly once (Stripe Connect transfer, a simulated transfer without keys, or
-- "paid externally"). Every money movement is a balanced, append-only ledger journal.

create type public.payout_batch_status as enum ('draft', 'confirmed', 'processing', 'completed', 'cancelled');
create type public.payout_status as enum ('pending', 'processing', 'sent', 'paid', 'failed', 'reversed', 'cancelled');
create type public.payout_mode as enum ('stripe', 'simulated', 'external');

alter table public.tiers
  add column holding_days integer not null default 30 check (holding_days between 0 and 365);
alter table public.workspace_settings
  add column minimum_payout_minor bigint not null default 5000 check (minimum_payout_minor >= 0);

alter table public.commission_lines
  add column rejected_reason text,
  add column rejected_at timestamptz;

create table public.payout_batches (
  id uuid primary key default gen_random_uuid(),
  period_start date not null,
  period_end date not null,
  status public.payout_batch_status not null default 'draft',
  -- 'manual' or the tier cadence that created it ('monthly', 'biweekly', 'weekly', 'realtime').
  origin text not null default 'manual',
  created_by uuid references public.profiles (id),
  confirmed_by uuid references public.profiles (id),
  confirmed_at timestamptz,
  triggered_by uuid references public.profiles (id),
  triggered_at timestamptz,
  note text check (note is null or length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (period_end >= period_start)
);
create index payout_batches_status_idx on public.payout_batches (status, created_at desc);

-- One row per partner statement and currency; its idempotency key is what Stripe sees, so a retry of the
-- same statement can never become a second transfer.
create table public.payouts (
  id uuid primary key default gen_random_uuid(),
  batch_id uuid not null references public.payout_batches (id),
  partner_id uuid not null references public.partners (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  amount_minor bigint not null check (amount_minor > 0),
  status public.payout_status not null default 'pending',
  mode public.payout_mode,
  idempotency_key text not null unique,
  stripe_account_id text,
  stripe_transfer_id text unique,
  external_reference text,
  failure_reason text,
  attempts integer not null default 0,
  processing_started_at timestamptz,
  sent_at timestamptz,
  paid_at timestamptz,
  failed_at timestamptz,
  reversed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (batch_id, partner_id, currency)
);
create index payouts_partner_idx on public.payouts (partner_id, created_at desc);
create index payouts_status_idx on public.payouts (status);

-- The lines a payout settles (clawbacks netted in). A line is in at most one live payout.
create table public.payout_items (
  id uuid primary key default gen_random_uuid(),
  payout_id uuid not null references public.payouts (id),
  commission_line_id uuid not null references public.commission_lines (id),
  amount_minor bigint not null,
  -- Set when the payout failed for good, was reversed or cancelled: the line is payable again.
  released_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index payout_items_live_line_idx on public.payout_items (commission_line_id) where released_at is null;
create index payout_items_payout_idx on public.payout_items (payout_id);

-- Double entry: every journal's entries sum to zero per currency. Accounts:
--   commission_expense (debit when a payable line is approved; a clawback credits it back),
--   partner_payable   (what we owe each partner),
--   payouts_in_transit (sent to Stripe, not yet settled),
--   cash               (money that left us).
create table public.ledger_entries (
  id bigint generated always as identity primary key,
  journal_id uuid not null,
  occurred_at timestamptz not null default now(),
  account text not null check (account in ('commission_expense', 'partner_payable', 'payouts_in_transit', 'cash')),
  partner_id uuid not null references public.partners (id),
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  -- Debit positive, credit negative.
  amount_minor bigint not null check (amount_minor <> 0),
  kind text not null check (kind in ('line_approved', 'clawback_approved', 'payout_sent', 'payout_settled',
    'payout_failed', 'payout_reversed', 'payout_paid_externally')),
  commission_line_id uuid references public.commission_lines (id),
  payout_id uuid references public.payouts (id),
  reference text,
  created_by uuid references public.profiles (id)
);
create index ledger_entries_partner_idx on public.ledger_entries (partner_id, occurred_at);
create index ledger_entries_journal_idx on public.ledger_entries (journal_id);
create index ledger_entries_payout_idx on public.ledger_entries (payout_id) where payout_id is not null;
create unique index ledger_entries_line_approval_idx on public.ledger_entries (commission_line_id, account)
  where kind in ('line_approved', 'clawback_approved');

-- A journal must balance when its transaction commits.
create function private.check_journal_balance() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if exists (
    select 1 from public.ledger_entries e where e.journal_id = new.journal_id
    group by e.journal_id, e.currency having sum(e.amount_minor) <> 0
  ) then
    raise exception 'Ledger journal % does not balance', new.journal_id using errcode = '23514';
  end if;
  return null;
end
$$;
revoke all on function private.check_journal_balance() from public;
create constraint trigger ledger_entries_balanced after insert on public.ledger_entries
  deferrable initially deferred for each row execute function private.check_journal_balance();

create function private.reject_ledger_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'The ledger is append-only; record a reversing journal instead' using errcode = '42501';
end
$$;
revoke all on function private.reject_ledger_change() from public;
create trigger ledger_entries_append_only before update or delete on public.ledger_entries
  for each row execute function private.reject_ledger_change();
create trigger ledger_entries_no_truncate before truncate on public.ledger_entries
  for each statement execute function private.reject_ledger_change();

-- Stripe webhook events, each processed once.
create table public.stripe_events (
  id text primary key check (id ~ '^evt_'),
  type text not null,
  account text,
  created_at_stripe timestamptz not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  outcome text
);

-- A reversed payout makes its lines payable again: paid → approved is allowed to the payout job only.
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
               or (old.status = 'paid' and new.status = 'clawed_back')
               or (old.status = 'paid' and new.status = 'approved'
                   and coalesce(current_setting('app.job', true), '') like 'payouts.%'))
     ) then
    raise exception 'An approved commission line cannot be changed; add a clawback instead' using errcode = '42501';
  end if;
  return new;
end
$$;

grant select on public.payout_batches, public.payouts, public.payout_items, public.ledger_entries, public.stripe_events to authenticated;
grant update (rejected_reason, rejected_at) on public.commission_lines to authenticated;

alter table public.payout_batches enable row level security;
alter table public.payouts enable row level security;
alter table public.payout_items enable row level security;
alter table public.ledger_entries enable row level security;
alter table public.stripe_events enable row level security;

-- Finance and the VP read everything; partners read their own payouts, items and ledger. Writes go
-- through finance's server actions and the payout/webhook jobs (system steps), never direct grants.
create policy "finance and vp read batches" on public.payout_batches for select to authenticated
  using ((select private.has_role('finance', 'vp')));
create policy "finance and vp read payouts" on public.payouts for select to authenticated
  using ((select private.has_role('finance', 'vp')));
create policy "partner reads own payouts" on public.payouts for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "finance and vp read payout items" on public.payout_items for select to authenticated
  using ((select private.has_role('finance', 'vp')));
create policy "partner reads own payout items" on public.payout_items for select to authenticated
  using (exists (select 1 from public.payouts p where p.id = payout_id and p.partner_id = (select private.current_partner_id())));
create policy "finance and vp read the ledger" on public.ledger_entries for select to authenticated
  using ((select private.has_role('finance', 'vp')));
create policy "partner reads own ledger entries" on public.ledger_entries for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "vp and finance read stripe events" on public.stripe_events for select to authenticated
  using ((select private.has_role('vp', 'finance')));

do $$
declare
  t text;
begin
  foreach t in array array['payout_batches', 'payouts'] loop
    execute format('create trigger %I before update on public.%I for each row execute function private.touch_updated_at()', t || '_touch', t);
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.audit_row()', t || '_audit', t);
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.emit_change()', t || '_emit', t);
  end loop;
end
$$;
