/** Template library: search p95 over the 45 library templates plus 500 generated ones, PDF and DOCX export p95. */
import { loadContentTemplates } from "../../lib/templates/content";
import { exampleValues, fillMarkdown } from "../../lib/templates/fill";
import { chartBlock, markdownTable } from "../../lib/templates/format";
import { renderDocx } from "../../lib/templates/render/docx";
import { renderPdf } from "../../lib/templates/render/pdf";
import { buildIndex, searchTemplates, type SearchableTemplate, type TemplateFilters } from "../../lib/templates/search";
import { percentile, report } from "./stats";

const GENERATED = 500;
const SEARCH_ROUNDS = 40;
const EXPORT_RUNS = 40;
const WORDS = ["alliance", "channel", "enablement", "incentive", "marketplace", "pipeline", "renewal", "territory", "co-sell", "rebate", "certification", "forecast"];

/** Deterministic variations of the library: new titles, shuffled emphasis, the same schema. */
function generate(base: SearchableTemplate[]): SearchableTemplate[] {
  const out: SearchableTemplate[] = [];
  for (let i = 0; i < GENERATED; i += 1) {
    const t = base[i % base.length]!;
    const a = WORDS[i % WORDS.length]!;
    const b = WORDS[(i * 7 + 3) % WORDS.length]!;
    out.push({
      slug: `${t.slug}-variant-${i}`,
      frontmatter: { ...t.frontmatter, title: `${t.frontmatter.title}: ${a} ${b} edition ${i}` },
      body: `${t.body}\n\n## Notes on ${a}\n\nHow this ${b} plan applies to ${a} partners in region ${i % 17}.\n`,
    });
  }
  return out;
}

const QUERIES: TemplateFilters[] = [
  { q: "business review" },
  { q: "busines reveiw" },
  { q: "nda" },
  { q: "commission tiers", tier: "performer" },
  { q: "security questionnaire" },
  { q: "referral fee", type: "referral" },
  { q: "onboarding plan", phase: "onboard" },
  { q: "board deck quarterly" },
  { q: "marketplace listing" },
  { q: "data processing gdpr" },
  { q: "terr" },
  { phase: "review", tier: "elite" },
];

function searchBench(templates: SearchableTemplate[]) {
  const index = buildIndex(templates);
  const samples: number[] = [];
  for (let round = 0; round < SEARCH_ROUNDS; round += 1) {
    for (const q of QUERIES) {
      const started = performance.now();
      searchTemplates(index, q);
      samples.push(performance.now() - started);
    }
  }
  report("templates", "search_corpus", templates.length, "templates");
  report("templates", "search_p50", percentile(samples, 50), "ms");
  report("templates", "search_p95", percentile(samples, 95), "ms");
}

const SAMPLE_SOURCES = {
  "partner.name": "Brightpath Consulting",
  "company.name": "Stratus Cloud Alliances",
  "metrics.quarter_revenue": "$15,000.00",
  "metrics.revenue_by_quarter": markdownTable(["Quarter", "Won revenue", "Deals won"], [["Q1 2026", "$0.00", "0"], ["Q2 2026", "$18,500.00", "1"], ["Q3 2026", "$0.00", "0"], ["Q4 2026", "$15,000.00", "1"]]),
  "metrics.revenue_chart": chartBlock({ title: "Won revenue by quarter", format: "currency", currency: "USD", points: [{ label: "Q1", value: 0 }, { label: "Q2", value: 18500 }, { label: "Q3", value: 0 }, { label: "Q4", value: 15000 }] }),
} as const;

async function exportBench(templates: SearchableTemplate[]) {
  const picks = ["partner-business-review", "master-service-agreement", "monthly-partner-report", "security-questionnaire", "board-deck-partner-program"];
  const docs = picks.map((slug) => {
    const t = templates.find((x) => x.slug === slug)!;
    const markdown = fillMarkdown(t.frontmatter, t.body, exampleValues(t.frontmatter, SAMPLE_SOURCES), SAMPLE_SOURCES);
    return {
      title: t.frontmatter.title,
      subtitle: "Brightpath Consulting · Version 1",
      markdown,
      includeGuidance: false,
      legalNotice: t.frontmatter.legal_notice,
      branding: { companyName: "Stratus Cloud Alliances", primaryColor: "#4f46e5", logo: null },
      generatedOn: "2026-11-21",
    };
  });
  for (const [name, render] of [["pdf", renderPdf], ["docx", renderDocx]] as const) {
    await render(docs[0]!); // warm-up: font metrics, module init
    const samples: number[] = [];
    for (let i = 0; i < EXPORT_RUNS; i += 1) {
      const started = performance.now();
      await render(docs[i % docs.length]!);
      samples.push(performance.now() - started);
    }
    report("templates", `${name}_export_p50`, percentile(samples, 50), "ms");
    report("templates", `${name}_export_p95`, percentile(samples, 95), "ms");
  }
}

export async function templatesSuite(): Promise<void> {
  const { templates, problems } = loadContentTemplates();
  if (problems.length) throw new Error(`template content has problems: ${problems.length}`);
  searchBench([...templates, ...generate(templates)]);
  await exportBench(templates);
}
