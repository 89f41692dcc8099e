-- Partner onboarding: what a partner may know about its own tax submission (only that and when it was
-- submitted, never the details), and the contact columns a person edits on their own profile.

create function private.partner_onboarding_status()
returns table (tax_form public.tax_form, tax_submitted_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select t.form, t.submitted_at
  from public.partner_tax_details t
  where t.partner_id = private.current_partner_id()
  order by t.submitted_at desc
  limit 1
$$;
revoke execute on function private.partner_onboarding_status() from public, anon;
grant execute on function private.partner_onboarding_status() to authenticated;

grant update (phone, email_preferences) on public.profiles to authenticated;

create index partner_acceptances_document_idx on public.partner_acceptances (document_id);
