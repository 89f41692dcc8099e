import { describe, expect, test } from "vitest";
import { escapeInline, exampleValues, fillMarkdown, initialValues, validateValues } from "@/lib/templates/fill";
import { recommendForPartner, type PartnerFacts } from "@/lib/templates/recommend-rules";
import { templateFrontmatterSchema } from "@/lib/templates/schema";

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
    { name: "growth", label: "Growth", type: "percent", source: "metrics.revenue_growth" },
    { name: "contact", label: "Contact email", type: "email" },
    { name: "status", label: "Status", type: "select", options: ["On track", "At risk"], default: "On track" },
    { name: "notes", label: "Notes", type: "longtext" },
    { name: "revenue_table", label: "Revenue by quarter", type: "table", source: "metrics.revenue_by_quarter" },
  ],
});
const body = "## Review\n\n**Partner:** {{partner_name}} on {{meeting_date}} ({{status}}), growth {{growth}}.\n\n{{revenue_table}}\n\n{{notes}} {{contact}}\n";
const sources = { "partner.name": "Brightpath Consulting", "metrics.revenue_growth": "n/a", "metrics.revenue_by_quarter": "| Quarter | Won |\n| --- | --- |\n| Q4 2026 | $15,000.00 |" };

describe("fill engine", () => {
  test("starts from live values and defaults; tables are never form fields", () => {
    expect(initialValues(fm, sources)).toEqual({ partner_name: "Brightpath Consulting", meeting_date: "", growth: "n/a", contact: "", status: "On track", notes: "" });
    expect(exampleValues(fm, {})).toMatchObject({ partner_name: "(Partner name)", meeting_date: "2026-12-04" });
  });

  test.each([
    [{ partner_name: "", meeting_date: "" }, { partner_name: "Partner name is required", meeting_date: "Meeting date is required" }],
    [{ partner_name: "X", meeting_date: "04/12/2026" }, { meeting_date: "Enter a date as YYYY-MM-DD" }],
    [{ partner_name: "X", meeting_date: "2026-12-04", contact: "nobody" }, { contact: "Enter an email address like name@company.com" }],
    [{ partner_name: "X", meeting_date: "2026-12-04", status: "Maybe" }, { status: "Choose one of: On track, At risk" }],
    [{ partner_name: "X", meeting_date: "2026-12-04", growth: "lots" }, { growth: "Enter a percentage such as 25 or 25%" }],
    [{ partner_name: "X", meeting_date: "2026-12-04", growth: "n/a", extra: "1" }, { extra: "This template has no such field" }],
    [{ partner_name: "X", meeting_date: "2026-12-04", growth: "12.5%" }, {}],
  ])("validates %j", (values, errors) => {
    expect(validateValues(fm, values)).toEqual(errors);
  });

  test("fills values as text (markdown and HTML escaped), dates readable, tables live", () => {
    const out = fillMarkdown(fm, body, { partner_name: "A*B <script>", meeting_date: "2026-12-04", status: "On track", growth: "5", notes: "# not a heading", contact: "" }, sources);
    expect(out).toContain("**Partner:** A\\*B \\<script\\> on December 4, 2026 (On track), growth 5%.");
    expect(out).toContain("| Q4 2026 | $15,000.00 |");
    expect(out).toContain("\\# not a heading (Contact email)");
    expect(escapeInline("a|b")).toBe("a\\|b");
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
