"use server";

import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import { STAFF_ROLES } from "@/lib/auth/roles";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { fillMarkdown, validateValues, type FillValues } from "./fill";
import { getTemplateOrNull, type LibraryTemplate } from "./library";
import { createFillSchema, createShareLinkSchema, shareLinkIdSchema, updateFillSchema } from "./schemas";
import { resolveSources } from "./sources";
import { recordUsage } from "./usage";

async function templateOrThrow(tx: Tx, slug: string): Promise<LibraryTemplate> {
  const template = await getTemplateOrNull(tx, slug);
  if (!template) throw new ActionError(404, "Template not found");
  return template;
}

/** Validates the values, then renders the document with today's live figures. */
async function renderFill(tx: Tx, template: LibraryTemplate, values: FillValues, partnerId: string | null, user: CurrentUser) {
  const errors = validateValues(template.frontmatter, values);
  if (Object.keys(errors).length) {
    throw new ActionError(
      422,
      "Some fields need attention",
      Object.fromEntries(Object.entries(errors).map(([k, v]) => [`values.${k}`, [v]])),
    );
  }
  const sources = await resolveSources(tx, { user, partnerId, now: new Date() });
  return fillMarkdown(template.frontmatter, template.body, values, sources);
}

async function partnerOrThrow(tx: Tx, partnerId: string | null) {
  if (!partnerId) return;
  const [found] = await rows<{ id: string }>(tx, sql`select id from public.partners where id = ${partnerId}`);
  if (!found) throw new ActionError(422, "Choose a partner from the list", { partnerId: ["Choose a partner from the list"] });
}

export const createFillAction = defineAction({
  roles: STAFF_ROLES,
  schema: createFillSchema,
  handler: async ({ slug, partnerId, title, values }, { tx, user }) => {
    const template = await templateOrThrow(tx, slug);
    await partnerOrThrow(tx, partnerId);
    const markdown = await renderFill(tx, template, values, partnerId, user);
    const [fill] = await rows<{ id: string }>(
      tx,
      sql`insert into public.template_fills (template_slug, template_origin, template_version, title, partner_id, created_by)
          values (${slug}, ${template.origin}, ${template.version}, ${title}, ${partnerId}, ${user.id}) returning id`,
    );
    await tx.execute(sql`insert into public.template_fill_versions (fill_id, version, "values", markdown, created_by)
      values (${fill!.id}, 1, ${JSON.stringify(values)}::jsonb, ${markdown}, ${user.id})`);
    await recordUsage(tx, slug, "fill", user.id);
    revalidatePath(`/templates/${slug}`);
    return { fillId: fill!.id };
  },
});

export const updateFillAction = defineAction({
  roles: STAFF_ROLES,
  schema: updateFillSchema,
  handler: async ({ fillId, title, values }, { tx, user }) => {
    const [seen] = await rows<{ created_by: string }>(tx, sql`select created_by from public.template_fills where id = ${fillId}`);
    if (!seen) throw new ActionError(404, "Document not found");
    if (seen.created_by !== user.id && user.role !== "vp") throw new ActionError(403, "Only its author or the VP can edit this document");
    // Locked so two saves at once become two versions, not one number twice.
    const [fill] = await rows<{ template_slug: string; partner_id: string | null; current_version: number }>(
      tx,
      sql`select template_slug, partner_id, current_version from public.template_fills where id = ${fillId} for update`,
    );
    if (!fill) throw new ActionError(404, "Document not found");
    const template = await templateOrThrow(tx, fill.template_slug);
    const markdown = await renderFill(tx, template, values, fill.partner_id, user);
    const version = Number(fill.current_version) + 1;
    await tx.execute(sql`insert into public.template_fill_versions (fill_id, version, "values", markdown, created_by)
      values (${fillId}, ${version}, ${JSON.stringify(values)}::jsonb, ${markdown}, ${user.id})`);
    await tx.execute(sql`update public.template_fills set current_version = ${version}, title = ${title} where id = ${fillId}`);
    revalidatePath(`/templates/fills/${fillId}`);
    return { fillId, version };
  },
});

export const createShareLinkAction = defineAction({
  roles: STAFF_ROLES,
  schema: createShareLinkSchema,
  handler: async ({ fillId, expiresInDays }, { tx, user }) => {
    const [fill] = await rows<{ template_slug: string; created_by: string }>(
      tx,
      sql`select template_slug, created_by from public.template_fills where id = ${fillId}`,
    );
    if (!fill) throw new ActionError(404, "Document not found");
    // The database refuses it too (policy "authors share own fills").
    if (fill.created_by !== user.id && user.role !== "vp") throw new ActionError(403, "Only the document's author or the VP can share it");
    const token = randomBytes(24).toString("base64url");
    const expiresAt = expiresInDays ? new Date(Date.now() + expiresInDays * 86_400_000).toISOString() : null;
    const [link] = await rows<{ id: string }>(
      tx,
      sql`insert into public.template_share_links (fill_id, token, expires_at, created_by)
          values (${fillId}, ${token}, ${expiresAt}, ${user.id}) returning id`,
    );
    await recordUsage(tx, fill.template_slug, "share", user.id);
    revalidatePath(`/templates/fills/${fillId}`);
    return { linkId: link!.id, token, expiresAt };
  },
});

export const revokeShareLinkAction = defineAction({
  roles: STAFF_ROLES,
  schema: shareLinkIdSchema,
  handler: async ({ linkId }, { tx }) => {
    const done = await rows<{ fill_id: string }>(
      tx,
      sql`update public.template_share_links set revoked_at = now() where id = ${linkId} and revoked_at is null returning fill_id`,
    );
    if (!done.length) throw new ActionError(404, "Share link not found, already revoked, or not yours to revoke");
    revalidatePath(`/templates/fills/${done[0]!.fill_id}`);
    return { linkId };
  },
});
