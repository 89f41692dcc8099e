import "server-only";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { profiles, templates, templateVersions } from "@/lib/db/schema";
import { CONTENT_DIR } from "./content";
import { libraryTemplates } from "./library";

export interface TeamTemplateVersion {
  version: number;
  createdAt: Date;
  authorName: string | null;
}

export interface TeamTemplateForEdit {
  slug: string;
  title: string;
  currentVersion: number;
  archivedAt: Date | null;
  /** The current version's source. */
  source: string;
  /** Newest first. */
  versions: TeamTemplateVersion[];
}

/** A team template with its current source and version history, or null when the slug is not a team template. */
export async function getTeamTemplateForEdit(tx: Tx, slug: string): Promise<TeamTemplateForEdit | null> {
  const [template] = await tx
    .select({
      id: templates.id,
      slug: templates.slug,
      title: templates.title,
      currentVersion: templates.currentVersion,
      archivedAt: templates.archivedAt,
    })
    .from(templates)
    .where(eq(templates.slug, slug));
  if (!template) return null;
  const versions = await tx
    .select({
      version: templateVersions.version,
      createdAt: templateVersions.createdAt,
      authorName: profiles.displayName,
      source: templateVersions.source,
    })
    .from(templateVersions)
    .leftJoin(profiles, eq(profiles.id, templateVersions.createdBy))
    .where(eq(templateVersions.templateId, template.id))
    .orderBy(desc(templateVersions.version));
  const current = versions.find((v) => v.version === template.currentVersion);
  if (!current) return null;
  const { id: _id, ...rest } = template;
  return {
    ...rest,
    source: current.source,
    versions: versions.map(({ version, createdAt, authorName }) => ({ version, createdAt, authorName })),
  };
}

/** One stored version's source, or null when the team template or the version does not exist. */
export async function getTeamTemplateVersionSource(
  tx: Tx,
  slug: string,
  version: number,
): Promise<string | null> {
  const [row] = await tx
    .select({ source: templateVersions.source })
    .from(templateVersions)
    .innerJoin(templates, eq(templates.id, templateVersions.templateId))
    .where(and(eq(templates.slug, slug), eq(templateVersions.version, version)));
  return row?.source ?? null;
}

/**
 * The file source of a library template, for a team copy to start from; null for a slug the library
 * does not hold (the slug is matched against the loaded library, never used as a path on its own).
 */
export function getLibraryTemplateSource(slug: string): string | null {
  const template = libraryTemplates().find((t) => t.slug === slug);
  if (!template) return null;
  const dir = path.join(CONTENT_DIR, template.frontmatter.category);
  const file = readdirSync(/*turbopackIgnore: true*/ dir).find(
    (name) => name.replace(/^\d{2}-/, "") === `${slug}.md`,
  );
  return file
    ? readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, file), "utf8")
    : null;
}

/** What a new team template starts from: a complete, valid template the author rewrites. */
export const STARTER_TEMPLATE_SOURCE = `---
title: Partner Kickoff Brief
category: operations
purpose: Agree goals, owners and the first ninety days with a newly signed partner
priority: medium
partner_types: [isv, si, reseller, referral]
tiers: [starter, active]
skill_level: beginner
phase: [onboard]
time_required: 30 minutes
description: >-
  A short brief the partner manager sends before the kickoff call with a newly signed partner. It sets
  out why the partnership exists, who owns what on each side, and the milestones for the first quarter.
outcomes:
  - Both teams agree the goals and the named owners for the first ninety days
  - The partner knows the next three steps and when each is due
variables:
  - name: partner_name
    label: Partner name
    type: text
    source: partner.name
    required: true
  - name: company_name
    label: Our company
    type: text
    source: company.name
  - name: manager_name
    label: Partner manager
    type: text
    source: user.name
  - name: kickoff_date
    label: Kickoff date
    type: date
    required: true
    example: "2026-12-04"
---

> **Guidance:** Rewrite this starter for your team: change the title and the frontmatter, keep every
> variable you use declared, and keep at least four sections. The checks under the editor list anything
> that would stop the template from saving.

## Why we are partnering

{{company_name}} and {{partner_name}} signed a partnership because our customers ask for what the two
companies offer together. This brief sets out what each side expects from the first ninety days, who
owns each piece of work, and how we will know the partnership is on track. We will walk through it on
the kickoff call on {{kickoff_date}} and update it with anything we agree there.

The partnership succeeds when customers hear a consistent story from both teams, when deals are
registered early so nobody competes for the same account, and when the partner's team can run a first
demo without help from ours.

## Who owns what

| Area | {{company_name}} owner | {{partner_name}} owner |
|---|---|---|
| Executive sponsor | VP Strategic Partnerships | Chief executive or head of sales |
| Day-to-day contact | {{manager_name}} | Partner manager named at the kickoff |
| Technical enablement | Solutions engineering lead | Technical lead |
| Marketing | Partner marketing manager | Marketing lead |

> **Guidance:** Name real people on both sides before sending; a role without a name slows every
> follow-up.

## The first ninety days

1. Week one: portal access for every partner seller, and the deal registration policy shared.
2. Weeks two to four: product training for sellers and a certification for at least one technical lead.
3. Weeks five to eight: a joint account plan naming ten target customers and the first campaign.
4. Weeks nine to twelve: the first registered opportunity and a joint customer call.

## How we measure progress

We review these figures together every month and at the quarterly business review:

- Registered opportunities and their combined pipeline value
- Sellers trained and technical leads certified
- Joint customer meetings held
- Time from a registration to the first customer meeting

If a milestone slips, the day-to-day contacts agree a new date within a week and tell both executive
sponsors, so that small delays never turn into a quiet partnership.

## Next steps

- {{manager_name}} sends the portal invitations within two working days of the kickoff.
- {{partner_name}} names its day-to-day contact and technical lead before the first training session.
- Both teams confirm the date of the first monthly review before the end of the kickoff call.
`;
