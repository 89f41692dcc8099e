"use server";

import { and, eq, inArray, like, or, sql } from "drizzle-orm";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, defineAction } from "@/lib/actions/safe-action";
import type { Tx } from "@/lib/db/connection";
import { templates, templateVersions } from "@/lib/db/schema";
import type { FieldErrors } from "@/lib/http/problem";
import { libraryTemplates } from "./library";
import { parseTemplate, type ParsedTemplate, type TemplateProblem } from "./parse";

const AUTHORS = ["vp", "partnership_manager"] as const;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The column allows 80; the stem leaves room for a "-NN" suffix. */
const SLUG_STEM_MAX = 72;

const slugSchema = z.string().trim().max(80).regex(SLUG, "Not a template address");
const saveSchema = z.strictObject({
  slug: slugSchema.optional(),
  source: z
    .string()
    .min(1, "The template is empty")
    .max(200_000, "The template is longer than 200,000 characters"),
});
const slugOnlySchema = z.strictObject({ slug: slugSchema });

export type SavedTeamTemplate = { slug: string; version: number; changed: boolean };

function slugStem(title: string): string {
  const stem = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, SLUG_STEM_MAX)
    .replace(/^-+|-+$/g, "");
  return stem || "team-template";
}

/** A slug free in both the library's files and the team table (archived rows keep theirs). */
async function freeSlug(tx: Tx, title: string): Promise<string> {
  const stem = slugStem(title);
  // Two authors creating the same title at once wait for each other instead of colliding on the unique slug.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`templates:${stem}`}))`);
  const team = await tx
    .select({ slug: templates.slug })
    .from(templates)
    .where(or(eq(templates.slug, stem), like(templates.slug, `${stem}-%`)));
  const taken = new Set([...libraryTemplates().map((t) => t.slug), ...team.map((t) => t.slug)]);
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n += 1) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}

function problemsToFieldErrors(problems: readonly Pick<TemplateProblem, "field" | "message">[]): FieldErrors {
  const out: FieldErrors = {};
  for (const p of problems) (out[p.field] ??= []).push(p.message);
  return out;
}

/** Parses the source as a team file would be; every problem is kept so the editor can list them all. */
async function parseOrThrow(tx: Tx, slug: string | undefined, source: string): Promise<ParsedTemplate> {
  const { template, problems } = parseTemplate(`team/00-${slug ?? "new"}.md`, source);
  if (!template) throw new ActionError(422, "The template has problems", problemsToFieldErrors(problems));
  const related = template.frontmatter.related;
  if (related.length > 0) {
    const team = await tx
      .select({ slug: templates.slug })
      .from(templates)
      .where(inArray(templates.slug, related));
    const known = new Set([...libraryTemplates().map((t) => t.slug), ...team.map((t) => t.slug)]);
    const unknown = related.filter((r) => !known.has(r) || r === slug);
    if (unknown.length > 0) {
      throw new ActionError(
        422,
        "The template has problems",
        problemsToFieldErrors(
          unknown.map((r) => ({
            field: "related",
            message: r === slug ? "names the template itself" : `names ${r}, which is not a template`,
          })),
        ),
      );
    }
  }
  return template;
}

async function createTeamTemplate(tx: Tx, parsed: ParsedTemplate, source: string, userId: string) {
  const slug = await freeSlug(tx, parsed.frontmatter.title);
  const [row] = await tx
    .insert(templates)
    .values({
      slug,
      title: parsed.frontmatter.title,
      category: parsed.frontmatter.category,
      currentVersion: 1,
      createdBy: userId,
    })
    .returning({ id: templates.id });
  await tx.insert(templateVersions).values({ templateId: row!.id, version: 1, source, createdBy: userId });
  return { slug, version: 1, changed: true };
}

async function updateTeamTemplate(
  tx: Tx,
  slug: string,
  parsed: ParsedTemplate,
  source: string,
  userId: string,
) {
  // The row lock serialises two authors saving at once, so each gets its own version number.
  const [locked] = await tx
    .select({ id: templates.id, version: templates.currentVersion })
    .from(templates)
    .where(eq(templates.slug, slug))
    .for("update");
  if (!locked) throw new ActionError(404, "There is no team template at that address");
  const [current] = await tx
    .select({ source: templateVersions.source })
    .from(templateVersions)
    .where(and(eq(templateVersions.templateId, locked.id), eq(templateVersions.version, locked.version)));
  if (current?.source === source) return { slug, version: locked.version, changed: false };
  const version = locked.version + 1;
  await tx.insert(templateVersions).values({ templateId: locked.id, version, source, createdBy: userId });
  await tx
    .update(templates)
    .set({ currentVersion: version, title: parsed.frontmatter.title, category: parsed.frontmatter.category })
    .where(eq(templates.id, locked.id));
  return { slug, version, changed: true };
}

function revalidateTemplate(slug: string) {
  revalidatePath("/templates");
  revalidatePath(`/templates/${slug}`);
  revalidatePath(`/templates/${slug}/edit`);
}

/**
 * Creates a team template (slug from the title, clear of library and team slugs) or adds a version to
 * one; saving the current source again adds nothing.
 */
export const saveTeamTemplateAction = defineAction({
  roles: AUTHORS,
  schema: saveSchema,
  handler: async (input, { tx, user }): Promise<SavedTeamTemplate> => {
    const parsed = await parseOrThrow(tx, input.slug, input.source);
    const saved = input.slug
      ? await updateTeamTemplate(tx, input.slug, parsed, input.source, user.id)
      : await createTeamTemplate(tx, parsed, input.source, user.id);
    if (saved.changed) revalidateTemplate(saved.slug);
    return saved;
  },
});

async function setArchived(tx: Tx, slug: string, archived: boolean) {
  const updated = await tx
    .update(templates)
    .set({ archivedAt: archived ? sql`coalesce(${templates.archivedAt}, now())` : null })
    .where(eq(templates.slug, slug))
    .returning({ slug: templates.slug });
  if (updated.length === 0) throw new ActionError(404, "There is no team template at that address");
  revalidateTemplate(slug);
  return { slug, archived };
}

/** Hides a team template from the library; fills made from it keep working. */
export const archiveTeamTemplateAction = defineAction({
  roles: AUTHORS,
  schema: slugOnlySchema,
  handler: async ({ slug }, { tx }) => setArchived(tx, slug, true),
});

export const restoreTeamTemplateAction = defineAction({
  roles: AUTHORS,
  schema: slugOnlySchema,
  handler: async ({ slug }, { tx }) => setArchived(tx, slug, false),
});
