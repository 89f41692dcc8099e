import { formatSourceDate } from "./format";
import type { TemplateFrontmatter, TemplateVariable } from "./schema";
import { VARIABLE_SOURCES } from "./schema";
import type { SourceValues } from "./sources-types";

export type FillValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

const isBlock = (v: TemplateVariable) => v.type === "table" || v.type === "chart";

/** Starting values of a form: the live source, else the default, else empty (blocks always come live). */
export function initialValues(fm: TemplateFrontmatter, sources: SourceValues): FillValues {
  const out: FillValues = {};
  for (const v of fm.variables) {
    if (isBlock(v)) continue;
    const live = v.source ? sources[v.source] : undefined;
    out[v.name] = live ?? (v.default === undefined ? "" : String(v.default));
  }
  return out;
}

/** What the library shows as an example fill: live values where given, else examples and defaults. */
export function exampleValues(fm: TemplateFrontmatter, sources: SourceValues): FillValues {
  const out: FillValues = {};
  for (const v of fm.variables) {
    if (isBlock(v)) continue;
    const live = v.source ? sources[v.source] : undefined;
    const fallback = v.example ?? v.default;
    out[v.name] = live ?? (fallback === undefined ? "" : String(fallback));
  }
  return out;
}

/**
 * Whether the form must get a value: a document never prints a placeholder, so a field is needed unless
 * the template says what to print without it (`missing`) or it is free text that may simply be left out.
 */
export function needsValue(v: TemplateVariable): boolean {
  if (isBlock(v)) return false;
  return v.required || (v.missing === undefined && v.type !== "longtext");
}

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const NUMBER = /^-?\d+(?:[.,]\d+)*(?:\.\d+)?$/;

// Live figures read "n/a" when they cannot be computed (no revenue last quarter, no closed deals).
const NOT_APPLICABLE = /^n\/a$/i;

function typeError(v: TemplateVariable, raw: string): string | null {
  const value = raw.trim();
  if (["number", "percent", "currency"].includes(v.type) && NOT_APPLICABLE.test(value)) return null;
  switch (v.type) {
    case "email":
      return EMAIL.test(value) ? null : "Enter an email address like name@company.com";
    case "url":
      return /^https?:\/\/[^\s.]+\.[^\s]+$/.test(value) ? null : "Enter a web address starting with https://";
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
        ? null
        : "Enter a date as YYYY-MM-DD";
    case "number":
      return NUMBER.test(value.replace(/\s/g, "")) ? null : "Enter a number";
    case "percent":
      return /^-?\d+(?:\.\d+)?\s*%?$/.test(value) ? null : "Enter a percentage such as 25 or 25%";
    case "currency":
      return /^[^\d-]{0,4}\s?-?\d[\d,]*(?:\.\d{1,2})?\s?[A-Z]{0,3}$/.test(value)
        ? null
        : "Enter an amount such as $12,500 or 12500.00";
    case "select":
      return v.options?.includes(value) ? null : `Choose one of: ${v.options?.join(", ")}`;
    default:
      return null;
  }
}

/** Field errors keyed by variable name; an empty object means the values can be saved. */
export function validateValues(fm: TemplateFrontmatter, values: FillValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const v of fm.variables) {
    const value = values[v.name] ?? "";
    if (isBlock(v)) continue;
    if (!value.trim()) {
      if (needsValue(v)) errors[v.name] = `${v.label} is required`;
      continue;
    }
    if (value.length > (v.type === "longtext" ? 10_000 : 500)) {
      errors[v.name] = `${v.label} is too long`;
      continue;
    }
    const problem = typeError(v, value);
    if (problem) errors[v.name] = problem;
  }
  for (const name of Object.keys(values)) {
    if (!fm.variables.some((v) => v.name === name)) errors[name] = "This template has no such field";
  }
  return errors;
}

/** Text typed into a form must read as text in the document, not as Markdown or HTML. */
export function escapeInline(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/([*_`[\]|<>#~])/g, "\\$1")
    .replace(/\r?\n/g, " ");
}

function escapeLongtext(value: string): string {
  return value
    .split(/\r?\n/)
    .map((line) => line.replace(/\\/g, "\\\\").replace(/([*_`[\]|<>~])/g, "\\$1").replace(/^(\s*)(#|>|-|\+|\d+\.)/, "$1\\$2"))
    .join("\n");
}

function display(v: TemplateVariable, value: string): string {
  if (v.type === "date") return escapeInline(formatSourceDate(value));
  if (v.type === "percent" && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return `${value.trim()}%`;
  if (v.type === "longtext") return escapeLongtext(value);
  return escapeInline(value);
}

// Innermost first: a section without another {{#if}} / {{#unless}} inside it.
const SECTION =
  /\{\{#(if|unless)\s+([a-z][a-z0-9_]*)\s*\}\}((?:(?!\{\{#(?:if|unless)\s)[\s\S])*?)(?:\{\{else\}\}((?:(?!\{\{#(?:if|unless)\s)[\s\S])*?))?\{\{\/\1\}\}/;

/**
 * `{{#if name}}…{{else}}…{{/if}}` (and `{{#unless}}`) keep the first part when the variable has a value
 * and the second otherwise, so a section can say plainly what is missing instead of printing a gap.
 */
function resolveSections(body: string, has: (name: string) => boolean): string {
  let out = body;
  for (let match = SECTION.exec(out); match; match = SECTION.exec(out)) {
    const [whole, kind, name, yes, no = ""] = match;
    const keep = (kind === "if") === has(name!) ? yes! : no;
    out = out.slice(0, match.index) + keep + out.slice(match.index + whole.length);
  }
  return out;
}

/** What a field prints without a value: the template's own sentence, nothing for free text, else a blank line to complete. */
function missingText(v: TemplateVariable): string {
  if (v.missing !== undefined) return escapeInline(v.missing);
  return v.type === "longtext" ? "" : "\\_\\_\\_\\_\\_\\_\\_\\_";
}

/** The document: sections resolved, every {{name}} replaced by its value (tables and charts as live Markdown blocks). */
export function fillMarkdown(fm: TemplateFrontmatter, body: string, values: FillValues, sources: SourceValues): string {
  const byName = new Map(fm.variables.map((v) => [v.name, v]));
  const valueOf = (v: TemplateVariable) => (isBlock(v) ? (v.source ? (sources[v.source] ?? "") : "") : (values[v.name] ?? ""));
  const has = (name: string) => {
    const v = byName.get(name);
    return v ? valueOf(v).trim() !== "" : false;
  };
  return resolveSections(body, has).replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
    const v = byName.get(name);
    if (!v) return whole;
    const value = valueOf(v);
    if (isBlock(v)) return value;
    return value.trim() ? display(v, value) : missingText(v);
  });
}

export const isBlockSource = (source: string) =>
  Object.hasOwn(VARIABLE_SOURCES, source) && ["table", "chart"].includes(VARIABLE_SOURCES[source as keyof typeof VARIABLE_SOURCES]);
