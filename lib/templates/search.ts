import MiniSearch from "minisearch";
import type { TemplateFrontmatter } from "./schema";
import { TEMPLATE_CATEGORIES } from "./schema";

export interface SearchableTemplate {
  slug: string;
  frontmatter: TemplateFrontmatter;
  body: string;
}

export interface TemplateFilters {
  q?: string;
  category?: string;
  tier?: string;
  skill?: string;
  phase?: string;
  type?: string;
}

interface Doc {
  id: string;
  title: string;
  summary: string;
  outcomes: string;
  body: string;
  tags: string;
}

const CATEGORY_LABEL = new Map<string, string>(TEMPLATE_CATEGORIES.map((c) => [c.key, c.label]));

const plain = (markdown: string) =>
  markdown
    .replace(/\{\{[^}]*\}\}/g, " ")
    .replace(/[#>*_`|\-]+/g, " ")
    .replace(/\s+/g, " ");

function toDoc(t: SearchableTemplate): Doc {
  const fm = t.frontmatter;
  return {
    id: t.slug,
    title: fm.title,
    summary: `${fm.purpose} ${fm.description}`,
    outcomes: fm.outcomes.join(" "),
    body: plain(t.body),
    tags: [CATEGORY_LABEL.get(fm.category) ?? fm.category, ...fm.partner_types, ...fm.phase, ...fm.tiers, fm.skill_level].join(" "),
  };
}

export type TemplateIndex = { search: MiniSearch<Doc>; bySlug: Map<string, SearchableTemplate> };

export function buildIndex(templates: readonly SearchableTemplate[]): TemplateIndex {
  const search = new MiniSearch<Doc>({
    fields: ["title", "summary", "outcomes", "body", "tags"],
    searchOptions: {
      boost: { title: 5, summary: 2, tags: 1.5, outcomes: 1.2, body: 0.6 },
      prefix: (term) => term.length >= 3,
      fuzzy: (term) => (term.length > 4 ? 0.25 : term.length > 3 ? 1 : false),
    },
  });
  search.addAll(templates.map(toDoc));
  return { search, bySlug: new Map(templates.map((t) => [t.slug, t])) };
}

function matchesFilters(t: SearchableTemplate, f: TemplateFilters): boolean {
  const fm = t.frontmatter;
  if (f.category && fm.category !== f.category) return false;
  if (f.tier && !fm.tiers.includes(f.tier as never)) return false;
  if (f.skill && fm.skill_level !== f.skill) return false;
  if (f.phase && !fm.phase.includes(f.phase as never)) return false;
  if (f.type && !fm.partner_types.includes(f.type as never)) return false;
  return true;
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/**
 * Ranked, typo-tolerant search: every word must match (allowing typos and prefixes); if nothing does, any
 * word may. Without a query, the filtered templates in library order (category, then priority, then title).
 */
export function searchTemplates(index: TemplateIndex, filters: TemplateFilters): SearchableTemplate[] {
  const q = filters.q?.trim();
  if (!q) {
    const order = new Map(TEMPLATE_CATEGORIES.map((c, i) => [c.key, i]));
    return [...index.bySlug.values()]
      .filter((t) => matchesFilters(t, filters))
      .sort(
        (a, b) =>
          (order.get(a.frontmatter.category) ?? 99) - (order.get(b.frontmatter.category) ?? 99) ||
          PRIORITY_ORDER[a.frontmatter.priority] - PRIORITY_ORDER[b.frontmatter.priority] ||
          a.frontmatter.title.localeCompare(b.frontmatter.title),
      );
  }
  const filter = (r: { id: string }) => matchesFilters(index.bySlug.get(r.id)!, filters);
  let hits = index.search.search(q, { combineWith: "AND", filter });
  if (hits.length === 0) hits = index.search.search(q, { combineWith: "OR", filter });
  return hits.map((h) => index.bySlug.get(h.id as string)!);
}
