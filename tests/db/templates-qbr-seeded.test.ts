import { spawnSync } from "node:child_process";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, expect, test } from "vitest";
import { rows, withSystem } from "@/lib/db/session";
import { sql } from "drizzle-orm";
import { seedDemo } from "@/lib/seed/demo";
import { brandingFrom } from "@/lib/templates/branding";
import { fillMarkdown, initialValues, needsValue, validateValues, type FillValues } from "@/lib/templates/fill";
import { libraryTemplates } from "@/lib/templates/library";
import { renderDocx } from "@/lib/templates/render/docx";
import { renderPdf } from "@/lib/templates/render/pdf";
import { resolveSources } from "@/lib/templates/sources";
import { createTestDatabase, type TestDatabase } from "../support/db";

// The acceptance check of the business review: for every partner of the seeded demo, the document a VP
// gets (live values, plus what the form asks for) prints no placeholder in the PDF or the Word file.
const NOW = new Date("2026-11-20T12:00:00Z");
const FORBIDDEN = [/\(Partner/, /n\/a/i, /\$0\.00 target/, /\{\{/, /_{4,}/, /target of \$0\.00/];
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.conn, { now: NOW });
}, 240_000);
afterAll(async () => db?.close());

const template = () => libraryTemplates().find((t) => t.slug === "partner-business-review")!;

/** What a reviewer types: the date, a status picked from the list, and a sentence for each asked field. */
function typed(values: FillValues): FillValues {
  const fm = template().frontmatter;
  const out: FillValues = { ...values, meeting_date: "2026-12-04", overall_status: "At risk" };
  for (const v of fm.variables) {
    if (needsValue(v) && !out[v.name]?.trim()) out[v.name] = v.type === "currency" ? "$10,000" : `Typed for ${v.label.toLowerCase()}`;
  }
  return out;
}

function pdfText(pdf: Buffer): string {
  const result = spawnSync("/usr/bin/pdftotext", ["-layout", "-", "-"], { input: pdf });
  expect(result.status).toBe(0);
  return result.stdout.toString("utf8");
}

function docxText(docx: Buffer): { text: string; media: string[] } {
  const files = unzipSync(new Uint8Array(docx));
  const text = strFromU8(files["word/document.xml"]!).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ")
    .replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  return { text, media: Object.keys(files).filter((f) => f.startsWith("word/media/")) };
}

test("the QBR of every seeded partner asks for what it lacks and prints no placeholder in PDF or DOCX", async () => {
  const fm = template().frontmatter;
  const partners = await withSystem("test.qbr", (tx) => rows<{ id: string; name: string; tier: string | null }>(
    tx,
    sql`select p.id, p.name, t.name as tier from public.partners p left join public.tiers t on t.id = p.tier_id order by p.name`,
  ), db.conn);
  expect(partners.length).toBeGreaterThan(20);
  const vp = { displayName: "Vera Park", email: "vp@demo.partneros.dev", role: "vp" as const, title: "VP Strategic Partnerships" };
  let withoutTarget = 0;
  for (const partner of partners) {
    const { sources, branding } = await withSystem("test.qbr", async (tx) => ({
      sources: await resolveSources(tx, { user: vp, partnerId: partner.id, now: NOW }),
      branding: brandingFrom((await rows<Parameters<typeof brandingFrom>[0] & object>(tx, sql`select company_name, brand_color, logo_base64, logo_type from public.workspace_settings limit 1`))[0]),
    }), db.conn);
    const initial = initialValues(fm, sources);
    // The status is the reviewer's to pick: nothing is chosen for them, and saving without one is refused.
    expect(initial.overall_status).toBe("");
    expect(validateValues(fm, initial)).toMatchObject({ overall_status: "Overall status is required", meeting_date: "QBR meeting date is required" });
    const values = typed(initial);
    expect(validateValues(fm, values)).toEqual({});
    const markdown = fillMarkdown(fm, template().body, values, sources);
    const section = markdown.split("## Scorecard")[1]!.split("\n");
    const first = section.findIndex((l) => l.startsWith("|"));
    const table = section.slice(first, section.findIndex((l, i) => i > first && !l.startsWith("|")));
    const scorecard = table.filter((l) => /^\| (?!Measure|---)/.test(l));
    expect(scorecard).toHaveLength(5);
    for (const row of scorecard) expect(row.split("|")[4]!.trim(), `${partner.name}: ${row}`).not.toBe("");
    if (!sources["metrics.quarter_target"]) {
      withoutTarget += 1;
      expect(markdown).toContain("No quarterly target is set for this partner");
    }
    if (!partner.tier) expect(markdown).toContain("**Tier:** none (not on a program tier)");

    const doc = { title: `Partner Business Review — ${partner.name}`, markdown, includeGuidance: false, legalNotice: false, branding, generatedOn: "2026-11-20" };
    const [pdf, docx] = await Promise.all([renderPdf(doc), renderDocx(doc)]);
    const { text, media } = docxText(docx);
    for (const [format, body] of [["PDF", pdfText(pdf)], ["DOCX", text]] as const) {
      for (const pattern of FORBIDDEN) expect(body, `${partner.name} ${format}`).not.toMatch(pattern);
      expect(body).toContain(partner.name);
    }
    expect(text).not.toContain("█");
    expect(media.filter((f) => f.endsWith(".png"))).toHaveLength(1);
  }
  // The demo has partners off the tier ladder (ISVs): their documents say the target is missing.
  expect(withoutTarget).toBeGreaterThan(0);
}, 600_000);

test("the seeded business review and health scorecard fills print no placeholder", async () => {
  const fills = await withSystem("test.qbr", (tx) => rows<{ slug: string; markdown: string }>(
    tx,
    sql`select f.template_slug as slug, v.markdown from public.template_fills f join public.template_fill_versions v on v.fill_id = f.id`,
  ), db.conn);
  expect(fills.length).toBeGreaterThan(0);
  // Signature lines keep their "Date: ____" blanks; a missing value would be an escaped blank (\_\_…).
  const patterns = [...FORBIDDEN.filter((p) => p.source !== "_{4,}"), /(\\_){4}/];
  for (const fill of fills) for (const pattern of patterns) expect(fill.markdown, fill.slug).not.toMatch(pattern);
});
