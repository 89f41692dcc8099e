-- Durable /r/ clicks and a burst limit every app instance shares.
--
-- A redirect answers 302 only once its click is committed: requests are grouped into one call of
-- private.record_referral_clicks per micro-batch, which takes each request's burst token from the shared
-- bucket of its client address and inserts the clicks of the requests that got one, in one statement's
-- round trip. See docs/decisions/0008-durable-clicks-and-shared-limits.md.

-- Token buckets shared by every instance. Unlogged: no WAL for a row rewritten on every request, and after
-- a database crash every bucket simply starts full again, which is what a restart did before.
create unlogged table private.rate_buckets (
  bucket text primary key,
  fill double precision not null check (fill >= 0),
  refilled_at timestamptz not null
);
create index rate_buckets_refilled_idx on private.rate_buckets (refilled_at);

-- Owner-only, like the other limit tables: no API role reads or writes it.
alter table private.rate_buckets enable row level security;
revoke all on private.rate_buckets from public, anon, authenticated;

-- Takes up to p_counts[i] tokens from bucket p_buckets[i] (capacity p_capacity, refilled at
-- p_refill_per_second) and answers how many each got and, for a bucket that ran dry, the seconds until
-- its next token. Rows are locked in bucket order, so concurrent callers on several instances queue
-- behind each other instead of both spending the same tokens, and never deadlock.
create function private.take_rate_tokens(
  p_buckets text[], p_counts integer[], p_capacity double precision, p_refill_per_second double precision
)
returns table (bucket text, granted integer, retry_after integer)
language plpgsql volatile set search_path = ''
as $$
begin
  if p_capacity < 1 or p_refill_per_second <= 0 then
    raise exception 'A token bucket needs a capacity of at least 1 and a positive refill rate' using errcode = '22023';
  end if;
  -- A bucket seen for the first time starts full.
  insert into private.rate_buckets (bucket, fill, refilled_at)
    select b, p_capacity, now() from unnest(p_buckets) as b order by b
    on conflict do nothing;
  return query
  with demand as (
    select d.b, sum(d.n)::integer as n from unnest(p_buckets, p_counts) as d(b, n) group by d.b
  ),
  current_level as (
    select r.bucket as b,
      least(p_capacity, r.fill + greatest(0, extract(epoch from now() - r.refilled_at)) * p_refill_per_second) as level
    from private.rate_buckets r
    where r.bucket = any (p_buckets)
    order by r.bucket
    for update
  ),
  decided as (
    select c.b, c.level, least(d.n, floor(c.level)::integer) as got, d.n
    from current_level c join demand d on d.b = c.b
  ),
  spent as (
    update private.rate_buckets r set fill = d.level - d.got, refilled_at = greatest(r.refilled_at, now())
    from decided d where r.bucket = d.b
  )
  select d.b, d.got,
    case when d.got < d.n then greatest(1, ceil((1 - (d.level - d.got)) / p_refill_per_second))::integer else 0 end
  from decided d;
end
$$;

-- One micro-batch of /r/ requests. Each element of p_requests has its index `i`, optionally the burst
-- `bucket` it must take a token from, and optionally the click to record (link_id … is_bot). A request
-- with a bucket gets its token in index order within that bucket; its click is inserted only when it got
-- one. One click per link, visitor and hour: the unique constraint drops repeats, which also makes a
-- replayed click (from the local spool after an outage) harmless.
create function private.record_referral_clicks(
  p_requests jsonb, p_capacity double precision, p_refill_per_second double precision
)
returns table (i integer, granted boolean, retry_after integer)
language plpgsql volatile set search_path = ''
as $$
declare
  v_buckets text[];
  v_counts integer[];
  v_grants jsonb;
begin
  select coalesce(array_agg(d.bucket order by d.bucket), '{}'), coalesce(array_agg(d.n order by d.bucket), '{}')
    into v_buckets, v_counts
  from (
    select x.bucket, count(*)::integer as n from jsonb_to_recordset(p_requests) as x(bucket text)
    where x.bucket is not null group by x.bucket
  ) d;
  select coalesce(jsonb_object_agg(t.bucket, jsonb_build_array(t.granted, t.retry_after)), '{}')
    into v_grants
  from private.take_rate_tokens(v_buckets, v_counts, p_capacity, p_refill_per_second) t;

  return query
  with req as (
    select x.*, case when x.bucket is not null then row_number() over (partition by x.bucket order by x.i) end as nth
    from jsonb_to_recordset(p_requests) as x(i integer, bucket text, link_id uuid, partner_id uuid,
      clicked_at timestamptz, visitor_hash text, hour_bucket timestamptz, ip_hash text, user_agent text, referrer text, is_bot boolean)
  ),
  decided as (
    select r.*,
      (r.bucket is null or r.nth <= (v_grants -> r.bucket ->> 0)::integer) as ok,
      coalesce((v_grants -> r.bucket ->> 1)::integer, 0) as wait
    from req r
  ),
  recorded as (
    insert into public.referral_clicks (link_id, partner_id, clicked_at, visitor_hash, hour_bucket, ip_hash, user_agent, referrer, is_bot)
    select d.link_id, d.partner_id, d.clicked_at, d.visitor_hash, d.hour_bucket, d.ip_hash,
      d.user_agent, d.referrer, coalesce(d.is_bot, false)
    from decided d where d.ok and d.link_id is not null
    order by d.i
    on conflict do nothing
  )
  select d.i, d.ok, case when d.ok then 0 else greatest(d.wait, 1) end from decided d order by d.i;
end
$$;

revoke all on function private.take_rate_tokens(text[], integer[], double precision, double precision) from public, anon, authenticated;
revoke all on function private.record_referral_clicks(jsonb, double precision, double precision) from public, anon, authenticated;
