import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

export interface FillVersion {
  version: number;
  values: Record<string, string>;
  markdown: string;
  createdAt: string;
  authorName: string | null;
}

export interface ShareLink {
  id: string;
  token: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  status: "active" | "expired" | "revoked";
  createdByName: string | null;
  opens: number;
  lastOpenedAt: string | null;
}

export interface FillDetail {
  id: string;
  title: string;
  templateSlug: string;
  templateOrigin: "library" | "team";
  partnerId: string | null;
  partnerName: string | null;
  currentVersion: number;
  createdBy: string;
  versions: FillVersion[];
  shareLinks: ShareLink[];
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : String(v));

export async function getFillOrNull(tx: Tx, fillId: string): Promise<FillDetail | null> {
  const [fill] = await rows<Record<string, unknown>>(
    tx,
    sql`select f.id, f.title, f.template_slug, f.template_origin, f.partner_id, p.name as partner_name, f.current_version, f.created_by
        from public.template_fills f left join public.partners p on p.id = f.partner_id where f.id = ${fillId}`,
  );
  if (!fill) return null;
  const versions = await rows<Record<string, unknown>>(
    tx,
    sql`select v.version, v."values", v.markdown, v.created_at, pr.display_name as author
        from public.template_fill_versions v left join public.profiles pr on pr.id = v.created_by
        where v.fill_id = ${fillId} order by v.version desc`,
  );
  const links = await rows<Record<string, unknown>>(
    tx,
    sql`select l.id, l.token, l.created_at, l.expires_at, l.revoked_at, pr.display_name as creator,
          case when l.revoked_at is not null then 'revoked' when l.expires_at <= now() then 'expired' else 'active' end as status,
          (select count(*) from public.template_share_accesses a where a.share_link_id = l.id and a.outcome = 'opened')::int as opens,
          (select max(a.accessed_at) from public.template_share_accesses a where a.share_link_id = l.id) as last_opened
        from public.template_share_links l left join public.profiles pr on pr.id = l.created_by
        where l.fill_id = ${fillId} order by l.created_at desc`,
  );
  return {
    id: String(fill.id),
    title: String(fill.title),
    templateSlug: String(fill.template_slug),
    templateOrigin: fill.template_origin as "library" | "team",
    partnerId: (fill.partner_id as string | null) ?? null,
    partnerName: (fill.partner_name as string | null) ?? null,
    currentVersion: Number(fill.current_version),
    createdBy: String(fill.created_by),
    versions: versions.map((v) => ({
      version: Number(v.version),
      values: (typeof v.values === "string" ? JSON.parse(v.values) : v.values) as Record<string, string>,
      markdown: String(v.markdown),
      createdAt: iso(v.created_at)!,
      authorName: (v.author as string | null) ?? null,
    })),
    shareLinks: links.map((l) => ({
      id: String(l.id),
      token: String(l.token),
      createdAt: iso(l.created_at)!,
      expiresAt: iso(l.expires_at),
      revokedAt: iso(l.revoked_at),
      status: l.status as ShareLink["status"],
      createdByName: (l.creator as string | null) ?? null,
      opens: Number(l.opens),
      lastOpenedAt: iso(l.last_opened),
    })),
  };
}

export interface FillSummary {
  id: string;
  title: string;
  templateSlug: string;
  partnerName: string | null;
  currentVersion: number;
  updatedAt: string;
  authorName: string | null;
}

export async function listFills(tx: Tx, filter: { slug?: string; partnerId?: string; limit?: number }): Promise<FillSummary[]> {
  const list = await rows<Record<string, unknown>>(
    tx,
    sql`select f.id, f.title, f.template_slug, p.name as partner_name, f.current_version, f.updated_at, pr.display_name as author
        from public.template_fills f left join public.partners p on p.id = f.partner_id left join public.profiles pr on pr.id = f.created_by
        where (${filter.slug ?? null}::text is null or f.template_slug = ${filter.slug ?? null})
          and (${filter.partnerId ?? null}::uuid is null or f.partner_id = ${filter.partnerId ?? null}::uuid)
        order by f.updated_at desc limit ${filter.limit ?? 20}`,
  );
  return list.map((f) => ({
    id: String(f.id),
    title: String(f.title),
    templateSlug: String(f.template_slug),
    partnerName: (f.partner_name as string | null) ?? null,
    currentVersion: Number(f.current_version),
    updatedAt: iso(f.updated_at)!,
    authorName: (f.author as string | null) ?? null,
  }));
}

export async function listPartnerOptions(tx: Tx): Promise<{ id: string; name: string }[]> {
  return rows<{ id: string; name: string }>(
    tx,
    sql`select id, name from public.partners where status in ('active', 'onboarding', 'applicant', 'prospect') order by lower(name)`,
  );
}

/** The active partner with the most won revenue this year, for example fills. */
export async function getSamplePartner(tx: Tx): Promise<{ id: string; name: string } | null> {
  const [row] = await rows<{ id: string; name: string }>(
    tx,
    sql`select p.id, p.name from public.partners p
        left join public.opportunities o on (o.isv_partner_id = p.id or o.referring_partner_id = p.id)
          and o.actual_close_date >= date_trunc('year', now())::date and o.stage_id in (select id from public.stages where is_won)
        where p.status = 'active' group by p.id, p.name order by coalesce(sum(o.value_minor), 0) desc, p.name limit 1`,
  );
  return row ?? null;
}
