-- Secrets stay out of the audit log and out of staff reads of the outbox; payouts left in flight by a
-- process that is gone are resumed without waiting for the stale lease.

-- 1. Audit redaction ------------------------------------------------------------------------------

-- The one declared list of what the audit log must never carry, read by the audit trigger and by the
-- catalog test (every column whose name looks secret must appear here). column_name '*' redacts every
-- column but id: for tables whose rows the audit log's readers may not read at all.
create table private.audit_redactions (
  entity text not null,
  column_name text not null,
  reason text not null,
  primary key (entity, column_name)
);
revoke all on private.audit_redactions from public, anon, authenticated;

insert into private.audit_redactions (entity, column_name, reason) values
  ('partner_tax_details', '*', 'Tax identity (legal name, address, TIN) is readable by finance only'),
  ('saved_views', '*', 'A saved view is readable by its owner only'),
  ('partner_payout_methods', 'account_ciphertext', 'Encrypted bank account number'),
  ('invitations', 'token_hash', 'Hash of an invitation token'),
  ('auth_tokens', 'token_hash', 'Hash of a verification or reset token'),
  ('template_share_links', 'token', 'Bearer token of a public fill link'),
  ('referral_clicks', 'visitor_hash', 'Pseudonymous visitor fingerprint'),
  ('referral_clicks', 'ip_hash', 'Pseudonymous client address'),
  ('template_share_accesses', 'ip_hash', 'Pseudonymous client address');

-- Keys stay, values go: the reader still sees which fields a change touched, never what they hold.
create function private.redact_audit_row(p_entity text, p_row jsonb) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select case when p_row is null then null else p_row || coalesce((
    select jsonb_object_agg(k.key, to_jsonb('[redacted]'::text))
    from jsonb_object_keys(p_row) as k (key)
    where exists (
      select 1 from private.audit_redactions r
      where r.entity = p_entity and (r.column_name = k.key or (r.column_name = '*' and k.key <> 'id'))
    )
  ), '{}'::jsonb) end
$$;
revoke all on function private.redact_audit_row(text, jsonb) from public, anon, authenticated;

create or replace function private.audit_row() returns trigger
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
  before_row := private.redact_audit_row(tg_table_name, before_row);
  after_row := private.redact_audit_row(tg_table_name, after_row);
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

-- Entries written before this migration are redacted in place. No API role holds update on the log;
-- the append-only trigger exists so that not even the owner rewrites history by accident. Disabling it
-- is owner-only DDL, and it happens inside this migration's transaction: alter table holds an access
-- exclusive lock until commit, so no other session writes to or reads the log while the trigger is off,
-- and the update touches only values the declared list names. (A read-only view over the log was the
-- alternative; it would have left the secrets in the table, in backups and for the owner.)
alter table public.audit_log disable trigger audit_log_no_update;
update public.audit_log a
  set before = private.redact_audit_row(a.entity, a.before), after = private.redact_audit_row(a.entity, a.after)
  where a.entity in (select r.entity from private.audit_redactions r)
    and (a.before is distinct from private.redact_audit_row(a.entity, a.before)
      or a.after is distinct from private.redact_audit_row(a.entity, a.after));
alter table public.audit_log enable trigger audit_log_no_update;

-- 2. Outbox: staff read metadata, never bodies ----------------------------------------------------

-- Bodies carry verification, reset and invitation links; only the delivery worker and the dev mailbox
-- (both system jobs, running as the owner) read them. The idempotency key of an auth email is derived
-- from its token, so it stays with the worker too.
revoke select on public.email_outbox from anon, authenticated;
grant select (id, to_email, template, subject, status, attempts, last_error, next_attempt_at, sent_at, provider,
  provider_message_id, created_at) on public.email_outbox to authenticated;

-- 3. Payout claims name their process ------------------------------------------------------------

-- Each server process heartbeats here; a payout claimed by a process whose heartbeat stopped is resumed
-- at once instead of after the stale lease (which still applies to claims made before claims were recorded).
create table private.app_instances (
  id text primary key check (length(id) between 1 and 200),
  started_at timestamptz not null default now(),
  heartbeat_at timestamptz not null default now()
);
revoke all on private.app_instances from public, anon, authenticated;

-- Which process holds each claim; kept out of public.payouts, whose rows partners read.
create table private.payout_claims (
  payout_id uuid primary key references public.payouts (id) on delete cascade,
  instance_id text not null,
  claimed_at timestamptz not null default now()
);
revoke all on private.payout_claims from public, anon, authenticated;

create function private.instance_alive(p_instance text) returns boolean
language sql stable set search_path = ''
as $$
  select exists (
    select 1 from private.app_instances i
    where i.id = p_instance and i.heartbeat_at > now() - interval '2 minutes'
  )
$$;
revoke all on function private.instance_alive(text) from public, anon, authenticated;

-- 4. The encrypted bank account number -----------------------------------------------------------

-- Written once by the onboarding function and decrypted by nobody through the API: no role reads the
-- ciphertext, only the last four digits beside it.
revoke select on public.partner_payout_methods from authenticated;
grant select (partner_id, kind, stripe_account_id, payouts_enabled, account_holder, bank_country, account_last4, currency,
  updated_by, updated_at) on public.partner_payout_methods to authenticated;
