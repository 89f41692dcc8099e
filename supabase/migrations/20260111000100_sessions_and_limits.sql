-- Server-side sessions and the per-account sign-in backoff.
--
-- A session cookie (local adapter) or Supabase access token carries a `session_id` claim; a request is
-- signed in only while that id names a live row here. Logout, "sign out everywhere", password change or
-- reset, a role change and deactivation revoke rows, so a copied cookie stops working at once.

create table private.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  -- Null: the auth provider (Supabase) governs the lifetime through its own refresh tokens.
  expires_at timestamptz,
  user_agent text,
  ip text,
  revoked_at timestamptz
);
create index sessions_user_live_idx on private.sessions (user_id) where revoked_at is null;

-- Failed sign-ins per email across all addresses. A delay, never a lock: after the free attempts each
-- failure doubles the wait (capped in the app), and a correct password works again once it has passed.
create table private.login_backoff (
  email text primary key,
  failures integer not null default 0,
  last_failure_at timestamptz not null,
  blocked_until timestamptz
);

-- Owner-only tables, like the other auth support tables: no API role reads or writes them directly.
alter table private.sessions enable row level security;
alter table private.login_backoff enable row level security;
revoke all on private.sessions, private.login_backoff from public, anon, authenticated;

-- The per-request check: one primary-key lookup. last_seen_at is refreshed at most every five minutes,
-- so a busy session does not write on every request.
create function private.session_active(session uuid) returns boolean
language plpgsql volatile security definer set search_path = ''
as $$
declare
  live boolean;
begin
  update private.sessions s set last_seen_at = now()
  where s.id = session and s.user_id = (select auth.uid()) and s.revoked_at is null
    and (s.expires_at is null or s.expires_at > now()) and s.last_seen_at < now() - interval '5 minutes';
  select true into live from private.sessions s
  where s.id = session and s.user_id = (select auth.uid()) and s.revoked_at is null
    and (s.expires_at is null or s.expires_at > now());
  return coalesce(live, false);
end
$$;

-- Sign out: the caller may end only their own sessions.
create function private.end_session(session uuid) returns void
language sql volatile security definer set search_path = ''
as $$
  update private.sessions set revoked_at = now()
  where id = session and user_id = (select auth.uid()) and revoked_at is null
$$;

create function private.end_all_sessions() returns integer
language sql volatile security definer set search_path = ''
as $$
  with ended as (
    update private.sessions set revoked_at = now()
    where user_id = (select auth.uid()) and revoked_at is null
    returning 1
  )
  select count(*)::int from ended
$$;

create function private.my_sessions()
returns table (id uuid, created_at timestamptz, last_seen_at timestamptz, user_agent text, ip text)
language sql stable security definer set search_path = ''
as $$
  select s.id, s.created_at, s.last_seen_at, s.user_agent, s.ip from private.sessions s
  where s.user_id = (select auth.uid()) and s.revoked_at is null and (s.expires_at is null or s.expires_at > now())
  order by s.last_seen_at desc
$$;

revoke all on function private.session_active(uuid), private.end_session(uuid), private.end_all_sessions(),
  private.my_sessions() from public, anon;
grant execute on function private.session_active(uuid), private.end_session(uuid), private.end_all_sessions(),
  private.my_sessions() to authenticated;

-- A new role or a deactivation must not ride on sessions opened under the old access.
create function private.revoke_sessions_on_access_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update private.sessions set revoked_at = now() where user_id = new.id and revoked_at is null;
  return null;
end
$$;
revoke all on function private.revoke_sessions_on_access_change() from public, anon, authenticated;

create trigger profiles_revoke_sessions after update of role, deactivated_at on public.profiles
  for each row when (old.role is distinct from new.role or (new.deactivated_at is not null and old.deactivated_at is null))
  execute function private.revoke_sessions_on_access_change();
