import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { exampleValues, fillMarkdown } from "@/lib/templates/fill";
import { libraryTemplates } from "@/lib/templates/library";
import { resolveSources } from "@/lib/templates/sources";
import { PARTNER_ONBOARDING_PLAN } from "./demo-team-templates";

interface Staff {
  id: string;
  displayName: string;
  email: string;
  role: "vp" | "partnership_manager";
  title: string | null;
}

async function saveFill(tx: Tx, input: { slug: string; partnerId: string; title: string; author: Staff; versions: Record<string, string>[]; now: Date }) {
  const template = libraryTemplates().find((t) => t.slug === input.slug);
  if (!template) return null;
  const sources = await resolveSources(tx, { user: input.author, partnerId: input.partnerId, now: input.now });
  const [fill] = await rows<{ id: string }>(
    tx,
    sql`insert into public.template_fills (template_slug, template_origin, title, partner_id, created_by, current_version)
        values (${input.slug}, 'library', ${input.title}, ${input.partnerId}, ${input.author.id}, ${input.versions.length}) returning id`,
  );
  for (const [i, overrides] of input.versions.entries()) {
    const values = { ...exampleValues(template.frontmatter, sources), ...overrides };
    const markdown = fillMarkdown(template.frontmatter, template.body, values, sources);
    await tx.execute(sql`insert into public.template_fill_versions (fill_id, version, "values", markdown, created_by, created_at)
      values (${fill!.id}, ${i + 1}, ${JSON.stringify(values)}::jsonb, ${markdown}, ${input.author.id}, ${new Date(input.now.getTime() - (input.versions.length - i) * 3_600_000).toISOString()}::timestamptz)`);
  }
  await tx.execute(sql`insert into public.template_usage_events (template_slug, kind, user_id) values (${input.slug}, 'fill', ${input.author.id})`);
  return fill!.id;
}

/**
 * The template library as a team that has used it for a while: the company profile's contact details, a
 * team-authored onboarding plan, a business review in two versions with a share link, and usage counts.
 */
export async function seedTemplateActivity(tx: Tx, staff: { vp: Staff; pm: Staff }, now: Date): Promise<void> {
  await tx.execute(sql`update public.workspace_settings set website = 'https://stratus-cloud.example', contact_email = 'partners@stratus-cloud.example'`);
  const [team] = await rows<{ id: string }>(
    tx,
    sql`insert into public.templates (slug, title, category, created_by) values ('partner-onboarding-plan', 'Partner Onboarding Plan', 'operations', ${staff.pm.id}) returning id`,
  );
  await tx.execute(sql`insert into public.template_versions (template_id, version, source, created_by) values (${team!.id}, 1, ${PARTNER_ONBOARDING_PLAN}, ${staff.pm.id})`);

  // The program partner with the most won revenue that has a tier and wins in this and earlier quarters, so its
  // review and scorecard have every figure to show.
  const [top] = await rows<{ id: string; name: string }>(
    tx,
    sql`select p.id, p.name from public.partners p
        join public.opportunities o on o.isv_partner_id = p.id or o.referring_partner_id = p.id
        join public.stages s on s.id = o.stage_id and s.is_won
        where p.status = 'active' and p.tier_id is not null
        group by p.id, p.name
        having bool_or(o.actual_close_date >= date_trunc('quarter', ${now.toISOString()}::timestamptz))
          and bool_or(o.actual_close_date < date_trunc('quarter', ${now.toISOString()}::timestamptz))
        order by sum(o.value_minor) desc limit 1`,
  );
  if (top) {
    const review = await saveFill(tx, {
      slug: "partner-business-review",
      partnerId: top.id,
      title: `Partner Business Review (Executive) — ${top.name}`,
      author: staff.vp,
      now,
      versions: [{ overall_status: "At risk" }, { overall_status: "On track" }],
    });
    if (review) {
      await tx.execute(sql`insert into public.template_share_links (fill_id, token, expires_at, created_by)
        values (${review}, ${"demo-qbr-" + review.replace(/-/g, "")}, ${new Date(now.getTime() + 30 * 86_400_000).toISOString()}::timestamptz, ${staff.vp.id})`);
    }
    await saveFill(tx, { slug: "partner-health-scorecard", partnerId: top.id, title: `Partner Health Scorecard — ${top.name}`, author: staff.pm, now, versions: [{}] });
  }
  const views = ["partner-business-review", "mutual-nda", "commission-structure", "board-deck-partner-program", "partner-health-scorecard"];
  for (const [i, slug] of views.entries()) {
    for (let n = 0; n < 12 - i * 2; n += 1) {
      await tx.execute(sql`insert into public.template_usage_events (template_slug, kind, user_id) values (${slug}, 'view', ${n % 2 ? staff.vp.id : staff.pm.id})`);
    }
  }
}
