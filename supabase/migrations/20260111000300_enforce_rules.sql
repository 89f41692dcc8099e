-- Every rule the app enforces, the database enforces too: a signed-in user calling the tables directly
-- (Supabase's public API) can do nothing the UI refuses. Column grants limit what a role may write,
-- triggers hold the stage and registration rules on any write, and state changes (stage moves, reviews,
-- approvals, the default landing page) go through security-definer functions that check the caller.

-- Deactivated users: no read and no write, on every table, whatever the other policies allow.
create function private.is_active_user() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.profiles p where p.id = (select auth.uid()) and p.deactivated_at is null)
$$;
revoke all on function private.is_active_user() from public;
grant execute on function private.is_active_user() to authenticated;

do $$
declare
  t record;
begin
  for t in
    select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
  loop
    execute format(
      'create policy "active users only" on public.%I as restrictive for all to authenticated '
      'using ((select private.is_active_user())) with check ((select private.is_active_user()))', t.relname);
  end loop;
end
$$;

-- Opportunities: the stage and what follows from it (entered at, close date, loss reason) change only
-- through move_opportunity; a user's insert starts in an open stage with the stage's required fields.
revoke insert, update on public.opportunities from authenticated;
grant insert (customer_name, title, contact_name, contact_email, technical_contact_name, technical_contact_email, value_minor,
  currency, stage_id, position, owner_id, isv_partner_id, referring_partner_id, domain, probability, expected_close_date, notes,
  created_by) on public.opportunities to authenticated;
grant update (customer_name, title, contact_name, contact_email, technical_contact_name, technical_contact_email, value_minor,
  currency, position, owner_id, isv_partner_id, referring_partner_id, domain, probability, expected_close_date, notes)
  on public.opportunities to authenticated;

create function private.required_field_label(field text) returns text
language sql immutable set search_path = ''
as $$
  select case field
    when 'technical_contact_name' then 'a technical contact'
    when 'contact_name' then 'a customer contact'
    when 'expected_close_date' then 'an expected close date'
    when 'isv_partner_id' then 'an ISV partner'
    else replace(field, '_', ' ') end
$$;

-- Users' writes only: move_opportunity (security definer) checks its own rules, and seeding, imports by
-- system jobs and migrations run as the owner.
create function private.enforce_opportunity_stage_rules() returns trigger
language plpgsql set search_path = ''
as $$
declare
  stage public.stages;
  field text;
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  select s.* into stage from public.stages s where s.id = new.stage_id;
  if tg_op = 'INSERT' then
    if stage.is_won or stage.is_lost then
      raise exception 'A new opportunity starts in an open stage; move it to % once it is decided', stage.name
        using errcode = 'P0001', detail = 'stageId', hint = 'closed_stage_on_create';
    end if;
    new.stage_entered_at := now();
    new.actual_close_date := null;
    new.loss_reason := null;
    new.created_by := (select auth.uid());
  elsif new.stage_id is distinct from old.stage_id then
    raise exception 'Move the opportunity to change its stage' using errcode = '42501';
  end if;
  -- A caller who cannot read the stage gets no rule here; the policies refuse the write.
  foreach field in array coalesce(stage.required_fields, '{}') loop
    if nullif(trim(coalesce(to_jsonb(new) ->> field, '')), '') is null
       and (tg_op = 'INSERT' or nullif(trim(coalesce(to_jsonb(old) ->> field, '')), '') is not null) then
      raise exception '% needs %', stage.name, private.required_field_label(field)
        using errcode = 'P0001', detail = field, hint = 'required_field';
    end if;
  end loop;
  return new;
end
$$;
revoke all on function private.enforce_opportunity_stage_rules() from public;
create trigger opportunities_stage_rules before insert or update on public.opportunities
  for each row execute function private.enforce_opportunity_stage_rules();

-- Stage history is written by moves; a user adds only a new opportunity's first entry, dated now.
create function private.guard_stage_history() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user not in ('authenticated', 'anon') then
    return new;
  end if;
  if new.from_stage_id is not null
     or new.moved_by is distinct from (select auth.uid())
     or new.to_stage_id is distinct from (select o.stage_id from public.opportunities o where o.id = new.opportunity_id)
     or exists (select 1 from public.opportunity_stage_history h where h.opportunity_id = new.opportunity_id) then
    raise exception 'Stage history is written by stage moves' using errcode = '42501';
  end if;
  new.moved_at := now();
  new.justification := null;
  return new;
end
$$;
revoke all on function private.guard_stage_history() from public;
create trigger opportunity_stage_history_guard before insert on public.opportunity_stage_history
  for each row execute function private.guard_stage_history();

-- The move checks the caller itself (can_edit_opportunity) and now runs as the owner, so the stage
-- columns need no user grant and renumbering a column reaches every card in it.
alter function public.move_opportunity(uuid, uuid, uuid, uuid, text, bigint, date, text) security definer;

-- Deal registrations: a partner writes only the deal's own fields; the domain lock, self-referral flag
-- and status are the database's. Reviews go through the functions below.
revoke insert, update on public.deal_registrations from authenticated;
grant insert (partner_id, submitted_by, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor,
  currency, notes) on public.deal_registrations to authenticated;

/** "https://www.Acme.com/about" or "ann@acme.com" → "acme.com"; null when it is not a domain (lib/registrations/domain.ts). */
create function private.normalized_domain(v text) returns text
language sql immutable set search_path = ''
as $$
  select case when d ~ '^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,}$' then d end
  from (
    select regexp_replace(regexp_replace(
      split_part(split_part(split_part(split_part(
        regexp_replace(regexp_replace(lower(trim(v)), '^.*@', ''), '^[a-z][a-z0-9+.-]*://', ''),
        '/', 1), '?', 1), '#', 1), ':', 1),
      '^www\.', ''), '\.$', '') as d
  ) x
$$;

create function private.is_self_referral(p_partner uuid, p_domain text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from (
      select private.normalized_domain(p.website) as d from public.partners p where p.id = p_partner
      union
      select private.normalized_domain(pr.email) from public.profiles pr where pr.partner_id = p_partner
    ) mine
    where mine.d is not null and (p_domain = mine.d or right(p_domain, length(mine.d) + 1) = '.' || mine.d)
  )
$$;
revoke all on function private.is_self_referral(uuid, text) from public;

/** Why a registration of `p_domain` by `p_partner` is refused on `p_today`, or null (lib/registrations/rules.ts). */
create function private.registration_refusal(p_partner uuid, p_domain text, p_today date, p_exclude uuid default null)
returns text
language plpgsql stable security definer set search_path = ''
as $$
declare
  until date;
begin
  select max(r.protected_until) into until from public.deal_registrations r
  where r.customer_domain = p_domain and r.partner_id <> p_partner and r.status = 'approved'
    and r.protected_until >= p_today and r.id is distinct from p_exclude;
  if until is not null then
    return p_domain || ' is protected for another partner until ' || until::text || '.';
  end if;
  if exists (select 1 from public.deal_registrations r where r.customer_domain = p_domain and r.partner_id <> p_partner
             and r.status = 'pending' and r.id is distinct from p_exclude) then
    return 'Another partner has a registration for ' || p_domain || ' waiting for review.';
  end if;
  select max(r.protected_until) into until from public.deal_registrations r
  where r.customer_domain = p_domain and r.partner_id = p_partner and r.status = 'approved' and r.protected_until >= p_today
    and r.id is distinct from p_exclude;
  if until is not null then
    return 'You already registered ' || p_domain || '; it is protected for you until ' || until::text || '.';
  end if;
  if exists (select 1 from public.deal_registrations r where r.customer_domain = p_domain and r.partner_id = p_partner
             and r.status = 'pending' and r.id is distinct from p_exclude) then
    return 'You already registered ' || p_domain || '; it is waiting for review.';
  end if;
  return null;
end
$$;
revoke all on function private.registration_refusal(uuid, text, date, uuid) from public;

create function private.guard_deal_registration() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  refusal text;
begin
  -- Security definer (it reads every partner's claims), so the caller is told apart by its claims.
  if private.current_partner_id() is null then
    return new;
  end if;
  perform pg_advisory_xact_lock(hashtext('deal_registration:' || new.customer_domain));
  refusal := private.registration_refusal(new.partner_id, new.customer_domain, current_date);
  if refusal is not null then
    raise exception '%', refusal using errcode = 'P0001', detail = 'customerDomain', hint = 'domain_claimed';
  end if;
  new.self_referral := private.is_self_referral(new.partner_id, new.customer_domain);
  return new;
end
$$;
revoke all on function private.guard_deal_registration() from public;
create trigger deal_registrations_guard before insert on public.deal_registrations
  for each row execute function private.guard_deal_registration();

/**
 * Approves a pending registration: protects the customer for the partner for the workspace's window from
 * today and links the opportunity the reviewer opened for it (referred by that partner). Returns the date.
 */
create function public.approve_deal_registration(p_registration uuid, p_opportunity uuid) returns date
language plpgsql security definer set search_path = ''
as $$
declare
  reg public.deal_registrations;
  refusal text;
  until date;
begin
  if not private.has_role('vp', 'partnership_manager') then
    raise exception 'Only partnership managers and the VP review registrations' using errcode = '42501';
  end if;
  select r.* into reg from public.deal_registrations r where r.id = p_registration for update;
  if not found then
    raise exception 'That registration no longer exists' using errcode = 'P0001', hint = 'not_found';
  end if;
  if reg.status <> 'pending' then
    raise exception 'This registration was already %', reg.status using errcode = 'P0001', hint = 'already_reviewed';
  end if;
  perform pg_advisory_xact_lock(hashtext('deal_registration:' || reg.customer_domain));
  select max(r.protected_until) into until from public.deal_registrations r
  where r.customer_domain = reg.customer_domain and r.partner_id <> reg.partner_id and r.status = 'approved'
    and r.protected_until >= current_date;
  if until is not null then
    raise exception '% is already protected for another partner until %. Reject this registration instead.', reg.customer_domain, until
      using errcode = 'P0001', hint = 'domain_claimed';
  end if;
  if not exists (select 1 from public.opportunities o where o.id = p_opportunity and o.referring_partner_id = reg.partner_id)
     or exists (select 1 from public.deal_registrations r where r.opportunity_id = p_opportunity) then
    raise exception 'Link the registration to a new opportunity referred by its partner'
      using errcode = 'P0001', detail = 'opportunityId', hint = 'opportunity_mismatch';
  end if;
  until := current_date + coalesce((select w.protection_window_days from public.workspace_settings w limit 1), 90);
  update public.deal_registrations r set status = 'approved', reviewed_by = (select auth.uid()), reviewed_at = now(),
    protected_until = until, opportunity_id = p_opportunity
  where r.id = reg.id;
  return until;
end
$$;
revoke all on function public.approve_deal_registration(uuid, uuid) from public, anon;
grant execute on function public.approve_deal_registration(uuid, uuid) to authenticated;

create function public.reject_deal_registration(p_registration uuid, p_reason text) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  reg public.deal_registrations;
begin
  if not private.has_role('vp', 'partnership_manager') then
    raise exception 'Only partnership managers and the VP review registrations' using errcode = '42501';
  end if;
  if length(btrim(coalesce(p_reason, ''))) = 0 then
    raise exception 'Give a reason' using errcode = 'P0001', detail = 'reason', hint = 'reason_required';
  end if;
  select r.* into reg from public.deal_registrations r where r.id = p_registration for update;
  if not found then
    raise exception 'That registration no longer exists' using errcode = 'P0001', hint = 'not_found';
  end if;
  if reg.status <> 'pending' then
    raise exception 'This registration was already %', reg.status using errcode = 'P0001', hint = 'already_reviewed';
  end if;
  update public.deal_registrations r set status = 'rejected', rejection_reason = btrim(p_reason),
    reviewed_by = (select auth.uid()), reviewed_at = now()
  where r.id = reg.id;
end
$$;
revoke all on function public.reject_deal_registration(uuid, text) from public, anon;
grant execute on function public.reject_deal_registration(uuid, text) to authenticated;

-- Commission lines: finance approves only through approve_commission_lines, which checks the holding
-- period and writes the balanced journal in the same statement. Rejecting stays a plain update.
revoke update (status, approved_by, approved_at) on public.commission_lines from authenticated;
drop policy "finance approves earned lines" on public.commission_lines;
create policy "finance rejects earned lines" on public.commission_lines for update to authenticated
  using (status = 'earned' and (select private.has_role('finance')))
  with check (status = 'earned' and (select private.has_role('finance')));

/**
 * Approves earned payable lines past their holding period, all or none (a clawback only together with the
 * line it reverses while that line is still earned): approved_by is the caller, and each line's amount moves
 * from partner_payable to commission_expense in one journal. Returns the number approved.
 */
create function public.approve_commission_lines(p_line_ids uuid[]) returns integer
language plpgsql security definer set search_path = ''
as $$
declare
  line record;
  approver uuid := (select auth.uid());
  journal uuid;
  approved integer := 0;
begin
  if not private.has_role('finance') then
    raise exception 'Only finance approves commission lines' using errcode = '42501';
  end if;
  if coalesce(cardinality(p_line_ids), 0) = 0 then
    raise exception 'Select at least one line' using errcode = 'P0001', detail = 'lineIds', hint = 'no_lines';
  end if;
  for line in
    select l.id, l.partner_id, l.direction::text as direction, l.status::text as status, l.kind::text as kind, l.label,
      l.amount_minor, l.currency, l.rejected_at, l.clawback_of, c.status::text as original_status,
      (case when l.kind = 'one_time' then coalesce(s.close_date, l.due_date) else l.due_date end)
        + coalesce(t.holding_days, 30) as ready_on
    from public.commission_lines l
      join public.partners p on p.id = l.partner_id
      left join public.tiers t on t.id = p.tier_id
      left join public.commission_schedules s on s.id = l.schedule_id
      left join public.commission_lines c on c.id = l.clawback_of
    where l.id = any (p_line_ids)
    order by l.id
    for update of l
  loop
    if line.direction <> 'payable' or line.status <> 'earned' or line.rejected_at is not null
       or (line.kind = 'clawback' and line.original_status = 'earned' and not (line.clawback_of = any (p_line_ids)))
       or (line.kind <> 'clawback' and line.ready_on > current_date) then
      raise exception '%: cannot be approved now', line.label
        using errcode = 'P0001', detail = 'lineIds', hint = 'line_not_approvable';
    end if;
    update public.commission_lines l set status = 'approved', approved_by = approver, approved_at = now() where l.id = line.id;
    if line.amount_minor <> 0 then
      journal := gen_random_uuid();
      insert into public.ledger_entries (journal_id, account, partner_id, currency, amount_minor, kind, commission_line_id, created_by)
      select journal, leg.account, line.partner_id, line.currency, leg.amount, 
        case when line.kind = 'clawback' then 'clawback_approved' else 'line_approved' end, line.id, approver
      from (values ('commission_expense', line.amount_minor), ('partner_payable', -line.amount_minor)) as leg (account, amount);
    end if;
    approved := approved + 1;
  end loop;
  if approved <> (select count(distinct x) from unnest(p_line_ids) x) then
    raise exception 'Some lines changed while you were approving; nothing was approved'
      using errcode = 'P0001', detail = 'lineIds', hint = 'lines_changed';
  end if;
  return approved;
end
$$;
revoke all on function public.approve_commission_lines(uuid[]) from public, anon;
grant execute on function public.approve_commission_lines(uuid[]) to authenticated;

-- Landing pages: an app path ("/welcome/security") or an https URL on a named host. No "//host"
-- (protocol-relative, an off-host redirect from /r/), no backslashes, no userinfo, no numeric hosts.
-- Existing unsafe destinations are switched off and pointed home before the rule is checked.
update public.landing_pages set url = '/welcome', active = is_default
where not (url ~ '^/([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]*$'
  or url ~ '^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&''()*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&''()*+,;=:@%/?-]*)?$');
alter table public.landing_pages
  add constraint landing_pages_url_safe check (
    url ~ '^/([A-Za-z0-9_-]+/)*[A-Za-z0-9_-]*$'
    or url ~ '^https://[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,63}(:[0-9]{1,5})?(/[A-Za-z0-9._~!$&''()*+,;=:@%/-]*)?(\?[A-Za-z0-9._~!$&''()*+,;=:@%/?-]*)?$'),
  add constraint landing_pages_default_active check (active or not is_default);

-- The default page changes only through set_default_landing_page, which moves the default links with it.
revoke insert, update on public.landing_pages from authenticated;
grant insert (name, url, active) on public.landing_pages to authenticated;
grant update (name, url, active) on public.landing_pages to authenticated;

create function public.set_default_landing_page(p_page uuid) returns void
language plpgsql security definer set search_path = ''
as $$
declare
  previous uuid;
begin
  if not private.has_role('vp', 'partnership_manager') then
    raise exception 'Only partnership managers and the VP choose the default landing page' using errcode = '42501';
  end if;
  if not exists (select 1 from public.landing_pages l where l.id = p_page) then
    raise exception 'That landing page no longer exists.' using errcode = 'P0001', hint = 'not_found';
  end if;
  if not exists (select 1 from public.landing_pages l where l.id = p_page and l.active) then
    raise exception 'Turn the page on before making it the default.' using errcode = 'P0001', detail = 'id', hint = 'inactive_page';
  end if;
  select l.id into previous from public.landing_pages l where l.is_default for update;
  update public.landing_pages l set is_default = false where l.is_default and l.id <> p_page;
  update public.landing_pages l set is_default = true where l.id = p_page and not l.is_default;
  -- Default links follow the default page; campaign links keep the page their partner chose.
  if previous is not null and previous <> p_page then
    update public.referral_links r set landing_page_id = p_page where r.is_default and r.landing_page_id = previous;
  end if;
end
$$;
revoke all on function public.set_default_landing_page(uuid) from public, anon;
grant execute on function public.set_default_landing_page(uuid) to authenticated;

-- Referral links: a partner's campaign code is "<own slug>-<suffix>" (the slug cut at 30 characters, as
-- lib/referrals/default-link.ts builds it) and cannot read as another partner's code; the landing page
-- is one the team allows and has switched on. Partners change nothing but the archive date.
revoke insert, update on public.referral_links from authenticated;
grant insert (partner_id, code, landing_page_id, campaign, created_by) on public.referral_links to authenticated;
grant update (archived_at) on public.referral_links to authenticated;

create function private.campaign_link_allowed(p_partner uuid, p_code text, p_page uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.landing_pages l where l.id = p_page and l.active)
    and exists (
      select 1 from public.partners p
      where p.id = p_partner and starts_with(p_code, left(p.slug, 30) || '-')
        and not exists (
          select 1 from public.partners o
          where o.id <> p.id and length(left(o.slug, 30)) > length(left(p.slug, 30))
            and (p_code = left(o.slug, 30) or starts_with(p_code, left(o.slug, 30) || '-'))
        )
    )
$$;
revoke all on function private.campaign_link_allowed(uuid, text, uuid) from public;
grant execute on function private.campaign_link_allowed(uuid, text, uuid) to authenticated;

drop policy "partner creates own campaign links" on public.referral_links;
create policy "partner creates own campaign links" on public.referral_links for insert to authenticated
  with check (
    partner_id = (select private.current_partner_id()) and not is_default and created_by = (select auth.uid())
    and private.campaign_link_allowed(partner_id, code, landing_page_id)
  );

-- Share links: only for a document the caller made (or any, for the VP).
drop policy "staff share fills" on public.template_share_links;
create policy "authors share own fills" on public.template_share_links for insert to authenticated
  with check (
    (select private.is_staff()) and created_by = (select auth.uid())
    and exists (select 1 from public.template_fills f
                where f.id = fill_id and (f.created_by = (select auth.uid()) or (select private.has_role('vp'))))
  );
