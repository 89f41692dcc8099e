import { parse as parseYaml } from "yaml";
import { templateFrontmatterSchema, type TemplateFrontmatter } from "./schema";

export type TemplateProblem = { file: string; field: string; message: string };

export type ParsedTemplate = {
  slug: string;
  frontmatter: TemplateFrontmatter;
  body: string;
};

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const VARIABLE_NAME = /^[a-z][a-z0-9_]*$/;

/** Placeholder styles other than `{{name}}` that would reach a reader unfilled. */
const FOREIGN_PLACEHOLDERS: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\[(?:[A-Z][A-Za-z0-9'&/-]*)(?: [A-Za-z0-9'&/-]+)*\](?!\()/, what: "a [Bracketed Placeholder]" },
  { pattern: /<<[^>]*>>/, what: "an <<angle placeholder>>" },
  { pattern: /(?<!\{)\{[A-Za-z_][^{}]*\}(?!\})/, what: "a {single-brace placeholder}" },
  { pattern: /\$\{[^}]*\}/, what: "a ${placeholder}" },
  { pattern: /\b(?:TBD|TODO|XXX+|INSERT)\b/, what: "a TBD/TODO/XXX/INSERT marker" },
  { pattern: /lorem ipsum/i, what: "lorem ipsum" },
];

export function slugFromFile(fileName: string): string {
  return fileName.replace(/^\d{2}-/, "").replace(/\.md$/, "");
}

export function splitFrontmatter(source: string): { yaml: string; body: string } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  return match ? { yaml: match[1]!, body: match[2]! } : null;
}

const SECTION_TAG = /^(?:#(?:if|unless)\s+(\S+)|else|\/(?:if|unless))$/;

/** Names used as `{{name}}` (or as the condition of `{{#if name}}` / `{{#unless name}}`) in the body, in order of first use. */
export function placeholdersIn(body: string): string[] {
  const names = new Set<string>();
  for (const m of body.matchAll(PLACEHOLDER)) {
    const section = SECTION_TAG.exec(m[1]!);
    if (!section) names.add(m[1]!);
    else if (section[1]) names.add(section[1]);
  }
  return [...names];
}

/** Every `{{#if}}` / `{{#unless}}` closes with its own `{{/if}}` / `{{/unless}}`, `{{else}}` only inside one. */
function sectionProblems(body: string): string[] {
  const open: string[] = [];
  const problems: string[] = [];
  for (const m of body.matchAll(PLACEHOLDER)) {
    const tag = m[1]!;
    const opening = /^#(if|unless)\s/.exec(tag);
    if (opening) open.push(opening[1]!);
    else if (tag === "else" && !open.length) problems.push("{{else}} outside a section");
    else if (tag.startsWith("/") && open.pop() !== tag.slice(1)) problems.push(`{{${tag}}} closes no open section`);
  }
  if (open.length) problems.push(`{{#${open.at(-1)}}} is never closed`);
  return problems;
}

function substanceProblems(body: string): string[] {
  const problems: string[] = [];
  const words = body.replace(PLACEHOLDER, "x").split(/\s+/).filter(Boolean).length;
  const sections = body.match(/^## .+$/gm)?.length ?? 0;
  if (words < 350) problems.push(`has ${words} words; a usable template has at least 350`);
  if (sections < 4) problems.push(`has ${sections} "## " sections; at least 4 are expected`);
  if (!/^> \*\*Guidance:\*\*/m.test(body)) problems.push('has no guidance note ("> **Guidance:** …")');
  if (!/^\|.+\|\s*$/m.test(body) && !/^\s*(?:[-*]|\d+\.) /m.test(body)) {
    problems.push("has neither a table nor a list");
  }
  if (/^# /m.test(body)) problems.push("uses a level-1 heading; the title comes from the frontmatter");
  return problems;
}

function foreignPlaceholderProblems(body: string): string[] {
  const problems: string[] = [];
  const withoutOwn = body.replace(PLACEHOLDER, "");
  withoutOwn.split("\n").forEach((line, i) => {
    if (/_{4,}/.test(line) && !/signature|initials|signed|date/i.test(line)) {
      problems.push(`line ${i + 1}: a ____ blank outside a signature line`);
    }
    for (const { pattern, what } of FOREIGN_PLACEHOLDERS) {
      const hit = pattern.exec(line);
      if (hit) problems.push(`line ${i + 1}: ${what} (${hit[0]})`);
    }
  });
  return problems;
}

/** Parses and checks one template source; problems name the field or line at fault. */
export function parseTemplate(
  file: string,
  source: string,
): { template: ParsedTemplate | null; problems: TemplateProblem[] } {
  const problems: TemplateProblem[] = [];
  const fileName = file.split("/").pop() ?? file;
  const push = (field: string, message: string) => problems.push({ file, field, message });
  if (!/^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*\.md$/.test(fileName)) push("file", "name must be NN-slug.md");
  const parts = splitFrontmatter(source);
  if (!parts) {
    push("frontmatter", "the file must open with a --- frontmatter block ---");
    return { template: null, problems };
  }
  let raw: unknown;
  try {
    raw = parseYaml(parts.yaml);
  } catch (error) {
    push("frontmatter", `invalid YAML: ${(error as Error).message.split("\n")[0]}`);
    return { template: null, problems };
  }
  const parsed = templateFrontmatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) push(issue.path.join(".") || "frontmatter", issue.message);
    return { template: null, problems };
  }
  const fm = parsed.data;
  const used = placeholdersIn(parts.body);
  const declared = new Set(fm.variables.map((v) => v.name));
  for (const name of used) {
    if (!VARIABLE_NAME.test(name)) push("body", `{{${name}}} is not a variable name`);
    else if (!declared.has(name)) push("body", `{{${name}}} is used but not declared in variables`);
  }
  for (const v of fm.variables) {
    if (!used.includes(v.name)) push(`variables.${v.name}`, "declared but never used in the body");
  }
  for (const message of sectionProblems(parts.body)) push("body", message);
  for (const message of substanceProblems(parts.body)) push("body", message);
  for (const message of foreignPlaceholderProblems(parts.body)) push("body", message);
  if (fm.category === "legal" && !fm.legal_notice)
    push("legal_notice", "legal templates carry the not-legal-advice notice");
  const template = problems.length
    ? null
    : { slug: slugFromFile(fileName), frontmatter: fm, body: parts.body };
  return { template, problems };
}
