import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";
import { rows } from "../db/rows";

/** A link code: the organisation's slug (trimmed) and four random letters, e.g. "northwind-k3qp". */
export function linkCode(slug: string): string {
  const base = slug.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 30) || "partner";
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const suffix = [...randomBytes(4)].map((b) => alphabet[b % alphabet.length]).join("");
  return `${base}-${suffix}`;
}

/**
 * The partner's default referral link to the default landing page, created once; returns its code.
 * Runs in a system step (partners cannot create default links themselves).
 */
export async function ensureDefaultLink(tx: Tx, partnerId: string): Promise<string> {
  const [existing] = await rows<{ code: string }>(
    tx,
    sql`select code from public.referral_links where partner_id = ${partnerId} and is_default`,
  );
  if (existing) return existing.code;
  const [partner] = await rows<{ slug: string }>(tx, sql`select slug from public.partners where id = ${partnerId}`);
  if (!partner) throw new Error(`partner ${partnerId} not found`);
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const code = linkCode(partner.slug);
    const [created] = await rows<{ code: string }>(
      tx,
      sql`insert into public.referral_links (partner_id, code, landing_page_id, is_default)
        select ${partnerId}, ${code}, id, true from public.landing_pages where is_default
        on conflict do nothing returning code`,
    );
    if (created) return created.code;
  }
  throw new Error("could not allocate a unique referral code");
}

/** The signed-in partner's own default link, created on first visit by a security definer function. */
export async function ensureOwnDefaultLink(tx: Tx): Promise<string> {
  const [row] = await rows<{ code: string }>(tx, sql`select private.ensure_default_link() as code`);
  return row!.code;
}
