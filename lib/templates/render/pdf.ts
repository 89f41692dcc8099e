import PDFDocument from "pdfkit";
import type { Token, Tokens } from "marked";
import { chartLayout } from "./chart";
import {
  LEGAL_NOTICE,
  brandColor,
  inlineRuns,
  lexDocument,
  plainText,
  tintColor,
  type ChartSpec,
  type DocToken,
  type InlineRun,
  type RenderDocument,
} from "./document";

const MARGINS = { top: 76, bottom: 66, left: 54, right: 54 };
const BODY = 10.5;
const SMALL = 9;
const INK = "#1f2937";
const MUTED = "#6b7280";
const RULE = "#9ca3af";
const LEADING = 1.32;

// The standard 14 fonts only encode WinAnsi; anything else would print as garbage, so map what templates
// commonly use to ASCII stand-ins and strip the rest.
// prettier-ignore
const STAND_INS: Record<string, string> = {
  "☐": "[ ]", "☑": "[x]", "☒": "[x]", "□": "[ ]", "✓": "v", "✔": "v", "✗": "x", "✘": "x",
  "→": "->", "←": "<-", "↔": "<->", "⇒": "=>", "≥": ">=", "≤": "<=", "≠": "!=", "≈": "~",
  "−": "-", "‐": "-", "‑": "-", "\u00a0": " ", "\t": "    ", "★": "*", "☆": "*", "◦": "-",
  "▪": "-", "■": "-", "′": "'", "″": '"',
};
const WIN_ANSI_EXTRA = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

/** Text the standard Helvetica fonts can show: stand-ins for common symbols, other characters dropped. */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const ch of text.normalize("NFC")) {
    const code = ch.codePointAt(0)!;
    if ((code >= 0x20 && code < 0x7f) || (code >= 0xa1 && code <= 0xff) || ch === "\n") out += ch;
    else if (STAND_INS[ch] !== undefined) out += STAND_INS[ch];
    else if (WIN_ANSI_EXTRA.includes(ch)) out += ch;
  }
  return out;
}

const runsOf = (text: string): InlineRun[] => [
  { text, bold: false, italic: false, code: false, strike: false },
];

interface Seg {
  text: string;
  font: string;
  color: string;
  href?: string;
  strike?: boolean;
}
type Line = Seg[];
interface TextStyle {
  size: number;
  color: string;
  bold?: boolean;
  italic?: boolean;
}

function fontOf(run: Pick<InlineRun, "bold" | "italic" | "code">, style: TextStyle): string {
  if (run.code) return "Courier";
  const bold = run.bold || style.bold;
  const italic = run.italic || style.italic;
  return `Helvetica${bold && italic ? "-BoldOblique" : bold ? "-Bold" : italic ? "-Oblique" : ""}`;
}

class Writer {
  y = MARGINS.top;
  readonly left = MARGINS.left;
  readonly width: number;
  readonly bottom: number;

  constructor(
    readonly pdf: PDFKit.PDFDocument,
    readonly color: string,
  ) {
    this.width = pdf.page.width - MARGINS.left - MARGINS.right;
    this.bottom = pdf.page.height - MARGINS.bottom;
  }

  newPage(): void {
    this.pdf.addPage();
    this.y = MARGINS.top;
  }

  /** Starts a new page when `height` does not fit; returns whether it did. */
  ensure(height: number): boolean {
    if (this.y + height <= this.bottom || this.y === MARGINS.top) return false;
    this.newPage();
    return true;
  }

  measure(text: string, font: string, size: number): number {
    return this.pdf.font(font).fontSize(size).widthOfString(text);
  }

  /** Greedy word wrap over styled runs; words longer than a line are cut by character. */
  wrap(runs: InlineRun[], width: number, style: TextStyle): Line[] {
    const lines: Line[] = [];
    let line: Line = [];
    let used = 0;
    let space = false;
    const push = (seg: Seg) => {
      const last = line[line.length - 1];
      if (last && last.font === seg.font && last.href === seg.href && last.strike === seg.strike)
        last.text += seg.text;
      else line.push(seg);
    };
    const flush = () => {
      lines.push(line);
      line = [];
      used = 0;
      space = false;
    };
    for (const run of runs) {
      const font = fontOf(run, style);
      const base = { font, color: run.href ? this.color : style.color, href: run.href, strike: run.strike };
      for (const piece of toWinAnsi(run.text).split(/(\n|[^\S\n]+)/)) {
        if (piece === "\n") flush();
        // Code keeps its spaces (indentation matters there); elsewhere a run of spaces is one break point.
        else if (/^\s+$/.test(piece) && !run.code) space = line.length > 0;
        else if (piece) {
          let word = piece;
          let w = this.measure(word, font, style.size);
          const gap = space ? this.measure(" ", font, style.size) : 0;
          if (line.length && used + gap + w > width) flush();
          else if (space) {
            push({ ...base, text: " " });
            used += gap;
          }
          while (w > width && word.length > 1) {
            let cut = word.length - 1;
            while (cut > 1 && this.measure(word.slice(0, cut), font, style.size) > width - used) cut--;
            push({ ...base, text: word.slice(0, cut) });
            flush();
            word = word.slice(cut);
            w = this.measure(word, font, style.size);
          }
          push({ ...base, text: word });
          used += w;
          space = false;
        }
      }
    }
    if (line.length || !lines.length) lines.push(line);
    return lines;
  }

  drawLine(line: Line, x: number, y: number, size: number): void {
    let cursor = x;
    for (const seg of line) {
      const options = { lineBreak: false, link: seg.href, underline: Boolean(seg.href), strike: seg.strike };
      this.pdf.font(seg.font).fontSize(size).fillColor(seg.color).text(seg.text, cursor, y, options);
      cursor += this.pdf.widthOfString(seg.text);
    }
  }

  /** Flowing text: each line moves to the next page on its own when the page is full. */
  write(lines: Line[], x: number, size: number): void {
    const height = size * LEADING;
    for (const line of lines) {
      this.ensure(height);
      this.drawLine(line, x, this.y, size);
      this.y += height;
    }
  }

  /** Lines in a shaded box with a coloured left bar; the box splits across pages between lines. */
  box(lines: Line[], x: number, size: number, fill: string, bar: string): void {
    const height = size * LEADING;
    const pad = 8;
    let index = 0;
    while (index < lines.length) {
      this.ensure(height + 2 * pad);
      const fit = Math.max(1, Math.floor((this.bottom - this.y - 2 * pad) / height));
      const chunk = lines.slice(index, index + fit);
      const boxHeight = chunk.length * height + 2 * pad;
      const width = this.left + this.width - x;
      this.pdf.rect(x, this.y, width, boxHeight).fill(fill);
      this.pdf.rect(x, this.y, 3, boxHeight).fill(bar);
      chunk.forEach((line, i) => this.drawLine(line, x + pad + 6, this.y + pad + i * height, size));
      this.y += boxHeight;
      index += chunk.length;
      if (index < lines.length) this.newPage();
    }
    this.y += 8;
  }
}

/** Lines for a quote or guidance box: its paragraphs and list items, one after another. */
function boxLines(w: Writer, tokens: Token[], width: number, style: TextStyle): Line[] {
  const lines: Line[] = [];
  for (const token of tokens) {
    const t = token as Tokens.Generic;
    if (t.type === "space") continue;
    if (lines.length) lines.push([]);
    if (t.type === "list") {
      (t as Tokens.List).items.forEach((item, i) => {
        const marker = t.ordered ? `${Number(t.start || 1) + i}. ` : "• ";
        lines.push(...w.wrap([...runsOf(marker), ...inlineRuns(item.tokens)], width, style));
      });
    } else if (t.type === "paragraph" || t.type === "text")
      lines.push(...w.wrap(inlineRuns(t.tokens), width, style));
    else lines.push(...w.wrap(runsOf(String(t.text ?? t.raw)), width, style));
  }
  return lines;
}

const CELL_PAD = 4;
const CELL_LINE = SMALL * LEADING;

/** Natural (one-line) and minimum (longest word) widths per column, turned into widths that fill `width`. */
function tableWidths(w: Writer, token: Tokens.Table, width: number): number[] {
  const columns = token.header.length;
  const natural = Array.from({ length: columns }, () => 0);
  const minimum = Array.from({ length: columns }, () => 0);
  [token.header, ...token.rows].forEach((row, r) =>
    row.slice(0, columns).forEach((cell, c) => {
      const font = r === 0 ? "Helvetica-Bold" : "Helvetica";
      const text = toWinAnsi(plainText(cell.tokens));
      const oneLine = Math.min(w.measure(text, font, SMALL), width * 0.6);
      const longest = text.split(/\s+/).reduce((m, word) => Math.max(m, w.measure(word, font, SMALL)), 0);
      natural[c] = Math.max(natural[c]!, oneLine + 2 * CELL_PAD);
      minimum[c] = Math.max(minimum[c]!, Math.min(longest, width / columns) + 2 * CELL_PAD, 24);
    }),
  );
  return columnWidths(natural, minimum, width);
}

/** Draws lines `from`..`from + count` of each cell as one row at the writer's position. */
function drawRow(
  w: Writer,
  x: number,
  widths: number[],
  cells: Line[][],
  from: number,
  count: number,
  shaded: boolean,
): void {
  const height = count * CELL_LINE + 2 * CELL_PAD;
  let cx = x;
  cells.forEach((cell, c) => {
    const cw = widths[c]!;
    if (shaded) w.pdf.rect(cx, w.y, cw, height).fill(tintColor(w.color, 0.88));
    w.pdf.rect(cx, w.y, cw, height).lineWidth(0.5).stroke(RULE);
    cell
      .slice(from, from + count)
      .forEach((line, i) => w.drawLine(line, cx + CELL_PAD, w.y + CELL_PAD + i * CELL_LINE, SMALL));
    cx += cw;
  });
  w.y += height;
}

function drawTable(w: Writer, token: Tokens.Table, x: number): void {
  const widths = tableWidths(w, token, w.left + w.width - x);
  const wrapRow = (row: Tokens.TableCell[], bold: boolean) =>
    widths.map((cw, c) =>
      w.wrap(inlineRuns(row[c]?.tokens), cw - 2 * CELL_PAD, { size: SMALL, color: INK, bold }),
    );
  // A header is repeated on every page a table spans, so it is capped to leave room for rows.
  const header = wrapRow(token.header, true).map((cell) => cell.slice(0, 8));
  const headerLines = Math.max(...header.map((cell) => cell.length));
  const drawHeader = () => drawRow(w, x, widths, header, 0, headerLines, true);
  const pageCapacity = Math.floor(
    (w.bottom - MARGINS.top - headerLines * CELL_LINE - 4 * CELL_PAD) / CELL_LINE,
  );
  w.ensure((headerLines + 1) * CELL_LINE + 4 * CELL_PAD);
  drawHeader();
  for (const row of token.rows) {
    const cells = wrapRow(row, false);
    let offset = 0;
    let remaining = Math.max(1, ...cells.map((cell) => cell.length));
    for (;;) {
      const fit = Math.floor((w.bottom - w.y - 2 * CELL_PAD) / CELL_LINE);
      if (remaining <= fit) {
        drawRow(w, x, widths, cells, offset, remaining, false);
        break;
      }
      // Move the whole row when it fits on a fresh page; split only rows taller than a page.
      if (remaining > pageCapacity && fit >= 2) {
        drawRow(w, x, widths, cells, offset, fit, false);
        offset += fit;
        remaining -= fit;
      }
      w.newPage();
      drawHeader();
    }
  }
  w.y += 10;
}

/** Widths follow content: natural widths when they fit, else minimums plus a share of what is left. */
function columnWidths(natural: number[], minimum: number[], width: number): number[] {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  if (sum(natural) <= width) return natural.map((n) => (n / sum(natural)) * width);
  if (sum(minimum) >= width) return minimum.map((m) => (m / sum(minimum)) * width);
  const extra = natural.map((n, i) => Math.max(0, n - minimum[i]!));
  const spare = width - sum(minimum);
  return minimum.map((m, i) => m + (sum(extra) ? (extra[i]! / sum(extra)) * spare : spare / minimum.length));
}

function drawChart(w: Writer, spec: ChartSpec | null, x: number): void {
  const size = SMALL;
  if (!spec || spec.points.length === 0) {
    const message = spec ? `${spec.title}: No data` : "This chart could not be displayed.";
    w.write(w.wrap(runsOf(message), w.width, { size, color: MUTED }), x, size);
    w.y += 6;
    return;
  }
  const row = 18;
  const width = w.left + w.width - x;
  const labelWidth = width * 0.3;
  const valueWidth = 70;
  const plot = width - labelWidth - valueWidth - 16;
  const layout = chartLayout(spec);
  w.ensure(Math.min(24 + layout.bars.length * row, w.bottom - MARGINS.top));
  w.write(w.wrap(runsOf(spec.title), width, { size: BODY, color: INK, bold: true }), x, BODY);
  const plotX = x + labelWidth + 8;
  const zeroX = plotX + layout.zero * plot;
  for (const bar of layout.bars) {
    w.ensure(row);
    const label = toWinAnsi(bar.label);
    w.pdf.font("Helvetica").fontSize(size).fillColor(INK);
    w.pdf.text(label, x, w.y + 4, {
      width: labelWidth,
      height: row,
      ellipsis: true,
      lineBreak: false,
      align: "right",
    });
    const barX = plotX + bar.start * plot;
    const barWidth = Math.max((bar.end - bar.start) * plot, bar.value === 0 ? 0 : 1);
    w.pdf.rect(barX, w.y + 3, barWidth, row - 6).fill(bar.value < 0 ? tintColor(w.color, 0.4) : w.color);
    // Negative bars grow left from zero, so their value sits just right of the zero line.
    const valueX = bar.value < 0 ? zeroX + 4 : barX + barWidth + 4;
    w.pdf
      .font("Helvetica")
      .fontSize(size)
      .fillColor(INK)
      .text(toWinAnsi(bar.display), valueX, w.y + 4, { lineBreak: false });
    w.y += row;
  }
  w.pdf
    .moveTo(zeroX, w.y - layout.bars.length * row)
    .lineTo(zeroX, w.y)
    .lineWidth(0.5)
    .stroke(MUTED);
  w.y += 10;
}

function drawList(w: Writer, token: Tokens.List, x: number, depth: number): void {
  const indent = 16;
  const lineHeight = BODY * LEADING;
  token.items.forEach((item, i) => {
    w.ensure(lineHeight);
    const marker = token.ordered ? `${Number(token.start || 1) + i}.` : ["•", "–", "·"][depth % 3]!;
    w.pdf.font("Helvetica").fontSize(BODY).fillColor(INK).text(marker, x, w.y, { lineBreak: false });
    const start = w.y;
    drawBlocks(w, item.tokens as DocToken[], x + indent, depth + 1, !item.loose);
    if (w.y === start) w.y += lineHeight;
  });
  if (depth === 0) w.y += 4;
}

function drawHeading(w: Writer, token: Tokens.Heading, x: number): void {
  const size = token.depth <= 2 ? 15 : token.depth === 3 ? 12.5 : 11;
  w.y += token.depth <= 2 ? 10 : 6;
  const lines = w.wrap(inlineRuns(token.tokens), w.left + w.width - x, { size, color: w.color, bold: true });
  // Keep a heading with at least two lines of what follows it.
  w.ensure(lines.length * size * LEADING + 2 * BODY * LEADING);
  lines.forEach((line) => line.forEach((seg) => (seg.color = w.color)));
  w.write(lines, x, size);
  w.y += 3;
}

function drawBlock(w: Writer, token: DocToken, x: number, depth: number, tight: boolean): void {
  const width = w.left + w.width - x;
  const body = { size: BODY, color: INK };
  switch (token.type) {
    case "heading":
      return drawHeading(w, token as Tokens.Heading, x);
    case "paragraph":
    case "text":
      w.write(w.wrap(inlineRuns(token.tokens ?? [token as Token]), width, body), x, BODY);
      w.y += tight ? 1 : 6;
      return;
    case "list":
      return drawList(w, token as Tokens.List, x, depth);
    case "table":
      return drawTable(w, token as Tokens.Table, x);
    case "chart":
      return drawChart(w, token.spec, x);
    case "guidance":
    case "blockquote": {
      const guidance = token.type === "guidance";
      const lines = boxLines(w, token.tokens ?? [], width - 22, {
        size: SMALL + 0.5,
        color: INK,
        italic: !guidance,
      });
      const fill = guidance ? tintColor(w.color, 0.9) : "#f3f4f6";
      return w.box(lines, x, SMALL + 0.5, fill, guidance ? w.color : RULE);
    }
    case "code": {
      const runs = runsOf(String(token.text)).map((r) => ({ ...r, code: true }));
      return w.box(w.wrap(runs, width - 22, { size: SMALL, color: INK }), x, SMALL, "#f3f4f6", RULE);
    }
    case "hr":
      w.ensure(14);
      w.pdf
        .moveTo(x, w.y + 6)
        .lineTo(w.left + w.width, w.y + 6)
        .lineWidth(0.5)
        .stroke(RULE);
      w.y += 14;
      return;
    case "html":
      w.write(w.wrap(runsOf(String(token.text)), width, body), x, BODY);
      w.y += 6;
      return;
  }
}

function drawBlocks(w: Writer, tokens: DocToken[], x: number, depth: number, tight: boolean): void {
  for (const token of tokens) drawBlock(w, token, x, depth, tight);
}

function drawTitle(w: Writer, doc: RenderDocument): void {
  w.write(w.wrap(runsOf(doc.title), w.width, { size: 22, color: INK, bold: true }), w.left, 22);
  if (doc.subtitle) w.write(w.wrap(runsOf(doc.subtitle), w.width, { size: 13, color: MUTED }), w.left, 13);
  w.write(
    w.wrap(runsOf(`Generated ${doc.generatedOn}`), w.width, { size: SMALL, color: MUTED }),
    w.left,
    SMALL,
  );
  w.y += 10;
  if (doc.legalNotice) {
    const lines = w.wrap(runsOf(LEGAL_NOTICE), w.width - 22, { size: SMALL + 0.5, color: INK, bold: true });
    w.box(lines, w.left, SMALL + 0.5, "#fef3c7", "#b45309");
  }
}

/** Header and footer go on after layout, when the page count is known. */
function stampPages(w: Writer, doc: RenderDocument, logo: unknown): void {
  const { pdf } = w;
  const range = pdf.bufferedPageRange();
  const footer = toWinAnsi(doc.branding.footerText || doc.branding.companyName);
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Text below the bottom margin would make pdfkit open a page; lift the margin while stamping.
    pdf.page.margins.bottom = 0;
    if (logo) pdf.image(logo as Buffer, w.left, 26, { fit: [150, 28] });
    else
      pdf
        .font("Helvetica-Bold")
        .fontSize(12)
        .fillColor(w.color)
        .text(toWinAnsi(doc.branding.companyName), w.left, 34, { lineBreak: false });
    pdf
      .moveTo(w.left, 60)
      .lineTo(w.left + w.width, 60)
      .lineWidth(1)
      .stroke(w.color);
    const y = pdf.page.height - 44;
    pdf
      .moveTo(w.left, y - 8)
      .lineTo(w.left + w.width, y - 8)
      .lineWidth(0.5)
      .stroke(RULE);
    pdf.font("Helvetica").fontSize(8).fillColor(MUTED);
    pdf.text(footer, w.left, y, { width: w.width / 2, lineBreak: false, ellipsis: true, height: 10 });
    pdf.text(doc.generatedOn, w.left, y, { width: w.width, align: "center", lineBreak: false });
    pdf.text(`Page ${i - range.start + 1} of ${range.count}`, w.left, y, {
      width: w.width,
      align: "right",
      lineBreak: false,
    });
    pdf.page.margins.bottom = MARGINS.bottom;
  }
}

/** pdfkit hashes every info key it is given and fails on an undefined one, so absent keys are left out. */
function documentInfo(doc: RenderDocument): PDFKit.DocumentInfo {
  // Info strings are written as UTF-16 by pdfkit, so they keep characters the page fonts cannot show.
  const info: PDFKit.DocumentInfo = {
    Title: doc.title,
    Author: doc.branding.companyName,
    Creator: "PartnerOS",
  };
  if (doc.subtitle) info.Subject = doc.subtitle;
  const date = new Date(`${doc.generatedOn}T00:00:00Z`);
  if (!Number.isNaN(date.getTime())) info.CreationDate = date;
  return info;
}

/** A logo pdfkit cannot read falls back to the company name rather than failing the export. */
function openLogo(pdf: PDFKit.PDFDocument, data: Buffer | undefined): unknown {
  if (!data) return null;
  try {
    // openImage is public in pdfkit but missing from its types; one image object serves every page.
    return (pdf as unknown as { openImage(src: Buffer): unknown }).openImage(data);
  } catch {
    return null;
  }
}

/** Renders a filled template as a branded Letter PDF. */
export async function renderPdf(doc: RenderDocument): Promise<Buffer> {
  const pdf = new PDFDocument({
    size: "LETTER",
    margins: MARGINS,
    bufferPages: true,
    info: documentInfo(doc),
  });
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });
  const w = new Writer(pdf, brandColor(doc.branding.primaryColor));
  const logo = openLogo(pdf, doc.branding.logo?.data);
  drawTitle(w, doc);
  drawBlocks(w, lexDocument(doc.markdown, { includeGuidance: doc.includeGuidance }), w.left, 0, false);
  stampPages(w, doc, logo);
  pdf.end();
  return done;
}
