import { marked, type Token, type Tokens } from "marked";

/** A bar chart embedded in a template as a ```chart fenced block holding this JSON. */
export interface ChartSpec {
  title: string;
  format: "currency" | "number" | "percent";
  currency?: string;
  /** `value` is in major units (dollars, not cents); percent values are percentage points (12.5 = 12.5%). */
  points: { label: string; value: number }[];
}

export interface Branding {
  companyName: string;
  primaryColor: string;
  logo: { data: Buffer; type: "png" | "jpeg" } | null;
  footerText?: string;
}

export interface RenderDocument {
  title: string;
  subtitle?: string;
  markdown: string;
  includeGuidance: boolean;
  legalNotice: boolean;
  branding: Branding;
  generatedOn: string;
}

export const LEGAL_NOTICE = "This template is not legal advice. Have counsel review it before use.";
const FALLBACK_COLOR = "#1f4e79";

export interface ChartToken {
  type: "chart";
  raw: string;
  /** null when the block's JSON is not a valid ChartSpec; renderers show a short notice instead. */
  spec: ChartSpec | null;
}

export interface GuidanceToken {
  type: "guidance";
  raw: string;
  tokens: Token[];
}

/** Top-level blocks handed to the renderers: marked's tokens plus the two template-specific kinds. */
export type DocToken = Tokens.Generic | ChartToken | GuidanceToken;

export interface InlineRun {
  text: string;
  bold: boolean;
  italic: boolean;
  code: boolean;
  strike: boolean;
  /** Only set for http(s)/mailto destinations; other schemes are dropped and the text kept. */
  href?: string;
}

function isGuidance(token: Token): boolean {
  return token.type === "blockquote" && /^\s*\*\*Guidance:\*\*/.test((token as Tokens.Blockquote).text);
}

/** Lexes template markdown once; guidance notes are dropped unless asked for, chart blocks are parsed. */
export function lexDocument(markdown: string, options: { includeGuidance: boolean }): DocToken[] {
  const blocks: DocToken[] = [];
  for (const token of marked.lexer(markdown, { gfm: true, breaks: true })) {
    if (isGuidance(token)) {
      if (options.includeGuidance)
        blocks.push({ type: "guidance", raw: token.raw, tokens: (token as Tokens.Blockquote).tokens });
    } else if (token.type === "code" && (token as Tokens.Code).lang?.trim() === "chart") {
      blocks.push({ type: "chart", raw: token.raw, spec: parseChartSpec((token as Tokens.Code).text) });
    } else {
      blocks.push(token);
    }
  }
  return blocks;
}

/** Validates by hand rather than trusting JSON.parse: a malformed block must not crash an export. */
export function parseChartSpec(json: string): ChartSpec | null {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const d = data as Record<string, unknown>;
  const format = d.format ?? "number";
  if (format !== "currency" && format !== "number" && format !== "percent") return null;
  if (!Array.isArray(d.points)) return null;
  const points: ChartSpec["points"] = [];
  for (const p of d.points as unknown[]) {
    const point = (p ?? {}) as Record<string, unknown>;
    const value = typeof point.value === "string" ? Number(point.value) : point.value;
    if (typeof value !== "number" || !Number.isFinite(value)) return null;
    points.push({ label: String(point.label ?? ""), value });
  }
  const currency = typeof d.currency === "string" ? d.currency : undefined;
  return { title: typeof d.title === "string" ? d.title : "", format, currency, points };
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** marked keeps entity references as written (and escapes `\<` to `&lt;`); the PDF and DOCX need the characters. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code =
        body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

/** The link destinations any renderer may emit; everything else (javascript:, data:, relative) is dropped. */
export function safeHref(href: string | undefined): string | null {
  if (!href) return null;
  const trimmed = decodeEntities(href).trim();
  return /^(https?:\/\/|mailto:)/i.test(trimmed) ? trimmed : null;
}

type RunStyle = Omit<InlineRun, "text">;
const PLAIN: RunStyle = { bold: false, italic: false, code: false, strike: false };

/** Flattens marked inline tokens into styled text runs; raw HTML comes through as its literal text. */
export function inlineRuns(tokens: Token[] | undefined, style: RunStyle = PLAIN): InlineRun[] {
  const runs: InlineRun[] = [];
  for (const token of tokens ?? []) {
    const t = token as Tokens.Generic;
    switch (t.type) {
      case "strong":
        runs.push(...inlineRuns(t.tokens, { ...style, bold: true }));
        break;
      case "em":
        runs.push(...inlineRuns(t.tokens, { ...style, italic: true }));
        break;
      case "del":
        runs.push(...inlineRuns(t.tokens, { ...style, strike: true }));
        break;
      case "codespan":
        runs.push({ ...style, code: true, text: decodeEntities(t.text as string) });
        break;
      case "link": {
        const href = safeHref(t.href as string) ?? style.href;
        runs.push(...inlineRuns(t.tokens, href ? { ...style, href } : style));
        break;
      }
      case "image":
        runs.push({ ...style, text: decodeEntities((t.text as string) || "") });
        break;
      case "br":
        runs.push({ ...style, text: "\n" });
        break;
      case "checkbox":
        runs.push({ ...style, text: t.checked ? "[x] " : "[ ] " });
        break;
      default:
        if (t.tokens && t.type === "text") runs.push(...inlineRuns(t.tokens, style));
        // A soft line break inside a paragraph is a space in GFM; only `br` forces a new line.
        else runs.push({ ...style, text: decodeEntities(String(t.text ?? t.raw ?? "")).replace(/\n/g, " ") });
    }
  }
  return mergeRuns(runs);
}

/** Adjacent runs with one style become one, so `<script>` typed in a template stays one piece of text. */
function mergeRuns(runs: InlineRun[]): InlineRun[] {
  const merged: InlineRun[] = [];
  for (const run of runs) {
    const last = merged[merged.length - 1];
    const same =
      last &&
      last.text !== "\n" &&
      run.text !== "\n" &&
      last.bold === run.bold &&
      last.italic === run.italic &&
      last.code === run.code &&
      last.strike === run.strike &&
      last.href === run.href;
    if (same) last.text += run.text;
    else merged.push({ ...run });
  }
  return merged;
}

export function plainText(tokens: Token[] | undefined): string {
  return inlineRuns(tokens)
    .map((r) => r.text)
    .join("");
}

/** A colour the renderers can trust: `#rrggbb`, lower-case, or the house fallback. */
export function brandColor(hex: string): string {
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex.toLowerCase() : FALLBACK_COLOR;
}

/** Mixes a colour towards white; `amount` 0 keeps it, 1 gives white. Used for light shading. */
export function tintColor(hex: string, amount: number): string {
  const base = brandColor(hex);
  const channel = (i: number) => {
    const value = parseInt(base.slice(i, i + 2), 16);
    return Math.round(value + (255 - value) * amount)
      .toString(16)
      .padStart(2, "0");
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
