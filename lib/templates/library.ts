// Also used by the demo seed (a plain Node script), so it carries no server-only marker.
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";
import { loadContentTemplates } from "./content";
import { parseTemplate } from "./parse";
import type { TemplateFrontmatter } from "./schema";
import { buildIndex, type TemplateIndex } from "./search";

export interface LibraryTemplate {
  slug: string;
  origin: "library" | "team";
  /** The team template's current version; library templates are versioned with the code. */
  version: number | null;
  frontmatter: TemplateFrontmatter;
  body: string;
}

const cache = globalThis as typeof globalThis & {
  __partnerosTemplates?: LibraryTemplate[];
  __partnerosTemplateIndex?: { key: string; index: TemplateIndex };
};

/** The 45 library templates, read once per process; a broken file is logged and left out, never thrown. */
export function libraryTemplates(): LibraryTemplate[] {
  if (!cache.__partnerosTemplates) {
    const { templates, problems } = loadContentTemplates();
    for (const p of problems) console.error(`[templates] ${p.file} › ${p.field}: ${p.message}`);
    cache.__partnerosTemplates = templates.map((t) => ({ ...t, origin: "library" as const, version: null }));
  }
  return cache.__partnerosTemplates;
}

export async function listTeamTemplates(tx: Tx, options: { includeArchived?: boolean } = {}): Promise<LibraryTemplate[]> {
  const list = await rows<{ slug: string; version: number; source: string }>(
    tx,
    sql`select t.slug, t.current_version as version, v.source from public.templates t
        join public.template_versions v on v.template_id = t.id and v.version = t.current_version
        where ${options.includeArchived ? sql`true` : sql`t.archived_at is null`} order by t.title`,
  );
  const out: LibraryTemplate[] = [];
  for (const row of list) {
    const { template } = parseTemplate(`team/00-${row.slug}.md`, row.source);
    if (template) out.push({ ...template, slug: row.slug, origin: "team", version: Number(row.version) });
  }
  return out;
}

/** Library and team templates together, with a search index rebuilt only when team templates change. */
export async function getLibrary(tx: Tx): Promise<{ templates: LibraryTemplate[]; index: TemplateIndex }> {
  const team = await listTeamTemplates(tx);
  const templates = [...libraryTemplates(), ...team];
  const key = team.map((t) => `${t.slug}@${t.version}`).join(",");
  if (cache.__partnerosTemplateIndex?.key !== key) {
    cache.__partnerosTemplateIndex = { key, index: buildIndex(templates) };
  }
  return { templates, index: cache.__partnerosTemplateIndex.index };
}

export async function getTemplateOrNull(tx: Tx, slug: string): Promise<LibraryTemplate | null> {
  const fromLibrary = libraryTemplates().find((t) => t.slug === slug);
  if (fromLibrary) return fromLibrary;
  const team = await listTeamTemplates(tx, { includeArchived: true });
  return team.find((t) => t.slug === slug) ?? null;
}
