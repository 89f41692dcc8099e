-- Aggregates that are expensive over a large history (stage conversion over four quarters),
-- refreshed by a scheduled job and read by the dashboard.

create table public.pipeline_aggregates (
  key text primary key check (length(key) <= 200),
  computed_at timestamptz not null default now(),
  payload jsonb not null
);

grant select on public.pipeline_aggregates to authenticated;
alter table public.pipeline_aggregates enable row level security;
create policy "staff read pipeline aggregates" on public.pipeline_aggregates for select to authenticated
  using ((select private.is_staff()));

-- Dashboard reads: closed deals by date, and per-owner totals answered from the index alone.
create index opportunities_closed_on_idx on public.opportunities (actual_close_date) where actual_close_date is not null;
create index opportunities_owner_totals_idx on public.opportunities (owner_id, actual_close_date) include (stage_id, value_minor, currency);
