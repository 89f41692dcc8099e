-- A retry after a definitive refusal from Stripe (the transfer was never created) needs a fresh
-- idempotency key: Stripe stores a refused request's answer under its key and would repeat it. The key
-- Stripe sees is idempotency_key for the first try and idempotency_key || ':retry-' || n after n retries.
-- Resuming a payout whose outcome is unknown keeps the generation, so it reuses the key it was sent with.
alter table public.payouts
  add column key_generation integer not null default 0 check (key_generation >= 0);

comment on column public.payouts.key_generation is
  'Retries after a definitive failure; the transfer key is idempotency_key, then idempotency_key:retry-N.';

-- Tier cadences create draft batches on schedule: one per cadence and period, whatever calls the job.
create unique index payout_batches_scheduled_period_idx on public.payout_batches (origin, period_start, period_end)
  where origin <> 'manual';
