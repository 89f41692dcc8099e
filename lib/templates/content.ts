import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseTemplate, type ParsedTemplate, type TemplateProblem } from "./parse";
import { TEMPLATE_CATEGORIES } from "./schema";

export const CONTENT_DIR = path.join(process.cwd(), "content", "templates");

export type ContentLoad = { templates: ParsedTemplate[]; problems: TemplateProblem[] };

/** Reads every template file; a bad file is reported with its field, never thrown. */
export function loadContentTemplates(dir: string = CONTENT_DIR): ContentLoad {
  const templates: ParsedTemplate[] = [];
  const problems: TemplateProblem[] = [];
  for (const { key } of TEMPLATE_CATEGORIES) {
    let files: string[];
    try {
      files = readdirSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, key))
        .filter((f) => f.endsWith(".md"))
        .sort();
    } catch {
      continue;
    }
    for (const file of files) {
      const rel = `${key}/${file}`;
      const result = parseTemplate(
        rel,
        readFileSync(/*turbopackIgnore: true*/ path.join(/*turbopackIgnore: true*/ dir, key, file), "utf8"),
      );
      problems.push(...result.problems);
      if (!result.template) continue;
      if (result.template.frontmatter.category !== key) {
        problems.push({
          file: rel,
          field: "category",
          message: `is ${result.template.frontmatter.category} but the file is in ${key}/`,
        });
        continue;
      }
      templates.push(result.template);
    }
  }
  const slugs = new Map<string, number>();
  for (const t of templates) slugs.set(t.slug, (slugs.get(t.slug) ?? 0) + 1);
  for (const t of templates) {
    const file = `${t.frontmatter.category}/${t.slug}`;
    if (slugs.get(t.slug)! > 1)
      problems.push({ file, field: "file", message: `slug ${t.slug} is used twice` });
    for (const r of t.frontmatter.related) {
      if (!slugs.has(r))
        problems.push({ file, field: "related", message: `names ${r}, which is not a template` });
      if (r === t.slug) problems.push({ file, field: "related", message: "names the template itself" });
    }
  }
  return { templates, problems };
}
