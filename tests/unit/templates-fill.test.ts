import { describe, expect, test } from "vitest";
import { escapeInline, exampleValues, fillMarkdown, initialValues, needsValue, validateValues } from "@/lib/templates/fill";
import { recommendForPartner, type PartnerFacts } from "@/lib/templates/recommend-rules";
import { templateFrontmatterSchema, templateVariableSchema } from "@/lib/templates/schema";

const fm = templateFrontmatterSchema.parse({
  title: "Test review",
  category: "executive",
  purpose: "A review used by the tests of the fill engine",
  priority: "high",
  partner_types: ["isv"],
  tiers: ["active"],
  skill_level: "beginner",
  phase: ["review"],
  time_required: "5 minutes",
  description: "A short template with one variable of each kind the fill engine treats specially.",
  outcomes: ["A filled document", "A checked form"],
  variables: [
    { name: "partner_name", label: "Partner name", type: "text", source: "partner.name", required: true },
    { name: "meeting_date", label: "Meeting date", type: "date", required: true, example: "2026-12-04" },
    { name: "growth", label: "Growth", type: "percent", source: "metrics.revenue_growth", missing: "no revenue last quarter to compare with" },
    { name: "contact", label: "Contact email", type: "email" },
    { name: "status", label: "Status", type: "select", options: ["On track", "At risk"], default: "On track" },
    { name: "notes", label: "Notes", type: "longtext" },
    { name: "revenue_table", label: "Revenue by quarter", type: "table", source: "metrics.revenue_by_quarter" },
  ],
});
const body = [
  "## Review",
  "",
  "**Partner:** {{partner_name}} on {{meeting_date}} ({{status}}), growth {{growth}}.",
  "",
  "{{#if growth}}Growth was {{growth}}.{{else}}No growth figure.{{/if}}{{#unless notes}} No notes.{{/unless}}",
  "",
  "{{revenue_table}}",
  "",
  "{{notes}} {{contact}}",
  "",
].join("\n");
const sources = { "partner.name": "Brightpath Consulting", "metrics.revenue_by_quarter": "| Quarter | Won |\n| --- | --- |\n| Q4 2026 | $15,000.00 |" };
const valid = { partner_name: "X", meeting_date: "2026-12-04", contact: "a@b.co", status: "On track" };

describe("fill engine", () => {
  test("starts from live values and defaults; tables are never form fields; examples never print a label", () => {
    expect(initialValues(fm, sources)).toEqual({ partner_name: "Brightpath Consulting", meeting_date: "", growth: "", contact: "", status: "On track", notes: "" });
    expect(exampleValues(fm, {})).toMatchObject({ partner_name: "", meeting_date: "2026-12-04" });
  });

  test.each([
    [{ partner_name: "", meeting_date: "" }, { partner_name: "Partner name is required", meeting_date: "Meeting date is required", contact: "Contact email is required", status: "Status is required" }],
    [{ ...valid, meeting_date: "04/12/2026" }, { meeting_date: "Enter a date as YYYY-MM-DD" }],
    [{ ...valid, contact: "nobody" }, { contact: "Enter an email address like name@company.com" }],
    [{ ...valid, status: "Maybe" }, { status: "Choose one of: On track, At risk" }],
    [{ ...valid, growth: "lots" }, { growth: "Enter a percentage such as 25 or 25%" }],
    [{ ...valid, growth: "n/a", extra: "1" }, { extra: "This template has no such field" }],
    // A field with its own "missing" sentence and free text may stay empty: the document says so, or leaves it out.
    [{ ...valid, growth: "", notes: "" }, {}],
    [{ ...valid, growth: "12.5%" }, {}],
  ])("validates %j", (values, errors) => {
    expect(validateValues(fm, values)).toEqual(errors);
  });

  test.each([
    ["text asked when empty", { name: "a", label: "Field", type: "text" }, true],
    ["text with a missing sentence", { name: "a", label: "Field", type: "text", missing: "not known" }, false],
    ["free text", { name: "a", label: "Field", type: "longtext" }, false],
    ["required free text", { name: "a", label: "Field", type: "longtext", required: true }, true],
    ["a select without a default is asked", { name: "a", label: "Field", type: "select", options: ["x", "y"] }, true],
    ["a live table", { name: "a", label: "Field", type: "table", source: "metrics.revenue_by_quarter" }, false],
  ])("needsValue: %s", (_name, variable, expected) => {
    const v = templateVariableSchema.parse(variable);
    expect(needsValue(v)).toBe(expected);
  });

  test("fills values as text (markdown and HTML escaped), dates readable, tables live", () => {
    const out = fillMarkdown(fm, body, { partner_name: "A*B <script>", meeting_date: "2026-12-04", status: "On track", growth: "5", notes: "# not a heading", contact: "" }, sources);
    expect(out).toContain("**Partner:** A\\*B \\<script\\> on December 4, 2026 (On track), growth 5%.");
    expect(out).toContain("Growth was 5%.");
    expect(out).not.toContain("No notes.");
    expect(out).toContain("| Q4 2026 | $15,000.00 |");
    expect(out).toContain("\\# not a heading \\_\\_");
    expect(out).not.toContain("(Contact email)");
    expect(escapeInline("a|b")).toBe("a\\|b");
  });

  test("a missing value prints the template's sentence and its section's other branch, never the label", () => {
    const out = fillMarkdown(fm, body, { ...valid, growth: "", notes: "" }, sources);
    expect(out).toContain("growth no revenue last quarter to compare with.");
    expect(out).toContain("No growth figure. No notes.");
    expect(out).not.toMatch(/\{\{|\(Growth\)|\(Notes\)/);
  });

  test("sections nest and an {{else}} belongs to its own section", () => {
    const nested = "{{#if growth}}A{{#if notes}} B{{else}} C{{/if}}{{else}}D{{/if}}";
    const fill = (values: Record<string, string>) => fillMarkdown(fm, nested, { ...valid, ...values }, sources);
    expect([fill({ growth: "1", notes: "n" }), fill({ growth: "1" }), fill({ notes: "n" })]).toEqual(["A B", "A C", "D"]);
  });
});

const base: PartnerFacts = {
  name: "Acme",
  status: "active",
  kind: "isv",
  healthScore: 75,
  daysSinceJoined: 400,
  hasNda: true,
  hasAgreement: true,
  reviewedThisQuarter: false,
  pendingRegistrations: 0,
  daysToQuarterEnd: 50,
  daysIntoQuarter: 40,
  quarterLabel: "Q4 2026",
};
const all = new Set(["mutual-nda", "isv-partnership-agreement", "referral-partner-agreement", "partner-portal-guide", "partner-onboarding-plan", "partner-health-scorecard", "partner-business-review", "deal-registration-policy"]);

describe("recommendations", () => {
  test.each<[string, Partial<PartnerFacts>, string[]]>([
    ["a settled, healthy partner mid-quarter", {}, []],
    ["a new partner without an NDA", { status: "onboarding", daysSinceJoined: 5, hasNda: false, hasAgreement: false }, ["mutual-nda", "isv-partnership-agreement", "partner-onboarding-plan"]],
    ["a new program partner without an agreement", { kind: "program", daysSinceJoined: 10, hasAgreement: false }, ["referral-partner-agreement", "partner-onboarding-plan"]],
    ["quarter end", { daysToQuarterEnd: 12 }, ["partner-business-review"]],
    ["quarter end, review already done", { daysToQuarterEnd: 12, reviewedThisQuarter: true }, []],
    ["health at risk", { healthScore: 34 }, ["partner-health-scorecard"]],
    ["pending registrations", { pendingRegistrations: 2 }, ["deal-registration-policy"]],
  ])("%s", (_, facts, slugs) => {
    expect(recommendForPartner({ ...base, ...facts }, all).map((r) => r.slug)).toEqual(slugs);
  });

  test("every recommendation says why", () => {
    const recs = recommendForPartner({ ...base, healthScore: 34, daysToQuarterEnd: 12 }, all);
    expect(recs.map((r) => r.reason)).toEqual([
      "Health 34 (at risk): score it with the partner and agree a remediation plan.",
      "Q4 2026 ends in 12 days: prepare the business review.",
    ]);
  });

  test("without a team onboarding plan the portal guide stands in", () => {
    const noPlan = new Set([...all].filter((s) => s !== "partner-onboarding-plan"));
    expect(recommendForPartner({ ...base, status: "onboarding" }, noPlan).map((r) => r.slug)).toEqual(["partner-portal-guide"]);
  });
});
