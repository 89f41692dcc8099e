import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type ILevelsOptions,
  type IStylesOptions,
  type ParagraphChild,
} from "docx";
import type { Token, Tokens } from "marked";
import { formatChartValue } from "./chart";
import { chartPng, type ChartImage } from "./chart-png";
import {
  LEGAL_NOTICE,
  brandColor,
  inlineRuns,
  lexDocument,
  plainText,
  tintColor,
  type Branding,
  type ChartToken,
  type DocToken,
  type GuidanceToken,
  type InlineRun,
  type RenderDocument,
} from "./document";

// Letter with 0.75in margins: the text column is 7in = 10080 twips.
const TEXT_WIDTH = 10080;
const MARGIN = 1080;
const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "9CA3AF" };
const BORDERS = {
  top: BORDER,
  bottom: BORDER,
  left: BORDER,
  right: BORDER,
  insideHorizontal: BORDER,
  insideVertical: BORDER,
};
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

const hex = (color: string) => color.slice(1).toUpperCase();
const shade = (fill: string) => ({ type: ShadingType.CLEAR, color: "auto", fill: hex(fill) });

interface Context {
  color: string;
  /** Each list gets its own numbering instance so numbered lists restart at their own start. */
  nextInstance: number;
  starts: Set<number>;
  /** Chart images rendered before the document is built (rasterising is asynchronous). */
  charts: Map<ChartToken, ChartImage>;
}

function runs(
  items: InlineRun[],
  extra: { bold?: boolean; italics?: boolean; color?: string } = {},
): ParagraphChild[] {
  return items.map((run) => {
    const options = {
      text: run.text,
      // Only true flags are written: `false` would override the style's own bold (e.g. a header row).
      bold: run.bold || extra.bold || undefined,
      italics: run.italic || extra.italics || undefined,
      strike: run.strike || undefined,
      color: extra.color,
      font: run.code ? "Consolas" : undefined,
    };
    if (run.text === "\n") return new TextRun({ break: 1 });
    if (!run.href) return new TextRun(options);
    return new ExternalHyperlink({
      link: run.href,
      children: [new TextRun({ ...options, style: "Hyperlink" })],
    });
  });
}

function paragraph(tokens: Token[] | undefined, options: { indent?: number } = {}): Paragraph {
  return new Paragraph({
    children: runs(inlineRuns(tokens)),
    indent: options.indent ? { left: options.indent } : undefined,
  });
}

function list(token: Tokens.List, level: number, ctx: Context): FileChild[] {
  const start = token.ordered ? Number(token.start || 1) : 1;
  if (token.ordered) ctx.starts.add(start);
  const reference = token.ordered ? `numbers-${start}` : "bullets";
  const instance = ctx.nextInstance++;
  const out: FileChild[] = [];
  for (const item of token.items) {
    let first = true;
    for (const child of item.tokens) {
      if (child.type === "list") {
        out.push(...list(child as Tokens.List, Math.min(level + 1, 8), ctx));
        continue;
      }
      if (child.type === "space") continue;
      const numbering = first ? { reference, level, instance } : undefined;
      out.push(
        new Paragraph({
          children: runs(
            inlineRuns(child.type === "text" || child.type === "paragraph" ? child.tokens : [child]),
          ),
          numbering,
          indent: first ? undefined : { left: 720 * (level + 1) },
        }),
      );
      first = false;
    }
    // An empty item ("1. ") still takes its number, leaving a line to fill in.
    if (first) out.push(new Paragraph({ children: [], numbering: { reference, level, instance } }));
  }
  return out;
}

/** Column widths in twips, proportional to each column's longest cell, with a floor so none collapses. */
function columnWidths(token: Tokens.Table): number[] {
  const lengths = token.header.map((cell, c) =>
    Math.max(
      4,
      plainText(cell.tokens).length,
      ...token.rows.map((row) => Math.min(60, plainText(row[c]?.tokens).length)),
    ),
  );
  const total = lengths.reduce((a, b) => a + b, 0);
  return lengths.map((n) => Math.round((n / total) * TEXT_WIDTH));
}

function table(token: Tokens.Table, ctx: Context): Table {
  const widths = columnWidths(token);
  const cell = (tokens: Token[] | undefined, c: number, header: boolean) =>
    new TableCell({
      width: { size: widths[c] ?? 0, type: WidthType.DXA },
      shading: header ? shade(tintColor(ctx.color, 0.88)) : undefined,
      margins: { top: 60, bottom: 60, left: 100, right: 100 },
      children: [new Paragraph({ children: runs(inlineRuns(tokens), { bold: header }) })],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: token.header.map((c, i) => cell(c.tokens, i, true)) }),
    ...token.rows.map(
      (row) => new TableRow({ children: token.header.map((_, i) => cell(row[i]?.tokens, i, false)) }),
    ),
  ];
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    borders: BORDERS,
  });
}

/** A one-cell shaded table: Word keeps the shading and the coloured left bar together as one note. */
function note(children: Paragraph[], fill: string, bar: string): Table {
  const side = { style: BorderStyle.SINGLE, size: 24, color: hex(bar) };
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH],
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: side,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: [
      new TableRow({
        children: [
          new TableCell({
            width: { size: TEXT_WIDTH, type: WidthType.DXA },
            shading: shade(fill),
            margins: { top: 100, bottom: 100, left: 160, right: 160 },
            children: children.length ? children : [new Paragraph("")],
          }),
        ],
      }),
    ],
  });
}

function quoteParagraphs(tokens: Token[], italics: boolean): Paragraph[] {
  return tokens
    .filter((t) => t.type !== "space")
    .flatMap((t) => {
      if (t.type !== "list")
        return [
          new Paragraph({ children: runs(inlineRuns((t as Tokens.Generic).tokens ?? [t]), { italics }) }),
        ];
      return (t as Tokens.List).items.map(
        (item, i) =>
          new Paragraph({
            children: [
              new TextRun({ text: t.ordered ? `${i + 1}. ` : "• ", italics }),
              ...runs(inlineRuns(item.tokens), { italics }),
            ],
          }),
      );
    });
}

function chart(token: ChartToken, ctx: Context): FileChild[] {
  const { spec } = token;
  if (!spec)
    return [
      new Paragraph({
        children: [new TextRun({ text: "This chart could not be displayed.", italics: true })],
      }),
    ];
  const image = ctx.charts.get(token);
  if (!image || spec.points.length === 0)
    return [
      new Paragraph({ children: [new TextRun({ text: spec.title, bold: true })], keepNext: true }),
      new Paragraph({ children: [new TextRun({ text: "No data", italics: true })] }),
    ];
  // The chart the PDF draws, as a real image; its numbers stay readable as alt text.
  const summary = spec.points.map((p) => `${p.label}: ${formatChartValue(spec, p.value)}`).join("; ");
  return [
    new Paragraph({
      children: [
        new ImageRun({
          type: "png",
          data: image.data,
          transformation: { width: image.width, height: image.height },
          altText: { name: spec.title || "Chart", title: spec.title || "Chart", description: summary },
        }),
      ],
    }),
  ];
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];

function block(token: DocToken, ctx: Context): FileChild[] {
  switch (token.type) {
    case "heading": {
      // The title is the document's only top level, so markdown's ## is Word's Heading 1.
      const level = HEADINGS[Math.min(Math.max((token.depth as number) - 2, 0), 2)]!;
      return [new Paragraph({ heading: level, children: runs(inlineRuns(token.tokens)) })];
    }
    case "paragraph":
    case "text":
      return [paragraph(token.tokens ?? [token as Token])];
    case "list":
      return list(token as Tokens.List, 0, ctx);
    case "table":
      return [table(token as Tokens.Table, ctx), new Paragraph("")];
    case "guidance":
      return [
        note(quoteParagraphs((token as GuidanceToken).tokens, false), tintColor(ctx.color, 0.9), ctx.color),
        new Paragraph(""),
      ];
    case "blockquote":
      return [note(quoteParagraphs(token.tokens ?? [], true), "#f3f4f6", "#9ca3af"), new Paragraph("")];
    case "chart":
      return [...chart(token as ChartToken, ctx), new Paragraph("")];
    case "code":
      return String(token.text)
        .split("\n")
        .map(
          (line) =>
            new Paragraph({
              children: [new TextRun({ text: line, font: "Consolas" })],
              shading: shade("#f3f4f6"),
            }),
        );
    case "hr":
      return [
        new Paragraph({
          children: [],
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "9CA3AF", space: 1 } },
        }),
      ];
    case "html":
      return [new Paragraph({ children: [new TextRun(String(token.text))] })];
    default:
      return [];
  }
}

function levels(format: "bullet" | "decimal", start: number): ILevelsOptions[] {
  const bullets = ["•", "–", "▪"];
  return Array.from({ length: 9 }, (_, level) => ({
    level,
    format: format === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: format === "bullet" ? bullets[level % 3] : `%${level + 1}.`,
    start: level === 0 ? start : 1,
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

/** PNG and JPEG sizes read from their headers, so the logo keeps its aspect ratio in the header. */
export function imageSize(data: Buffer): { width: number; height: number } | null {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  let i = 2;
  while (data[0] === 0xff && data[1] === 0xd8 && i + 9 < data.length) {
    if (data[i] !== 0xff) return null;
    const marker = data[i + 1]!;
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { width: data.readUInt16BE(i + 7), height: data.readUInt16BE(i + 5) };
    }
    i += 2 + data.readUInt16BE(i + 2);
  }
  return null;
}

function header(branding: Branding, color: string): Header {
  const size = branding.logo ? imageSize(branding.logo.data) : null;
  const rule = { bottom: { style: BorderStyle.SINGLE, size: 8, color: hex(color), space: 4 } };
  if (branding.logo && size && size.width > 0 && size.height > 0) {
    const height = 32;
    const width = Math.min(220, Math.round((size.width / size.height) * height));
    const image = new ImageRun({
      type: branding.logo.type === "png" ? "png" : "jpg",
      data: branding.logo.data,
      transformation: { width, height: Math.round((width / size.width) * size.height) },
      altText: {
        name: branding.companyName,
        description: `${branding.companyName} logo`,
        title: branding.companyName,
      },
    });
    return new Header({ children: [new Paragraph({ children: [image], border: rule })] });
  }
  const name = new TextRun({ text: branding.companyName, bold: true, color: hex(color), size: 24 });
  return new Header({ children: [new Paragraph({ children: [name], border: rule })] });
}

function footer(branding: Branding, generatedOn: string): Footer {
  const text = `${branding.footerText || branding.companyName} · ${generatedOn} · Page `;
  const style = { size: 16, color: "6B7280" };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({ ...style, children: [text, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

function intro(doc: RenderDocument): FileChild[] {
  const out: FileChild[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(doc.title)] }),
  ];
  if (doc.subtitle) out.push(new Paragraph({ style: "Subtitle", children: [new TextRun(doc.subtitle)] }));
  out.push(
    new Paragraph({
      children: [new TextRun({ text: `Generated ${doc.generatedOn}`, size: 18, color: "6B7280" })],
    }),
  );
  if (doc.legalNotice) {
    const text = new Paragraph({ children: [new TextRun({ text: LEGAL_NOTICE, bold: true })] });
    out.push(note([text], "#fef3c7", "#b45309"), new Paragraph(""));
  }
  return out;
}

/** Word's own styles carry the branding, so headings stay real headings a reader can restyle. */
function documentStyles(color: string): IStylesOptions {
  const heading = (size: number) => ({ run: { color: hex(color), bold: true, size, font: "Calibri" } });
  return {
    // docx defines no Subtitle style of its own; this one matches Word's built-in name.
    paragraphStyles: [
      {
        id: "Subtitle",
        name: "Subtitle",
        basedOn: "Normal",
        next: "Normal",
        quickFormat: true,
        run: { size: 26, color: "6B7280" },
      },
    ],
    default: {
      document: {
        run: { font: "Calibri", size: 21, color: "1F2937" },
        paragraph: { spacing: { after: 100 } },
      },
      title: { run: { font: "Calibri", size: 44, bold: true, color: "111827" } },
      heading1: { ...heading(30), paragraph: { spacing: { before: 280, after: 100 }, keepNext: true } },
      heading2: { ...heading(25), paragraph: { spacing: { before: 200, after: 80 }, keepNext: true } },
      heading3: { ...heading(22), paragraph: { spacing: { before: 160, after: 60 }, keepNext: true } },
    },
  };
}

/** Renders a filled template as a Word document with real styles, lists, tables and page fields. */
export async function renderDocx(doc: RenderDocument): Promise<Buffer> {
  const color = brandColor(doc.branding.primaryColor);
  const tokens = lexDocument(doc.markdown, { includeGuidance: doc.includeGuidance });
  const charts = new Map<ChartToken, ChartImage>();
  for (const t of tokens) {
    const spec = t.type === "chart" ? (t as ChartToken).spec : null;
    if (spec && spec.points.length > 0) charts.set(t as ChartToken, await chartPng(spec, color));
  }
  const ctx: Context = { color, nextInstance: 1, starts: new Set(), charts };
  const body = tokens.flatMap((t) => block(t, ctx));
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    creator: doc.branding.companyName,
    lastModifiedBy: "PartnerOS",
    styles: documentStyles(color),
    numbering: {
      config: [
        { reference: "bullets", levels: levels("bullet", 1) },
        ...[...ctx.starts].map((start) => ({
          reference: `numbers-${start}`,
          levels: levels("decimal", start),
        })),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: 12240, height: 15840 },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        headers: { default: header(doc.branding, color) },
        footers: { default: footer(doc.branding, doc.generatedOn) },
        children: [...intro(doc), ...body],
      },
    ],
  });
  return Packer.toBuffer(document);
}
