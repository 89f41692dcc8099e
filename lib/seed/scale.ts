import { sql, type SQL } from "drizzle-orm";
import { hashPassword } from "../auth/password";
import type { Connection, Tx } from "../db/connection";
import { DEMO_LOGINS, seedDemo } from "./demo";
import { DEMO_PASSWORD } from "./demo-data";
import {
  CUSTOMER_SUFFIXES,
  DEAL_TITLES,
  FIRST_NAMES,
  ISV_NAME_SUFFIXES,
  LAST_NAMES,
  LOSS_REASONS,
  NAME_MIDDLES,
  NAME_PREFIXES,
  NAME_SUFFIXES,
} from "./demo-words";
import { slugify } from "./text";

export const SCALE_TARGETS = {
  partners: 5_000,
  isvPartners: 300,
  users: 100,
  staff: 40,
  opportunities: 100_000,
} as const;

export interface ScaleSummary {
  skipped: boolean;
  partners: number;
  isvPartners: number;
  users: number;
  staff: number;
  opportunities: number;
  stageHistory: number;
  seconds: number;
}

type Counts = Omit<ScaleSummary, "skipped" | "seconds">;

async function rowsOf<T>(tx: Tx | Connection["db"], query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function counts(tx: Tx | Connection["db"]): Promise<Counts> {
  const [row] = await rowsOf<Record<keyof Counts, number | string>>(
    tx,
    sql`select
      (select count(*) from public.partners) as "partners",
      (select count(*) from public.partners where kind <> 'program') as "isvPartners",
      (select count(*) from public.profiles) as "users",
      (select count(*) from public.profiles where role <> 'partner') as "staff",
      (select count(*) from public.opportunities) as "opportunities",
      (select count(*) from public.opportunity_stage_history) as "stageHistory"`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)])) as Counts;
}

/** SQL literals for our own seed vocabulary only, never user input. */
const literal = (s: string) => `'${s.replaceAll("'", "''")}'`;
const textArray = (items: readonly string[]) => sql.raw(`(array[${items.map(literal).join(", ")}]::text[])`);

/** Uniform [0, 1) from the row number `n`, one independent stream per salt. */
const rnd = (salt: string) =>
  sql.raw(`((hashtext('${salt}:' || n::text) & 2147483647)::float8 / 2147483648.0)`);
/** 1-based index into an array of `len` items. */
const idx = (salt: string, len: SQL | number) => sql`(1 + floor(${rnd(salt)} * ${len})::int)`;

const firstNames = textArray(FIRST_NAMES);
const lastNames = textArray(LAST_NAMES);
const firstSlugs = textArray(FIRST_NAMES.map(slugify));
const lastSlugs = textArray(LAST_NAMES.map(slugify));

/**
 * The benchmark data set on top of the demo company: set-based inserts with pseudo-random values derived
 * from row numbers, so the same database always gets the same rows.
 */
export async function seedScale(conn: Connection, options: { now?: Date } = {}): Promise<ScaleSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const [settings] = await rowsOf<{ n: number | string }>(
    conn.db,
    sql`select count(*) as n from public.workspace_settings`,
  );
  if (Number(settings?.n ?? 0) === 0) await seedDemo(conn, { now });
  const before = await counts(conn.db);
  if (before.opportunities >= SCALE_TARGETS.opportunities) {
    return { skipped: true, ...before, seconds: (Date.now() - started) / 1000 };
  }
  // Reuse the demo logins' hash: one argon2 run, and every account shares the documented password.
  const [demoUser] = await rowsOf<{ hash: string | null }>(
    conn.db,
    sql`select encrypted_password as hash from auth.users where email = ${DEMO_LOGINS[0]!.email}`,
  );
  const passwordHash = demoUser?.hash ?? (await hashPassword(DEMO_PASSWORD));
  const nowIso = now.toISOString();

  await conn.db.transaction(async (tx) => {
    // Bulk load: audit and realtime triggers would add a row and a NOTIFY per inserted row.
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`select set_config('app.job', 'seed.scale', true)`);
    const c = await counts(tx);
    const [offsets] = await rowsOf<{
      users: number | string;
      partners: number | string;
      opps: number | string;
    }>(
      tx,
      sql`select (select count(*) from auth.users where email like 'scale-user-%') as users,
        (select count(*) from public.partners where slug like 'scale-%') as partners,
        (select count(*) from public.opportunities where position >= 1000000) as opps`,
    );
    const userOffset = Number(offsets?.users ?? 0);
    const partnerOffset = Number(offsets?.partners ?? 0);
    const oppOffset = Number(offsets?.opps ?? 0);
    const staffAdd = Math.max(0, SCALE_TARGETS.staff - c.staff);
    const userAdd = Math.max(staffAdd, SCALE_TARGETS.users - c.users);
    const partnerAdd = Math.max(0, SCALE_TARGETS.partners - c.partners);
    const isvAdd = Math.min(partnerAdd, Math.max(0, SCALE_TARGETS.isvPartners - c.isvPartners));
    const oppAdd = SCALE_TARGETS.opportunities - c.opportunities;

    // Staff first so new partnership managers own partners; portal users last so they have partners to join.
    await insertUsers(tx, userOffset, staffAdd, "staff", passwordHash, nowIso);
    await insertPartners(tx, partnerOffset, partnerAdd, isvAdd, nowIso);
    await insertUsers(tx, userOffset + staffAdd, userAdd - staffAdd, "partner", passwordHash, nowIso);
    await insertOpportunities(tx, oppOffset, oppAdd, nowIso);
  });
  // Fresh statistics, or the first benchmark queries plan against an empty-table estimate.
  await conn.db
    .execute(sql`analyze public.partners, public.profiles, public.partner_contacts, public.agreements,
    public.agreement_versions, public.opportunities, public.opportunity_stage_history`);
  return { skipped: false, ...(await counts(conn.db)), seconds: (Date.now() - started) / 1000 };
}

async function insertPartners(
  tx: Tx,
  offset: number,
  total: number,
  isvs: number,
  nowIso: string,
): Promise<void> {
  if (total === 0) return;
  // Stepping by a prime walks the prefix x middle x suffix grid without repeats for the first `combos` rows.
  const [a, m] = [NAME_PREFIXES.length, NAME_MIDDLES.length];
  const combos = a * m * NAME_SUFFIXES.length;
  const k = sql.raw(`((n * 7919) % ${combos})`);
  const suffixes = sql`(case when g <= ${isvs} then ${textArray(ISV_NAME_SUFFIXES)} else ${textArray(NAME_SUFFIXES)} end)`;
  await tx.execute(sql`create temp table seed_scale_partners on commit drop as
    select n, g <= ${isvs} as is_isv, md5('scale-partner-' || n)::uuid as id, md5('scale-contact-' || n)::uuid as contact_id,
      ${textArray(NAME_PREFIXES)}[1 + ${k} % ${a}] || ' ' || ${textArray(NAME_MIDDLES)}[1 + ${k} / ${a} % ${m}]
        || ' ' || ${suffixes}[1 + ${k} / ${a * m} % ${NAME_SUFFIXES.length}]
        as name,
      (array['finops','security','observability','devops','data_backup','dev_platform'])[${idx("dom", 6)}]::public.partner_domain as domain,
      ${rnd("tier")} as r_tier, ${rnd("status")} as r_status, ${rnd("model")} as r_model, ${rnd("rate")} as r_rate,
      ${idx("health", 71)} + 29 as health, ${idx("first", FIRST_NAMES.length)} as fi, ${idx("last", LAST_NAMES.length)} as li,
      ${nowIso}::timestamptz - (${rnd("joined")} * 720) * interval '1 day' as joined_at
    from generate_series(1, ${total}) g, lateral (select g + ${offset} as n) x`);
  await tx.execute(sql`insert into public.partners
      (id, name, slug, kind, domain, status, tier_id, website, description, health_score, owner_id, primary_contact_id, joined_at, created_at, updated_at)
    select s.id, s.name, 'scale-' || n || '-' || lower(regexp_replace(s.name, '[^A-Za-z0-9]+', '-', 'g')),
      case when is_isv then 'isv' else 'program' end::public.partner_kind, s.domain,
      case when is_isv then (case when r_status < 0.9 then 'active' else 'prospect' end)
        else (case when r_status < 0.8 then 'active' when r_status < 0.88 then 'onboarding' when r_status < 0.95 then 'inactive' else 'churned' end)
      end::public.partner_status,
      case when is_isv then null else t.ids[case when r_tier < 0.5 then 1 when r_tier < 0.78 then 2 when r_tier < 0.93 then 3 else 4 end] end,
      'https://www.' || lower(regexp_replace(s.name, '[^A-Za-z0-9]+', '', 'g')) || n || '.example',
      case when is_isv then 'Technology vendor in ' else 'Program partner focused on ' end || replace(s.domain::text, '_', ' ') || '.',
      health, o.ids[1 + n % array_length(o.ids, 1)], contact_id, joined_at, joined_at, joined_at
    from seed_scale_partners s,
      (select array_agg(id order by rank) as ids from public.tiers) t,
      (select array_agg(id order by id) as ids from public.profiles where role in ('vp', 'partnership_manager')) o`);
  await tx.execute(sql`insert into public.partner_contacts (id, partner_id, name, email, title, created_at, updated_at)
    select contact_id, id, ${firstNames}[fi] || ' ' || ${lastNames}[li],
      ${firstSlugs}[fi] || '.' || ${lastSlugs}[li] || '@scale-' || n || '.example', 'Partner Manager', joined_at, joined_at
    from seed_scale_partners`);
  await tx.execute(sql`insert into public.agreements (id, partner_id, direction, model, name, status, created_at, updated_at)
    select md5('scale-agreement-' || n)::uuid, id,
      case when is_isv then 'receivable' else 'payable' end::public.agreement_direction,
      case when not is_isv then 'referral' else (array['referral','reseller','msp','custom'])[1 + floor(r_model * 4)::int] end::public.agreement_model,
      name || ' Agreement', 'active', joined_at, joined_at
    from seed_scale_partners`);
  await tx.execute(sql`insert into public.agreement_versions
      (id, agreement_id, version, effective_from, rate, basis, payment_model, currency, terms, created_at)
    select md5('scale-agreement-version-' || s.n)::uuid, a.id, 1, s.joined_at::date,
      case when not s.is_isv then coalesce(t.commission_rate, 20)
        else round((case a.model when 'referral' then 10 + r_rate * 15 when 'reseller' then 20 + r_rate * 20
          when 'msp' then 15 + r_rate * 25 else 10 + r_rate * 30 end)::numeric, 0) end,
      'deal_value'::public.commission_basis,
      case when s.is_isv and r_rate < 0.5 then 'recurring' else 'one_time' end::public.payment_model, 'USD',
      case when s.is_isv and r_rate < 0.5 then '{"recurring":{"months":12,"cadence":"monthly"}}'::jsonb else '{}'::jsonb end, s.joined_at
    from seed_scale_partners s
      join public.agreements a on a.id = md5('scale-agreement-' || s.n)::uuid
      left join public.partners p on p.id = s.id
      left join public.tiers t on t.id = p.tier_id`);
}

async function insertUsers(
  tx: Tx,
  offset: number,
  total: number,
  kind: "staff" | "partner",
  hash: string,
  nowIso: string,
): Promise<void> {
  if (total === 0) return;
  const role =
    kind === "partner"
      ? sql`'partner'`
      : sql`(case when n % 3 = 0 then 'partnership_manager' else 'sales_manager' end)`;
  const users = sql`select n, g, md5('scale-user-' || n)::uuid as id, ${role}::public.app_role as role,
      'scale-user-' || lpad(n::text, 3, '0') || '@scale.partneros.dev' as email,
      ${firstNames}[${idx("ufirst", FIRST_NAMES.length)}] || ' ' || ${lastNames}[${idx("ulast", LAST_NAMES.length)}] as display_name,
      ${nowIso}::timestamptz - (400 - n) * interval '1 day' as created_at
    from generate_series(1, ${total}) g, lateral (select g + ${offset} as n) x`;
  await tx.execute(sql`insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, created_at, updated_at)
    select id, email, ${hash}, created_at, jsonb_build_object('provider', 'email', 'role', role::text), created_at, created_at
    from (${users}) u`);
  // Portal users go to program partners that have nobody yet, one admin each.
  await tx.execute(sql`insert into public.profiles (id, email, display_name, role, title, partner_id, partner_member_role, created_at, updated_at)
    select u.id, u.email, u.display_name, u.role,
      case u.role when 'sales_manager' then 'ISV Sales Manager' when 'partnership_manager' then 'Partnership Manager' else 'Partner Admin' end,
      case when u.role = 'partner' then f.ids[u.g] end,
      case when u.role = 'partner' then 'admin'::public.partner_member_role end, u.created_at, u.created_at
    from (${users}) u,
      (select array_agg(p.id order by p.slug) as ids from public.partners p
        where p.kind = 'program' and not exists (select 1 from public.profiles pr where pr.partner_id = p.id)) f
    where u.role <> 'partner' or f.ids[u.g] is not null`);
}

async function insertOpportunities(tx: Tx, offset: number, total: number, nowIso: string): Promise<void> {
  if (total <= 0) return;
  const [stageRow] = await rowsOf<{ ids: string; probs: string; open: number | string }>(
    tx,
    sql`select array_to_string(array_agg(id order by is_lost, is_won, position), ',') as ids,
      array_to_string(array_agg(probability order by is_lost, is_won, position), ',') as probs,
      count(*) filter (where not is_won and not is_lost) as open
    from public.stages`,
  );
  const stageIds = sql.raw(
    `(array[${(stageRow?.ids ?? "")
      .split(",")
      .map((id) => `'${id}'`)
      .join(",")}]::uuid[])`,
  );
  const probs = sql.raw(`(array[${stageRow?.probs ?? ""}]::int[])`);
  const open = Number(stageRow?.open ?? 0);
  const titleCase = sql.raw(
    `case i.domain ${Object.entries(DEAL_TITLES)
      .map(
        ([d, t]) =>
          `when '${d}' then (array[${t.map(literal).join(",")}])[1 + floor(r_title * ${t.length})::int]`,
      )
      .join(" ")} end`,
  );

  // Stage array layout: the open stages in board order, then won (open + 1), then lost (open + 2).
  await tx.execute(sql`create temp table seed_scale_opps on commit drop as
    with ctx as (
      select (select array_agg(id order by id) from public.partners where kind <> 'program') as isvs,
        (select array_agg(id order by id) from public.partners where kind = 'program' and status = 'active') as refs,
        (select array_agg(id order by id) from public.profiles where role in ('sales_manager', 'partnership_manager')) as owners
    ), base as (
      select n, md5('scale-opp-' || n)::uuid as id, ${rnd("age")} * 450 as age_days, ${rnd("closed")} as r_closed,
        ${rnd("won")} as r_won, ${rnd("lost")} as r_lost, ${rnd("open")} as r_open, ${rnd("cycle")} as r_cycle,
        ${rnd("value")} as r_value, ${rnd("cur")} as r_cur, ${rnd("ref")} as r_ref, ${rnd("tech")} as r_tech,
        ${rnd("exp")} as r_exp, ${rnd("title")} as r_title, ctx.isvs[${idx("isv", sql`array_length(ctx.isvs, 1)`)}] as isv_ref,
        ctx.refs[${idx("refi", sql`coalesce(array_length(ctx.refs, 1), 1)`)}] as ref_id,
        ctx.owners[${idx("owner", sql`array_length(ctx.owners, 1)`)}] as owner_id,
        ${textArray(NAME_PREFIXES)}[${idx("cp", NAME_PREFIXES.length)}] || ' ' || ${textArray(CUSTOMER_SUFFIXES)}[${idx("cs", CUSTOMER_SUFFIXES.length)}] as customer,
        ${idx("cf", FIRST_NAMES.length)} as cf, ${idx("cl", LAST_NAMES.length)} as cl,
        ${idx("tf", FIRST_NAMES.length)} as tf, ${idx("tl", LAST_NAMES.length)} as tl, ${idx("loss", LOSS_REASONS.length)} as loss_i
      from generate_series(1, ${total}) g cross join lateral (select g + ${offset} as n) x cross join ctx
    ), shaped as (
      select b.*, ${nowIso}::timestamptz - age_days * interval '1 day' as created_at,
        case when age_days > 90 then r_closed < 0.92 when age_days < 1 then false else r_closed < 0.3 end as closed,
        floor(r_lost * r_lost * ${open})::int as lost_from, floor(r_open * ${open})::int as open_at
      from base b
    ), staged as (
      select s.*, closed and r_won < 0.35 as won,
        case when not closed then open_at + 1 when r_won < 0.35 then ${open + 1} else ${open + 2} end as final_i,
        case when not closed then open_at + 1 when r_won < 0.35 then ${open + 1} else lost_from + 2 end as moves,
        case when closed then greatest(created_at, least(created_at + (10 + r_cycle * 80) * interval '1 day', ${nowIso}::timestamptz - interval '1 hour'))
          when open_at = 0 then created_at else created_at + (${nowIso}::timestamptz - created_at) * r_cycle end as last_at
      from shaped s
    )
    select s.*, i.id as isv_id, i.domain, i.name as isv_name, ${titleCase} as title,
      case when closed and not won then lost_from else final_i - 1 end >= least(2, ${open} - 1) or r_tech < 0.35 as has_tech
    from staged s join public.partners i on i.id = s.isv_ref`);

  await tx.execute(sql`insert into public.opportunities
      (id, customer_name, title, contact_name, contact_email, technical_contact_name, technical_contact_email, value_minor, currency,
       stage_id, position, owner_id, isv_partner_id, referring_partner_id, domain, probability, expected_close_date, actual_close_date,
       loss_reason, stage_entered_at, created_by, created_at, updated_at)
    select id, customer, isv_name || ' – ' || title, ${firstNames}[cf] || ' ' || ${lastNames}[cl],
      ${firstSlugs}[cf] || '.' || ${lastSlugs}[cl] || '@' || lower(regexp_replace(customer, '[^A-Za-z0-9]+', '-', 'g')) || '.example',
      case when has_tech then ${firstNames}[tf] || ' ' || ${lastNames}[tl] end,
      case when has_tech then ${firstSlugs}[tf] || '.' || ${lastSlugs}[tl] || '@' || lower(regexp_replace(customer, '[^A-Za-z0-9]+', '-', 'g')) || '.example' end,
      (round(10000 * power(120, power(r_value, 1.6)) / 100) * 100 * 100)::bigint,
      case when r_cur < 0.04 then 'EUR' when r_cur < 0.06 then 'GBP' else 'USD' end,
      ${stageIds}[final_i], 1000000 + n, owner_id, isv_id, case when r_ref < 0.4 then ref_id end, domain, ${probs}[final_i],
      greatest(created_at::date + 7, case when closed then (last_at + (r_exp * 31 - 21) * interval '1 day')::date
        else (${nowIso}::timestamptz + (r_exp * 90 - 15) * interval '1 day')::date end),
      case when closed then last_at::date end, case when closed and not won then ${textArray(LOSS_REASONS)}[loss_i] end,
      last_at, owner_id, created_at, last_at
    from seed_scale_opps`);

  await tx.execute(sql`insert into public.opportunity_stage_history (id, opportunity_id, from_stage_id, to_stage_id, moved_by, moved_at)
    select md5('scale-move-' || o.n || '-' || k)::uuid, o.id,
      case when k > 0 then ${stageIds}[k] end,
      ${stageIds}[case when o.closed and not o.won and k = o.moves - 1 then ${open + 2} else k + 1 end],
      o.owner_id, case when k = o.moves - 1 then o.last_at else o.created_at + (o.last_at - o.created_at) * (k::float8 / (o.moves - 1)) end
    from seed_scale_opps o cross join lateral generate_series(0, o.moves - 1) k`);
}
