-- Template library: the company profile used for branding, team-authored templates (versioned), fills of
-- any template with their version history, read-only share links with an access log, usage events.
-- Library templates live in content/templates/ and are addressed by slug; team templates share the slug space.

alter table public.workspace_settings
  add column website text check (website is null or website ~ '^https?://'),
  add column contact_email text check (contact_email is null or contact_email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  -- A PNG or JPEG up to 256 KB, base64-encoded (it appears on every exported page).
  add column logo_base64 text check (logo_base64 is null or length(logo_base64) <= 350000),
  add column logo_type text check (logo_type is null or logo_type in ('image/png', 'image/jpeg')),
  add constraint workspace_settings_logo_pair check ((logo_base64 is null) = (logo_type is null));

create table public.templates (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
  title text not null check (length(btrim(title)) between 3 and 120),
  category text not null,
  current_version integer not null default 1 check (current_version >= 1),
  created_by uuid references public.profiles (id),
  archived_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

create table public.template_versions (
  id uuid primary key default gen_random_uuid(),
  template_id uuid not null references public.templates (id) on delete cascade,
  version integer not null check (version >= 1),
  source text not null check (length(source) between 1 and 200000),
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  unique (template_id, version)
);

create table public.template_fills (
  id uuid primary key default gen_random_uuid(),
  template_slug text not null,
  template_origin text not null check (template_origin in ('library', 'team')),
  -- The team template version the fill was made from (library templates are versioned with the code).
  template_version integer,
  title text not null check (length(btrim(title)) between 1 and 200),
  partner_id uuid references public.partners (id) on delete set null,
  current_version integer not null default 1 check (current_version >= 1),
  created_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index template_fills_slug_idx on public.template_fills (template_slug, updated_at desc);
create index template_fills_partner_idx on public.template_fills (partner_id, template_slug);

create table public.template_fill_versions (
  id uuid primary key default gen_random_uuid(),
  fill_id uuid not null references public.template_fills (id) on delete cascade,
  version integer not null check (version >= 1),
  "values" jsonb not null,
  -- The document as filled, with live figures as they were that day.
  markdown text not null check (length(markdown) <= 400000),
  created_by uuid references public.profiles (id),
  created_at timestamptz not null default now(),
  unique (fill_id, version)
);

create table public.template_share_links (
  id uuid primary key default gen_random_uuid(),
  fill_id uuid not null references public.template_fills (id) on delete cascade,
  token text not null unique check (token ~ '^[A-Za-z0-9_-]{32,}$'),
  expires_at timestamptz,
  revoked_at timestamptz,
  created_by uuid not null references public.profiles (id),
  created_at timestamptz not null default now()
);
create index template_share_links_fill_idx on public.template_share_links (fill_id, created_at desc);

create table public.template_share_accesses (
  id bigint generated always as identity primary key,
  share_link_id uuid not null references public.template_share_links (id) on delete cascade,
  outcome text not null check (outcome in ('opened', 'revoked', 'expired')),
  ip_hash text,
  user_agent text check (user_agent is null or length(user_agent) <= 300),
  accessed_at timestamptz not null default now()
);
create index template_share_accesses_link_idx on public.template_share_accesses (share_link_id, accessed_at desc);

create table public.template_usage_events (
  id bigint generated always as identity primary key,
  template_slug text not null,
  kind text not null check (kind in ('view', 'fill', 'export_pdf', 'export_docx', 'share', 'bundle')),
  user_id uuid references public.profiles (id) on delete set null,
  created_at timestamptz not null default now()
);
create index template_usage_events_slug_idx on public.template_usage_events (template_slug, kind);

alter table public.templates enable row level security;
alter table public.template_versions enable row level security;
alter table public.template_fills enable row level security;
alter table public.template_fill_versions enable row level security;
alter table public.template_share_links enable row level security;
alter table public.template_share_accesses enable row level security;
alter table public.template_usage_events enable row level security;

grant select, insert on public.templates, public.template_versions, public.template_fills, public.template_fill_versions,
  public.template_share_links, public.template_usage_events to authenticated;
grant update (title, category, current_version, archived_at) on public.templates to authenticated;
grant update (title, partner_id, current_version) on public.template_fills to authenticated;
grant update (revoked_at) on public.template_share_links to authenticated;
grant select on public.template_share_accesses to authenticated;

create function private.can_author_templates() returns boolean
language sql stable security definer set search_path = ''
as $$ select private.has_role('vp', 'partnership_manager') $$;
revoke all on function private.can_author_templates() from public;
grant execute on function private.can_author_templates() to authenticated;

create policy "staff read team templates" on public.templates for select to authenticated
  using ((select private.is_staff()));
create policy "authors create team templates" on public.templates for insert to authenticated
  with check ((select private.can_author_templates()) and created_by = (select auth.uid()));
create policy "authors update team templates" on public.templates for update to authenticated
  using ((select private.can_author_templates())) with check ((select private.can_author_templates()));

create policy "staff read template versions" on public.template_versions for select to authenticated
  using ((select private.is_staff()));
create policy "authors add template versions" on public.template_versions for insert to authenticated
  with check ((select private.can_author_templates()) and created_by = (select auth.uid()));

create policy "staff read fills" on public.template_fills for select to authenticated
  using ((select private.is_staff()));
create policy "staff create own fills" on public.template_fills for insert to authenticated
  with check ((select private.is_staff()) and created_by = (select auth.uid()));
create policy "author or vp update fills" on public.template_fills for update to authenticated
  using (created_by = (select auth.uid()) or (select private.has_role('vp')))
  with check ((select private.is_staff()));

create policy "staff read fill versions" on public.template_fill_versions for select to authenticated
  using ((select private.is_staff()));
create policy "author or vp add fill versions" on public.template_fill_versions for insert to authenticated
  with check (created_by = (select auth.uid()) and exists (
    select 1 from public.template_fills f where f.id = fill_id
      and (f.created_by = (select auth.uid()) or (select private.has_role('vp')))));

create policy "staff read share links" on public.template_share_links for select to authenticated
  using ((select private.is_staff()));
create policy "staff share fills" on public.template_share_links for insert to authenticated
  with check ((select private.is_staff()) and created_by = (select auth.uid()));
create policy "creator or vp revoke share links" on public.template_share_links for update to authenticated
  using (created_by = (select auth.uid()) or (select private.has_role('vp')))
  with check ((select private.is_staff()));

create policy "staff read share accesses" on public.template_share_accesses for select to authenticated
  using ((select private.is_staff()));

create policy "staff read usage" on public.template_usage_events for select to authenticated
  using ((select private.is_staff()));
create policy "staff record own usage" on public.template_usage_events for insert to authenticated
  with check ((select private.is_staff()) and user_id = (select auth.uid()));

-- Logged-out readers reach one fill through its token (the share page calls this as a system step):
-- every access is logged; revoked and expired links answer with their outcome and no content.
create function private.open_shared_fill(p_token text, p_ip_hash text, p_user_agent text)
returns table (outcome text, title text, markdown text, version integer, company_name text, brand_color text,
  logo_base64 text, logo_type text, shared_at timestamptz, expires_at timestamptz, template_slug text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  link public.template_share_links%rowtype;
  result text;
begin
  select * into link from public.template_share_links l where l.token = p_token;
  if not found then
    return;
  end if;
  result := case when link.revoked_at is not null then 'revoked'
                 when link.expires_at is not null and link.expires_at <= now() then 'expired'
                 else 'opened' end;
  insert into public.template_share_accesses (share_link_id, outcome, ip_hash, user_agent)
    values (link.id, result, p_ip_hash, left(p_user_agent, 300));
  if result <> 'opened' then
    return query select result, null::text, null::text, null::integer, null::text, null::text, null::text, null::text,
      link.created_at, link.expires_at, null::text;
    return;
  end if;
  return query
    select result, f.title, v.markdown, v.version, s.company_name, s.brand_color, s.logo_base64, s.logo_type,
      link.created_at, link.expires_at, f.template_slug
    from public.template_fills f
    join public.template_fill_versions v on v.fill_id = f.id and v.version = f.current_version
    cross join (select * from public.workspace_settings limit 1) s
    where f.id = link.fill_id;
end
$$;
revoke all on function private.open_shared_fill(text, text, text) from public;

do $$
declare
  t text;
begin
  foreach t in array array['templates', 'template_fills'] loop
    execute format('create trigger %I before update on public.%I for each row execute function private.touch_updated_at()', t || '_touch', t);
    execute format('create trigger %I after insert or update or delete on public.%I for each row execute function private.audit_row()', t || '_audit', t);
  end loop;
  execute 'create trigger template_share_links_audit after insert or update or delete on public.template_share_links for each row execute function private.audit_row()';
end
$$;
