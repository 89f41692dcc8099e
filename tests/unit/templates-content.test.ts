import { describe, expect, it } from "vitest";
import { loadContentTemplates } from "@/lib/templates/content";
import { parseTemplate } from "@/lib/templates/parse";

const EXPECTED_PER_CATEGORY: Record<string, number> = {
  legal: 4,
  finance: 3,
  security: 2,
  operations: 5,
  executive: 3,
  communication: 3,
  training: 2,
  analysis: 3,
  benchmarking: 3,
  playbooks: 2,
  resources: 3,
  "partner-types": 12,
};

describe("template content", () => {
  const { templates, problems } = loadContentTemplates();

  it("every file is valid: schema, variables declared and used, substance, no foreign placeholders", () => {
    const report = problems.map((p) => `${p.file} › ${p.field}: ${p.message}`).join("\n");
    expect(report).toBe("");
  });

  it("holds 45 templates with the right count per category", () => {
    const counts: Record<string, number> = {};
    for (const t of templates) counts[t.frontmatter.category] = (counts[t.frontmatter.category] ?? 0) + 1;
    expect(counts).toEqual(EXPECTED_PER_CATEGORY);
    expect(templates).toHaveLength(45);
  });

  it("every high-priority template has an example value for each variable without a live source", () => {
    for (const t of templates.filter((x) => x.frontmatter.priority === "high")) {
      const missing = t.frontmatter.variables.filter(
        (v) => !v.source && v.default === undefined && v.example === undefined,
      );
      expect(missing.map((v) => `${t.slug}.${v.name}`)).toEqual([]);
    }
  });
});

describe("template parser", () => {
  const body = "## A\n\nSome words.\n";
  const source = (fm: string) => `---\n${fm}\n---\n${body}`;

  it("names the file and the field of invalid frontmatter", () => {
    const { template, problems } = parseTemplate("legal/01-nda.md", source("title: NDA\ncategory: legl"));
    expect(template).toBeNull();
    expect(problems).toContainEqual(expect.objectContaining({ file: "legal/01-nda.md", field: "category" }));
  });

  it("reports broken YAML instead of throwing", () => {
    const { problems } = parseTemplate("legal/01-nda.md", source("title: [unclosed"));
    expect(problems[0]).toMatchObject({ file: "legal/01-nda.md", field: "frontmatter" });
    expect(problems[0]!.message).toMatch(/invalid YAML/);
  });

  it("reports a file without frontmatter", () => {
    const { problems } = parseTemplate("legal/01-nda.md", body);
    expect(problems).toEqual([expect.objectContaining({ field: "frontmatter" })]);
  });

  it("finds undeclared, unused and foreign placeholders", () => {
    const fm = [
      "title: Mutual NDA",
      "category: legal",
      "purpose: Mutual NDA for initial discussions",
      "priority: high",
      "partner_types: [isv]",
      "tiers: [starter]",
      "skill_level: beginner",
      "phase: [recruit]",
      "time_required: 15 minutes",
      "description: A mutual non-disclosure agreement for the first conversations with a prospective partner.",
      "outcomes: [Signed NDA, Clear confidentiality terms]",
      "legal_notice: true",
      "variables:",
      "  - { name: partner_name, label: Partner name, type: text, source: partner.name, required: true }",
      "  - { name: unused_one, label: Unused, type: text }",
    ].join("\n");
    const text = `---\n${fm}\n---\n## Parties\n\n{{partner_name}} and {{other}} agree. [Company Name] signs {effective_date}.\n`;
    const { problems } = parseTemplate("legal/01-mutual-nda.md", text);
    const messages = problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        "body: {{other}} is used but not declared in variables",
        "variables.unused_one: declared but never used in the body",
        expect.stringMatching(/\[Bracketed Placeholder\]/),
        expect.stringMatching(/single-brace/),
      ]),
    );
  });
});
