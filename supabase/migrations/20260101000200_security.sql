-- Authorization: role helpers, grants, row-level security policies (one per command and role group).

create function private.current_app_role() returns public.app_role
language sql stable security definer set search_path = ''
as $$
  select p.role from public.profiles p
  where p.id = (select auth.uid()) and p.deactivated_at is null
$$;

create function private.has_role(variadic roles public.app_role[]) returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(private.current_app_role() = any (roles), false)
$$;

create function private.is_staff() returns boolean
language sql stable security definer set search_path = ''
as $$
  select coalesce(private.current_app_role() <> 'partner', false)
$$;

create function private.current_partner_id() returns uuid
language sql stable security definer set search_path = ''
as $$
  select p.partner_id from public.profiles p
  where p.id = (select auth.uid()) and p.deactivated_at is null and p.role = 'partner'
$$;

create function private.can_edit_opportunity(opportunity uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.opportunities o
    where o.id = opportunity
      and (
        private.has_role('vp')
        or (o.owner_id = (select auth.uid()) and private.has_role('sales_manager', 'partnership_manager'))
      )
  )
$$;

create function private.partner_reads_agreement(agreement uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.agreements a
    where a.id = agreement and a.direction = 'payable' and a.partner_id = private.current_partner_id()
  )
$$;

revoke all on all functions in schema private from public;
grant usage on schema private to authenticated;
grant execute on function private.current_app_role() to authenticated;
grant execute on function private.has_role(public.app_role[]) to authenticated;
grant execute on function private.is_staff() to authenticated;
grant execute on function private.current_partner_id() to authenticated;
grant execute on function private.can_edit_opportunity(uuid) to authenticated;
grant execute on function private.partner_reads_agreement(uuid) to authenticated;

grant usage on schema public to anon, authenticated;

-- Table privileges: RLS narrows these to rows; anon gets nothing.
grant select, update on public.workspace_settings to authenticated;
grant select, insert, update, delete on public.tiers to authenticated;
grant select, insert, update, delete on public.partners to authenticated;
grant select on public.profiles to authenticated;
grant update (display_name, title, role, partner_member_role, deactivated_at) on public.profiles to authenticated;
grant select, insert, update, delete on public.partner_contacts to authenticated;
grant select, insert, update, delete on public.partner_interactions to authenticated;
grant select, insert, update, delete on public.stages to authenticated;
grant select, insert, update, delete on public.opportunities to authenticated;
grant select, insert on public.opportunity_stage_history to authenticated;
grant select, insert, update, delete on public.agreements to authenticated;
grant select, insert, update, delete on public.agreement_versions to authenticated;
grant select, insert, update, delete on public.invitations to authenticated;
grant select, delete on public.notifications to authenticated;
grant update (read_at) on public.notifications to authenticated;
grant select on public.email_outbox to authenticated;
grant select on public.job_runs to authenticated;
grant select on public.audit_log to authenticated;

alter table public.workspace_settings enable row level security;
alter table public.tiers enable row level security;
alter table public.partners enable row level security;
alter table public.profiles enable row level security;
alter table public.partner_contacts enable row level security;
alter table public.partner_interactions enable row level security;
alter table public.stages enable row level security;
alter table public.opportunities enable row level security;
alter table public.opportunity_stage_history enable row level security;
alter table public.agreements enable row level security;
alter table public.agreement_versions enable row level security;
alter table public.invitations enable row level security;
alter table public.notifications enable row level security;
alter table public.email_outbox enable row level security;
alter table public.job_runs enable row level security;
alter table public.audit_log enable row level security;

-- workspace_settings
create policy "staff read settings" on public.workspace_settings for select to authenticated
  using ((select private.is_staff()));
create policy "vp updates settings" on public.workspace_settings for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));

-- tiers: every signed-in user sees the tier ladder
create policy "members read tiers" on public.tiers for select to authenticated
  using ((select private.current_app_role()) is not null);
create policy "vp creates tiers" on public.tiers for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp updates tiers" on public.tiers for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes tiers" on public.tiers for delete to authenticated
  using ((select private.has_role('vp')));

-- partners
create policy "staff read partners" on public.partners for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own organisation" on public.partners for select to authenticated
  using (id = (select private.current_partner_id()));
create policy "vp and partnership managers create partners" on public.partners for insert to authenticated
  with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers update partners" on public.partners for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager')))
  with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp deletes partners" on public.partners for delete to authenticated
  using ((select private.has_role('vp')));

-- profiles
create policy "user reads own profile" on public.profiles for select to authenticated
  using (id = (select auth.uid()));
create policy "staff read profiles" on public.profiles for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads colleagues" on public.profiles for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "user updates own profile" on public.profiles for update to authenticated
  using (id = (select auth.uid())) with check (id = (select auth.uid()));
create policy "vp updates profiles" on public.profiles for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));

-- partner_contacts
create policy "staff read contacts" on public.partner_contacts for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own contacts" on public.partner_contacts for select to authenticated
  using (partner_id = (select private.current_partner_id()));
create policy "vp and partnership managers create contacts" on public.partner_contacts for insert to authenticated
  with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers update contacts" on public.partner_contacts for update to authenticated
  using ((select private.has_role('vp', 'partnership_manager')))
  with check ((select private.has_role('vp', 'partnership_manager')));
create policy "vp and partnership managers delete contacts" on public.partner_contacts for delete to authenticated
  using ((select private.has_role('vp', 'partnership_manager')));

-- partner_interactions
create policy "staff read interactions" on public.partner_interactions for select to authenticated
  using ((select private.is_staff()));
create policy "team logs own interactions" on public.partner_interactions for insert to authenticated
  with check (
    author_id = (select auth.uid())
    and (select private.has_role('vp', 'partnership_manager', 'sales_manager'))
  );
create policy "author or vp updates interactions" on public.partner_interactions for update to authenticated
  using (author_id = (select auth.uid()) or (select private.has_role('vp')))
  with check (author_id = (select auth.uid()) or (select private.has_role('vp')));
create policy "author or vp deletes interactions" on public.partner_interactions for delete to authenticated
  using (author_id = (select auth.uid()) or (select private.has_role('vp')));

-- stages
create policy "staff read stages" on public.stages for select to authenticated
  using ((select private.is_staff()));
create policy "vp creates stages" on public.stages for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "vp updates stages" on public.stages for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes stages" on public.stages for delete to authenticated
  using ((select private.has_role('vp')));

-- opportunities
create policy "staff read opportunities" on public.opportunities for select to authenticated
  using ((select private.is_staff()));
create policy "vp creates opportunities" on public.opportunities for insert to authenticated
  with check ((select private.has_role('vp')));
create policy "managers create own opportunities" on public.opportunities for insert to authenticated
  with check (
    owner_id = (select auth.uid())
    and (select private.has_role('sales_manager', 'partnership_manager'))
  );
create policy "vp updates opportunities" on public.opportunities for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "managers update own opportunities" on public.opportunities for update to authenticated
  using (owner_id = (select auth.uid()) and (select private.has_role('sales_manager', 'partnership_manager')))
  with check (owner_id = (select auth.uid()) and (select private.has_role('sales_manager', 'partnership_manager')));
create policy "vp deletes opportunities" on public.opportunities for delete to authenticated
  using ((select private.has_role('vp')));

-- opportunity_stage_history: append-only, written by whoever may edit the opportunity
create policy "staff read stage history" on public.opportunity_stage_history for select to authenticated
  using ((select private.is_staff()));
create policy "editors record stage moves" on public.opportunity_stage_history for insert to authenticated
  with check (moved_by = (select auth.uid()) and private.can_edit_opportunity(opportunity_id));

-- agreements
create policy "staff read agreements" on public.agreements for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own payable agreements" on public.agreements for select to authenticated
  using (direction = 'payable' and partner_id = (select private.current_partner_id()));
create policy "vp and finance create agreements" on public.agreements for insert to authenticated
  with check ((select private.has_role('vp', 'finance')));
create policy "vp and finance update agreements" on public.agreements for update to authenticated
  using ((select private.has_role('vp', 'finance'))) with check ((select private.has_role('vp', 'finance')));
create policy "vp deletes agreements" on public.agreements for delete to authenticated
  using ((select private.has_role('vp')));

-- agreement_versions
create policy "staff read agreement versions" on public.agreement_versions for select to authenticated
  using ((select private.is_staff()));
create policy "partner reads own payable agreement versions" on public.agreement_versions for select to authenticated
  using (private.partner_reads_agreement(agreement_id));
create policy "vp and finance create agreement versions" on public.agreement_versions for insert to authenticated
  with check ((select private.has_role('vp', 'finance')));
create policy "vp and finance update agreement versions" on public.agreement_versions for update to authenticated
  using ((select private.has_role('vp', 'finance'))) with check ((select private.has_role('vp', 'finance')));
create policy "vp deletes agreement versions" on public.agreement_versions for delete to authenticated
  using ((select private.has_role('vp')));

-- invitations
create policy "vp reads invitations" on public.invitations for select to authenticated
  using ((select private.has_role('vp')));
create policy "vp creates invitations" on public.invitations for insert to authenticated
  with check ((select private.has_role('vp')) and invited_by = (select auth.uid()));
create policy "vp updates invitations" on public.invitations for update to authenticated
  using ((select private.has_role('vp'))) with check ((select private.has_role('vp')));
create policy "vp deletes invitations" on public.invitations for delete to authenticated
  using ((select private.has_role('vp')));

-- notifications: each person their own
create policy "user reads own notifications" on public.notifications for select to authenticated
  using (user_id = (select auth.uid()));
create policy "user marks own notifications" on public.notifications for update to authenticated
  using (user_id = (select auth.uid())) with check (user_id = (select auth.uid()));
create policy "user deletes own notifications" on public.notifications for delete to authenticated
  using (user_id = (select auth.uid()));

-- system tables: the VP can inspect them; only system jobs write
create policy "vp reads email outbox" on public.email_outbox for select to authenticated
  using ((select private.has_role('vp')));
create policy "vp reads job runs" on public.job_runs for select to authenticated
  using ((select private.has_role('vp')));
create policy "vp reads audit log" on public.audit_log for select to authenticated
  using ((select private.has_role('vp')));

-- Only the VP changes roles, organisation links or deactivation, whatever columns are granted.
create function private.guard_profile_update() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user in ('authenticated', 'anon')
     and not private.has_role('vp')
     and (new.role, new.partner_id, new.partner_member_role, new.deactivated_at, new.email)
         is distinct from (old.role, old.partner_id, old.partner_member_role, old.deactivated_at, old.email)
  then
    raise exception 'only the VP can change roles, organisations or access'
      using errcode = '42501';
  end if;
  return new;
end
$$;
revoke all on function private.guard_profile_update() from public;

create trigger profiles_guard before update on public.profiles
  for each row execute function private.guard_profile_update();
