import type { Token, Tokens } from "marked";
import { chartSvg } from "./chart";
import { decodeEntities, lexDocument, safeHref, type DocToken } from "./document";

// Bars take the page's CSS `color` on the figure, so the web view follows the theme.
const CHART_COLOR = "currentColor";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** marked leaves entity references as written; decode then escape so `&amp;` and `&` both end up as `&amp;`. */
function text(raw: string): string {
  return escapeHtml(decodeEntities(raw));
}

function inline(tokens: Token[] | undefined): string {
  let out = "";
  for (const token of tokens ?? []) {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case "strong":
        out += `<strong>${inline(t.tokens)}</strong>`;
        break;
      case "em":
        out += `<em>${inline(t.tokens)}</em>`;
        break;
      case "del":
        out += `<del>${inline(t.tokens)}</del>`;
        break;
      case "codespan":
        out += `<code>${text(t.text as string)}</code>`;
        break;
      case "br":
        out += "<br>";
        break;
      case "checkbox":
        out += `<input type="checkbox" disabled${t.checked ? " checked" : ""}> `;
        break;
      case "link": {
        const href = safeHref(t.href as string);
        const label = inline(t.tokens);
        out += href ? `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${label}</a>` : label;
        break;
      }
      case "image":
        // Remote images are not loaded from template content; the alt text stands in.
        out += text((t.text as string) || "");
        break;
      default:
        // text, escape and inline html: raw HTML is shown as the literal characters the author typed.
        out += t.tokens && t.type === "text" ? inline(t.tokens) : text(String(t.text ?? t.raw ?? ""));
    }
  }
  return out;
}

function slugify(value: string): string {
  return (
    value
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^a-z0-9\s-]/g, "")
      .trim()
      .replace(/[\s-]+/g, "-") || "section"
  );
}

function plain(tokens: Token[] | undefined): string {
  return (tokens ?? [])
    .map((t) => {
      const g = t as Tokens.Generic;
      return g.tokens ? plain(g.tokens) : decodeEntities(String(g.text ?? ""));
    })
    .join("");
}

function table(token: Tokens.Table): string {
  const align = (a: string | null) => (a ? ` class="align-${a}"` : "");
  const head = token.header.map((c) => `<th scope="col"${align(c.align)}>${inline(c.tokens)}</th>`).join("");
  const rows = token.rows
    .map((row) => `<tr>${row.map((c) => `<td${align(c.align)}>${inline(c.tokens)}</td>`).join("")}</tr>`)
    .join("\n");
  return `<div class="table-wrap"><table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>`;
}

function list(token: Tokens.List, slugs: Map<string, number>): string {
  const tag = token.ordered ? "ol" : "ul";
  const start = token.ordered && token.start !== "" && token.start !== 1 ? ` start="${token.start}"` : "";
  const items = token.items.map((item) => {
    const cls = item.task ? ' class="task"' : "";
    return `<li${cls}>${blocks(item.tokens as DocToken[], slugs, !item.loose)}</li>`;
  });
  return `<${tag}${start}>\n${items.join("\n")}\n</${tag}>`;
}

function block(token: DocToken, slugs: Map<string, number>, tight: boolean): string {
  switch (token.type) {
    case "guidance":
      return `<aside class="guidance">${blocks(token.tokens as DocToken[], slugs, false)}</aside>`;
    case "chart":
      return token.spec
        ? `<figure class="chart">${chartSvg(token.spec, CHART_COLOR)}</figure>`
        : `<p class="chart-error">This chart could not be displayed.</p>`;
    case "heading": {
      const t = token as Tokens.Heading;
      const base = slugify(plain(t.tokens));
      const seen = slugs.get(base) ?? 0;
      slugs.set(base, seen + 1);
      const id = seen ? `${base}-${seen}` : base;
      return `<h${t.depth} id="${id}">${inline(t.tokens)}</h${t.depth}>`;
    }
    case "paragraph":
      return `<p>${inline(token.tokens)}</p>`;
    case "text":
      return tight ? inline(token.tokens ?? [token]) : `<p>${inline(token.tokens ?? [token])}</p>`;
    case "blockquote":
      return `<blockquote>${blocks(token.tokens as DocToken[], slugs, false)}</blockquote>`;
    case "list":
      return list(token as Tokens.List, slugs);
    case "table":
      return table(token as Tokens.Table);
    case "hr":
      return "<hr>";
    case "code": {
      const lang = (token as Tokens.Code).lang?.trim();
      const cls = lang && /^[\w-]+$/.test(lang) ? ` class="language-${lang}"` : "";
      return `<pre><code${cls}>${escapeHtml(String(token.text))}</code></pre>`;
    }
    case "html":
      // Block-level raw HTML is never passed through; the reader sees what was typed.
      return `<p>${escapeHtml(String(token.text))}</p>`;
    case "space":
    case "def":
      return "";
    default:
      return `<p>${escapeHtml(String(token.raw ?? ""))}</p>`;
  }
}

function blocks(tokens: DocToken[], slugs: Map<string, number>, tight: boolean): string {
  return tokens
    .map((t) => block(t, slugs, tight))
    .filter(Boolean)
    .join("\n");
}

/** Template markdown as safe HTML for the web page: no raw HTML, only http(s)/mailto links. */
export function renderHtml(markdown: string, options: { includeGuidance: boolean }): string {
  return blocks(lexDocument(markdown, options), new Map(), false);
}
