import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { splitFrontmatter } from "@/lib/templates/parse";
import { chartSvg, formatChartValue } from "@/lib/templates/render/chart";
import {
  LEGAL_NOTICE,
  lexDocument,
  type ChartToken,
  type RenderDocument,
} from "@/lib/templates/render/document";
import { imageSize, renderDocx } from "@/lib/templates/render/docx";
import { renderHtml } from "@/lib/templates/render/html";
import { renderPdf, toWinAnsi } from "@/lib/templates/render/pdf";

const TEMPLATE = path.resolve(
  import.meta.dirname,
  "../../content/templates/executive/03-partner-business-review.md",
);
const GUIDANCE_SNIPPET = "Write the headline last";
const REVENUE_CHART = {
  title: "Partner revenue by quarter",
  format: "currency",
  currency: "USD",
  points: [
    { label: "Q1 2026", value: 301200 },
    { label: "Q2 2026", value: 338900 },
    { label: "Q3 2026", value: 367000 },
    { label: "Q4 2026", value: 412500 },
  ],
};

const SAMPLE_VALUES: Record<string, string> = {
  partner_name: "Acme Integrations",
  company_name: "Northwind Software",
  review_quarter: "Q4 2026",
  partner_tier: "Elite",
  health_score: "82",
  health_label: "Healthy",
  quarter_revenue: "$412,500",
  quarter_target: "$380,000",
  target_attainment: "108.6%",
  revenue_growth: "12.4%",
  pipeline_value: "$1,240,000",
  win_rate: "34%",
  deals_won: "7",
  average_deal_size: "$58,900",
  program_win_rate: "29%",
  revenue_status: "Met: 109% of target",
  growth_status: "Met",
  pipeline_status: "Healthy: 3.3x the target",
  win_rate_status: "At or above average",
  health_status: "Met",
  partner_manager: "Dana Whitfield",
  partner_sponsor: "Luis Ortega",
  meeting_date: "2026-12-04",
  overall_status: "On track",
  executive_headline: "A record quarter on the back of the healthcare practice.",
  top_win: "Closed Northwind Health (312 seats, $184,000 ARR) <script>alert(1)</script>",
  revenue_table: [
    "| Quarter | Revenue | Deals |",
    "|---|---|---|",
    "| Q3 2026 | $367,000 | 6 |",
    "| Q4 2026 | $412,500 | 7 |",
  ].join("\n"),
  revenue_chart: "```chart\n" + JSON.stringify(REVENUE_CHART) + "\n```",
};

function sampleMarkdown(): string {
  // Every figure is in the sample, so each section keeps its first branch (no else branch holds a section).
  const body = splitFrontmatter(fs.readFileSync(TEMPLATE, "utf8"))!
    .body.replace(/\{\{else\}\}[\s\S]*?\{\{\/if\}\}/g, "")
    .replace(/\{\{#unless \w+\}\}[\s\S]*?\{\{\/unless\}\}/g, "")
    .replace(/\{\{#if \w+\}\}|\{\{\/if\}\}/g, "");
  const filled = body.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => SAMPLE_VALUES[name] ?? name);
  return `${filled}\n\nSee [the guide](https://example.com/guide) and [this](javascript:alert(1)).\n`;
}

function sampleDocument(overrides: Partial<RenderDocument> = {}): RenderDocument {
  return {
    title: "Partner Business Review (Executive)",
    subtitle: "Acme Integrations · Q4 2026",
    markdown: sampleMarkdown(),
    includeGuidance: false,
    legalNotice: false,
    generatedOn: "2026-11-21",
    branding: {
      companyName: "Northwind Software",
      primaryColor: "#0f766e",
      logo: null,
      footerText: "Confidential",
    },
    ...overrides,
  };
}

function pdfText(pdf: Buffer): string {
  const result = spawnSync("/usr/bin/pdftotext", ["-layout", "-", "-"], { input: pdf });
  expect(result.status).toBe(0);
  return result.stdout.toString("utf8");
}

async function documentXml(doc: RenderDocument): Promise<string> {
  const files = unzipSync(new Uint8Array(await renderDocx(doc)));
  expect(Object.keys(files)).toContain("word/document.xml");
  return strFromU8(files["word/document.xml"]!);
}

describe("lexDocument", () => {
  it("drops guidance notes unless asked and parses chart blocks", () => {
    const without = lexDocument(sampleMarkdown(), { includeGuidance: false });
    const withGuidance = lexDocument(sampleMarkdown(), { includeGuidance: true });
    expect(without.some((t) => t.type === "guidance" || t.raw.includes("**Guidance:**"))).toBe(false);
    expect(withGuidance.filter((t) => t.type === "guidance")).toHaveLength(8);
    const chart = withGuidance.find((t) => t.type === "chart") as ChartToken | undefined;
    expect(chart?.spec).toMatchObject({ title: REVENUE_CHART.title, format: "currency" });
  });

  it("reads a malformed chart block as null rather than throwing", () => {
    const [token] = lexDocument("```chart\n{not json\n```", { includeGuidance: false });
    expect(token).toMatchObject({ type: "chart", spec: null });
  });
});

describe("renderHtml", () => {
  it("escapes raw HTML, drops unsafe links and slugs headings", () => {
    const html = renderHtml(sampleMarkdown() + '\n<div onclick="x()">block</div>\n', {
      includeGuidance: false,
    });
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;div onclick=&quot;x()&quot;&gt;block&lt;/div&gt;");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain('<a href="https://example.com/guide" rel="noopener noreferrer">the guide</a>');
    expect(html).toContain('<h2 id="executive-headline">Executive headline</h2>');
    expect(html).toContain('<div class="table-wrap"><table>');
    expect(html).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img"');
    expect(html).toMatch(/<ol>\s*<li><\/li>/);
    expect(html).not.toContain(GUIDANCE_SNIPPET);
  });

  it("renders guidance as an aside when asked", () => {
    const html = renderHtml(sampleMarkdown(), { includeGuidance: true });
    expect(html).toContain('<aside class="guidance"><p><strong>Guidance:</strong>');
    expect(html).toContain(GUIDANCE_SNIPPET);
  });

  it("gives repeated headings distinct ids", () => {
    expect(renderHtml("## Notes\n\n## Notes", { includeGuidance: false })).toContain('id="notes-1"');
  });
});

describe("chartSvg", () => {
  it("labels an empty chart 'No data'", () => {
    const svg = chartSvg({ title: "Pipeline", format: "number", points: [] }, "#0f766e");
    expect(svg).toContain('role="img"');
    expect(svg).toContain("<title");
    expect(svg).toContain(">No data</text>");
  });

  it("draws zero and negative values and escapes labels", () => {
    const svg = chartSvg(
      {
        title: "Net <change>",
        format: "percent",
        points: [
          { label: "A&B", value: -12.5 },
          { label: "Zero", value: 0 },
        ],
      },
      "#0f766e",
    );
    expect(svg).toContain("-12.5%");
    expect(svg).toContain("0%");
    expect(svg).toContain("A&#38;B");
    expect(svg).not.toContain("<change>");
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it.each([
    [{ format: "currency", currency: "USD" } as const, 412500, "$412.5K"],
    [{ format: "currency", currency: "EUR" } as const, 950, "€950"],
    [{ format: "number" } as const, 1_250_000, "1.3M"],
    [{ format: "percent" } as const, 12.5, "12.5%"],
  ])("formats %o %d as %s", (spec, value, expected) => {
    expect(formatChartValue(spec, value)).toBe(expected);
  });
});

describe("renderPdf", () => {
  it("renders the business review with title, tables, headings and page numbers", async () => {
    const pdf = await renderPdf(sampleDocument());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const text = pdfText(pdf);
    expect(text).toContain("Partner Business Review (Executive)");
    expect(text).toContain("Executive headline");
    expect(text).toContain("Growth on previous quarter");
    expect(text).toContain("$1,240,000");
    expect(text).toContain("Acme Integrations");
    expect(text).toContain("Page 1 of");
    expect(text).toContain("Confidential");
    expect(text).toContain("<script>alert(1)</script>");
    expect(text).toContain("Partner revenue by quarter");
    expect(text).not.toContain(GUIDANCE_SNIPPET);
    expect(text).not.toContain(LEGAL_NOTICE);
    const info = spawnSync("/usr/bin/pdfinfo", ["-"], { input: pdf }).stdout.toString("utf8");
    expect(info).toMatch(/Title:\s+Partner Business Review \(Executive\)/);
    expect(info).toMatch(/Author:\s+Northwind Software/);
    expect(info).toMatch(/Creator:\s+PartnerOS/);
  });

  it("includes guidance and the legal notice when asked", async () => {
    const text = pdfText(await renderPdf(sampleDocument({ includeGuidance: true, legalNotice: true })));
    expect(text).toContain(GUIDANCE_SNIPPET);
    expect(text.replace(/\s+/g, " ")).toContain(LEGAL_NOTICE);
  });

  it("does not throw on characters outside WinAnsi and maps the common ones", async () => {
    const markdown = "## Checks ✓\n\n- ☐ Signed → filed\n- Score ≥ 70 and ≤ 90 😀 中文 – “quoted”\n";
    const text = pdfText(
      await renderPdf(sampleDocument({ markdown, title: "Review ✓ 😀", subtitle: undefined })),
    );
    expect(text).toContain("[ ] Signed -> filed");
    expect(text).toContain("Score >= 70 and <= 90");
    expect(text).toContain("– “quoted”");
    expect(toWinAnsi("a😀b中c")).toBe("abc");
  });

  it("repeats a table's header row when a long table runs onto another page", async () => {
    const rows = Array.from(
      { length: 80 },
      (_, i) => `| Row ${i + 1} | ${"long cell text ".repeat(i % 4)} |`,
    );
    const markdown = ["| Item | Detail |", "|---|---|", ...rows].join("\n");
    const text = pdfText(await renderPdf(sampleDocument({ markdown })));
    expect(text).toContain("Row 80");
    expect(text.match(/Item\s+Detail/g)?.length ?? 0).toBeGreaterThan(1);
    expect(text).toContain("Page 2 of");
  });
});

describe("renderDocx", () => {
  it("writes a Word document with headings, tables, numbered lists and the partner", async () => {
    const xml = await documentXml(sampleDocument());
    expect(xml).toContain("Executive headline");
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(xml).toContain("<w:tbl>");
    expect(xml).toContain("<w:numPr>");
    expect(xml).toContain("Acme Integrations");
    expect(xml).toContain("Growth on previous quarter");
    expect(xml).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(xml).not.toContain("<script>");
    expect(xml).not.toContain("javascript:");
    expect(xml).not.toContain(GUIDANCE_SNIPPET);
    expect(xml).not.toContain(LEGAL_NOTICE);
  });

  it("includes guidance and the legal notice when asked, and page fields in the footer", async () => {
    const doc = sampleDocument({ includeGuidance: true, legalNotice: true });
    const files = unzipSync(new Uint8Array(await renderDocx(doc)));
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).toContain(GUIDANCE_SNIPPET);
    expect(xml).toContain(LEGAL_NOTICE);
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name));
    expect(strFromU8(footer![1])).toMatch(/NUMPAGES/);
    expect(strFromU8(files["docProps/core.xml"]!)).toContain("Partner Business Review (Executive)");
  });
});

describe("branding with a logo", () => {
  // A valid 1×1 PNG; the renderers read its size from the header.
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
    "base64",
  );
  const branding = {
    companyName: "Northwind Software",
    primaryColor: "#0f766e",
    logo: { data: png, type: "png" as const },
  };

  it("reads PNG and JPEG sizes from their headers", () => {
    expect(imageSize(png)).toEqual({ width: 1, height: 1 });
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 32, 0, 64, 1, 1, 0x11, 0,
    ]);
    expect(imageSize(jpeg)).toEqual({ width: 64, height: 32 });
    expect(imageSize(Buffer.from("not an image"))).toBeNull();
  });

  it("puts the logo in the PDF header once and in the DOCX header", async () => {
    const pdf = await renderPdf(sampleDocument({ branding }));
    // One image plus its alpha mask, however many pages the header is stamped on.
    expect(pdfText(pdf)).toContain("Page 2 of");
    expect(pdf.toString("latin1").match(/\/Subtype \/Image/g)).toHaveLength(2);
    const files = unzipSync(new Uint8Array(await renderDocx(sampleDocument({ branding }))));
    expect(Object.keys(files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    const header = Object.entries(files).find(([name]) => /^word\/header\d*\.xml$/.test(name));
    expect(strFromU8(header![1])).toContain("<w:drawing>");
  });

  it("embeds the chart in the DOCX as a PNG drawn like the PDF's, not as block characters", async () => {
    const files = unzipSync(new Uint8Array(await renderDocx(sampleDocument())));
    const media = Object.entries(files).filter(([name]) => /^word\/media\/.+\.png$/.test(name));
    expect(media).toHaveLength(1);
    const png = Buffer.from(media[0]![1]);
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(png.readUInt32BE(16)).toBe(1280); // 640 display pixels at twice the resolution
    expect(png.length).toBeGreaterThan(5_000);
    const xml = strFromU8(files["word/document.xml"]!);
    expect(xml).not.toContain("█");
    expect(xml).toContain("<w:drawing>");
    expect(xml).toContain("Q4 2026: $412.5K"); // the chart's numbers as its alt text
  });

  it("falls back to the company name when the logo cannot be read", async () => {
    const broken = { ...branding, logo: { data: Buffer.from("broken"), type: "png" as const } };
    const text = pdfText(await renderPdf(sampleDocument({ branding: broken })));
    expect(text).toContain("Northwind Software");
    const files = unzipSync(new Uint8Array(await renderDocx(sampleDocument({ branding: broken }))));
    expect(Object.keys(files)).toContain("word/document.xml");
  });
});

describe("repeated rendering", () => {
  it("renders the same document twenty times in a row", async () => {
    const doc = sampleDocument({ includeGuidance: true });
    const sizes = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
      expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
      expect(docx.subarray(0, 2).toString("latin1")).toBe("PK");
      sizes.add(pdf.length);
    }
    expect(sizes.size).toBe(1);
  });
});
