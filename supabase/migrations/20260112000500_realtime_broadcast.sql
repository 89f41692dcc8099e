-- Realtime audiences: every change event names the topics (audiences) that may hear of it, and the
-- database alone decides who may join a topic. Both realtime adapters use these functions: the local
-- LISTEN/NOTIFY adapter reads the topics from the notification and asks realtime_may_join as the
-- subscriber; on Supabase, RLS on realtime.messages asks the same function when a private channel is
-- joined, and triggers broadcast each change to its topics with realtime.send.
--
-- Topics: 'team' (staff), 'finance' (finance and the VP), 'vp', 'portal' (every partner user),
-- 'partner:<organisation id>' (that organisation's users), 'user:<user id>' (that user).
-- Events carry the table, the operation and the row id only; subscribers refetch through RLS.
--
-- Written to run more than once (create or replace, drop … if exists), so a database that gains the
-- realtime schema later can apply it again.

-- The topics that may hear of a change of one row of a table; empty for tables nobody listens to.
create or replace function private.realtime_topics(p_table text, p_row jsonb) returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(distinct topic) filter (where topic is not null), '{}')
  from unnest(
    case p_table
      when 'tiers' then array['team', 'portal']
      when 'stages' then array['team']
      when 'partners' then array['team', 'partner:' || (p_row ->> 'id')]
      -- A partner cannot read deals, but hears of the ones it referred (its commission lines follow them).
      when 'opportunities' then array['team', 'partner:' || (p_row ->> 'referring_partner_id')]
      when 'agreements' then array['team', case when p_row ->> 'direction' = 'payable' then 'partner:' || (p_row ->> 'partner_id') end]
      when 'notifications' then array['user:' || (p_row ->> 'user_id')]
      when 'alerts' then array['vp', 'user:' || (p_row ->> 'user_id')]
      when 'referral_clicks' then array['team', 'partner:' || (p_row ->> 'partner_id')]
      when 'referrals' then array['team', 'partner:' || (p_row ->> 'partner_id')]
      when 'deal_registrations' then array['team', 'partner:' || (p_row ->> 'partner_id')]
      when 'tier_history' then array['team', 'partner:' || (p_row ->> 'partner_id')]
      when 'partner_achievements' then array['team', 'partner:' || (p_row ->> 'partner_id')]
      when 'payouts' then array['finance', 'partner:' || (p_row ->> 'partner_id')]
      when 'payout_batches' then array['finance']
      else array[]::text[]
    end
  ) as topic
$$;
revoke all on function private.realtime_topics(text, jsonb) from public;
-- Called by the change triggers, which run as whoever made the change.
grant execute on function private.realtime_topics(text, jsonb) to anon, authenticated, service_role;

-- The topics of one row change: an update also tells the topics the row leaves, so a deal moved to
-- another referring partner reaches the one it left.
create or replace function private.realtime_change_topics(p_table text, p_new jsonb, p_old jsonb) returns text[]
language sql immutable set search_path = ''
as $$
  select coalesce(array_agg(distinct t), '{}')
  from unnest(private.realtime_topics(p_table, coalesce(p_new, p_old)) || case when p_new is not null and p_old is not null
    then private.realtime_topics(p_table, p_old) else '{}' end) as t
$$;
revoke all on function private.realtime_change_topics(text, jsonb, jsonb) from public;
grant execute on function private.realtime_change_topics(text, jsonb, jsonb) to anon, authenticated, service_role;

-- Whether the signed-in user (auth.uid(), role read from profiles) may hear a topic's events.
create or replace function private.realtime_may_join(p_topic text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(
    case
      when p_topic is null or not private.is_active_user() then false
      when p_topic = 'team' then private.is_staff()
      when p_topic = 'finance' then private.has_role('finance', 'vp')
      when p_topic = 'vp' then private.has_role('vp')
      when p_topic = 'portal' then private.current_app_role() = 'partner'
      when p_topic ~ '^partner:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then substr(p_topic, 9)::uuid = private.current_partner_id()
      when p_topic ~ '^user:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        then substr(p_topic, 6)::uuid = (select auth.uid())
      else false
    end, false)
$$;
revoke all on function private.realtime_may_join(text) from public;
grant execute on function private.realtime_may_join(text) to authenticated;

-- The topics the signed-in user may join (what a client subscribes to).
create or replace function private.realtime_my_topics() returns text[]
language sql stable security definer set search_path = ''
as $$
  select coalesce(array_agg(t order by t), '{}')
  from unnest(array[
    'team', 'finance', 'vp', 'portal',
    'partner:' || private.current_partner_id()::text,
    'user:' || (select auth.uid())::text
  ]) as t
  where t is not null and private.realtime_may_join(t)
$$;
revoke all on function private.realtime_my_topics() from public;
grant execute on function private.realtime_my_topics() to authenticated;

-- The NOTIFY of the local adapter carries the change's topics.
create or replace function private.emit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform pg_notify('partneros_changes', json_build_object(
    'table', tg_table_name, 'op', lower(tg_op), 'id', to_jsonb(coalesce(new, old)) ->> 'id',
    'topics', private.realtime_change_topics(tg_table_name, to_jsonb(new), to_jsonb(old)))::text);
  return null;
end
$$;
revoke all on function private.emit_change() from public;

-- Supabase Realtime: only where the realtime schema exists (Supabase); a no-op on plain PostgreSQL and PGlite.
do $$
declare
  t record;
begin
  if not exists (select 1 from pg_namespace where nspname = 'realtime') then
    return;
  end if;

  -- Broadcasts each change to its private topics (ids only), in the transaction of the change.
  execute $fn$
    create or replace function private.broadcast_change() returns trigger
    language plpgsql security definer set search_path = ''
    as $body$
    declare
      topic text;
    begin
      foreach topic in array private.realtime_change_topics(tg_table_name, to_jsonb(new), to_jsonb(old)) loop
        perform realtime.send(
          jsonb_build_object('table', tg_table_name, 'op', lower(tg_op), 'id', to_jsonb(coalesce(new, old)) ->> 'id'),
          'change', topic, true
        );
      end loop;
      return null;
    end
    $body$
  $fn$;
  revoke all on function private.broadcast_change() from public;

  -- Every table whose changes are announced locally is broadcast too.
  for t in
    select distinct c.relname
    from pg_trigger g
    join pg_class c on c.oid = g.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_proc p on p.oid = g.tgfoid
    join pg_namespace pn on pn.oid = p.pronamespace
    where n.nspname = 'public' and pn.nspname = 'private' and p.proname = 'emit_change' and not g.tgisinternal
  loop
    execute format('drop trigger if exists %I on public.%I', t.relname || '_broadcast', t.relname);
    execute format(
      'create trigger %I after insert or update or delete on public.%I for each row execute function private.broadcast_change()',
      t.relname || '_broadcast', t.relname);
  end loop;

  -- Joining a private channel: Supabase Realtime checks that the user may read the topic's messages.
  execute 'alter table realtime.messages enable row level security';
  execute 'drop policy if exists "partneros members join their topics" on realtime.messages';
  execute $p$
    create policy "partneros members join their topics" on realtime.messages for select to authenticated
    using (extension = 'broadcast' and (select private.realtime_may_join((select realtime.topic()))))
  $p$;
end
$$;
