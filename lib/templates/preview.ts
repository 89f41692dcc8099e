import { renderHtml } from "./render/html";
import type { TemplateFrontmatter } from "./schema";

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The template as written, with each variable shown as a labelled chip and tables/charts as placeholders. */
export function templateHtml(fm: TemplateFrontmatter, body: string): string {
  const byName = new Map(fm.variables.map((v) => [v.name, v]));
  const html = renderHtml(body, { includeGuidance: true });
  return html
    .replace(/<p>\{\{\s*([a-z][a-z0-9_]*)\s*\}\}<\/p>/g, (whole, name: string) => {
      const v = byName.get(name);
      if (!v || (v.type !== "table" && v.type !== "chart")) return whole;
      return `<div class="template-block">Live ${v.type}: ${esc(v.label)} (filled from the database)</div>`;
    })
    .replace(/\{\{\s*([a-z][a-z0-9_]*)\s*\}\}/g, (whole, name: string) => {
      const v = byName.get(name);
      if (!v) return whole;
      const hint = v.source ? `Filled from ${v.source}` : v.required ? "Required" : "Optional";
      return `<mark class="template-var" title="${esc(hint)}">${esc(v.label)}</mark>`;
    });
}
