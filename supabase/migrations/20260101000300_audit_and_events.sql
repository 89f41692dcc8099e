-- Triggers: updated_at, the append-only audit log, and change events for realtime.

create function private.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

-- Actor comes from the request claims, or from the system job name set by withSystem.
create function private.audit_row() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  claims jsonb := nullif(current_setting('request.jwt.claims', true), '')::jsonb;
  job text := nullif(current_setting('app.job', true), '');
  before_row jsonb;
  after_row jsonb;
begin
  if tg_op in ('UPDATE', 'DELETE') then
    before_row := to_jsonb(old);
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    after_row := to_jsonb(new);
  end if;
  if tg_op = 'UPDATE' and before_row = after_row then
    return null;
  end if;
  -- secrets never reach the log
  before_row := before_row - 'token_hash';
  after_row := after_row - 'token_hash';
  insert into public.audit_log (actor_id, actor_label, action, entity, entity_id, before, after)
  values (
    nullif(claims ->> 'sub', '')::uuid,
    coalesce('job:' || job, claims ->> 'email'),
    lower(tg_op),
    tg_table_name,
    coalesce(after_row ->> 'id', before_row ->> 'id'),
    before_row,
    after_row
  );
  return null;
end
$$;
revoke all on function private.audit_row() from public;

create function private.reject_audit_change() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception 'audit_log is append-only' using errcode = '42501';
end
$$;
revoke all on function private.reject_audit_change() from public;

revoke update, delete, truncate on public.audit_log from public, anon, authenticated, service_role;
create trigger audit_log_no_update before update or delete on public.audit_log
  for each row execute function private.reject_audit_change();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function private.reject_audit_change();

-- Events carry ids only; subscribers refetch through RLS.
create function private.emit_change() returns trigger
language plpgsql set search_path = ''
as $$
declare
  row_data jsonb := to_jsonb(coalesce(new, old));
begin
  perform pg_notify(
    'partneros_changes',
    json_build_object(
      'table', tg_table_name,
      'op', lower(tg_op),
      'id', row_data ->> 'id',
      'userId', row_data ->> 'user_id',
      'partnerId', coalesce(row_data ->> 'partner_id', row_data ->> 'referring_partner_id')
    )::text
  );
  return null;
end
$$;
revoke all on function private.emit_change() from public;

do $$
declare
  t text;
begin
  foreach t in array array[
    'workspace_settings', 'tiers', 'partners', 'profiles', 'partner_contacts', 'partner_interactions',
    'stages', 'opportunities', 'agreements'
  ] loop
    execute format(
      'create trigger %I before update on public.%I for each row execute function private.touch_updated_at()',
      t || '_touch', t
    );
  end loop;

  foreach t in array array[
    'workspace_settings', 'tiers', 'partners', 'profiles', 'partner_contacts', 'partner_interactions',
    'stages', 'opportunities', 'opportunity_stage_history', 'agreements', 'agreement_versions', 'invitations'
  ] loop
    execute format(
      'create trigger %I after insert or update or delete on public.%I for each row execute function private.audit_row()',
      t || '_audit', t
    );
  end loop;

  foreach t in array array['tiers', 'partners', 'stages', 'opportunities', 'agreements', 'notifications'] loop
    execute format(
      'create trigger %I after insert or update or delete on public.%I for each row execute function private.emit_change()',
      t || '_emit', t
    );
  end loop;
end
$$;
