import { z } from "zod";

/** Categories in library order; the directory under content/templates/ carries the same key. */
export const TEMPLATE_CATEGORIES = [
  { key: "legal", label: "Legal" },
  { key: "finance", label: "Finance" },
  { key: "security", label: "Security" },
  { key: "operations", label: "Operations" },
  { key: "executive", label: "Executive" },
  { key: "communication", label: "Communication" },
  { key: "training", label: "Training" },
  { key: "analysis", label: "Analysis" },
  { key: "benchmarking", label: "Benchmarking" },
  { key: "playbooks", label: "Playbooks" },
  { key: "resources", label: "Resources" },
  { key: "partner-types", label: "Partner types" },
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number]["key"];
const CATEGORY_KEYS = TEMPLATE_CATEGORIES.map((c) => c.key) as [TemplateCategory, ...TemplateCategory[]];

export const TEMPLATE_PHASES = ["recruit", "onboard", "enable", "sell", "grow", "review", "exit"] as const;
export const SKILL_LEVELS = ["beginner", "intermediate", "advanced"] as const;
export const TEMPLATE_PRIORITIES = ["high", "medium", "low"] as const;
export const PARTNER_TYPES = [
  "isv",
  "si",
  "reseller",
  "referral",
  "marketplace",
  "technology",
  "education",
] as const;
/** The program's tier keys (seeded tiers); a template lists the tiers it is meant for. */
export const TEMPLATE_TIERS = ["starter", "active", "performer", "elite"] as const;

export const VARIABLE_TYPES = [
  "text",
  "longtext",
  "number",
  "currency",
  "percent",
  "date",
  "email",
  "url",
  "select",
  "table",
  "chart",
] as const;

/**
 * Live-data sources a variable may name. The fill engine resolves each from the company profile,
 * the chosen partner, the signed-in user, computed metrics or the calendar.
 */
export const VARIABLE_SOURCES = {
  "company.name": "text",
  "company.legal_name": "text",
  "company.address": "text",
  "company.website": "url",
  "company.email": "email",
  "company.signatory_name": "text",
  "company.signatory_title": "text",
  "partner.name": "text",
  "partner.legal_name": "text",
  "partner.address": "text",
  "partner.website": "url",
  "partner.kind": "text",
  "partner.domain": "text",
  "partner.tier": "text",
  "partner.commission_rate": "percent",
  "partner.payout_cadence": "text",
  "partner.health_score": "number",
  "partner.health_label": "text",
  "partner.joined_on": "date",
  "partner.primary_contact_name": "text",
  "partner.primary_contact_email": "email",
  "partner.primary_contact_title": "text",
  "partner.manager_name": "text",
  "partner.manager_email": "email",
  "user.name": "text",
  "user.email": "email",
  "user.title": "text",
  "date.today": "date",
  "date.month": "text",
  "date.quarter": "text",
  "date.year": "text",
  "metrics.quarter_revenue": "currency",
  "metrics.previous_quarter_revenue": "currency",
  "metrics.revenue_growth": "percent",
  "metrics.ytd_revenue": "currency",
  "metrics.quarter_target": "currency",
  "metrics.target_attainment": "percent",
  "metrics.pipeline_value": "currency",
  "metrics.weighted_pipeline": "currency",
  "metrics.open_opportunities": "number",
  "metrics.deals_won_quarter": "number",
  "metrics.win_rate": "percent",
  "metrics.average_deal_size": "currency",
  "metrics.commission_earned_quarter": "currency",
  "metrics.commission_paid_ytd": "currency",
  "metrics.active_partners": "number",
  "metrics.new_partners_quarter": "number",
  "metrics.registrations_quarter": "number",
  "metrics.revenue_status": "text",
  "metrics.growth_status": "text",
  "metrics.pipeline_status": "text",
  "metrics.win_rate_status": "text",
  "metrics.health_status": "text",
  "metrics.program_win_rate": "percent",
  "metrics.revenue_by_quarter": "table",
  "metrics.pipeline_by_stage": "table",
  "metrics.top_opportunities": "table",
  "metrics.partner_ranking": "table",
  "metrics.health_breakdown": "table",
  "metrics.revenue_chart": "chart",
  "metrics.pipeline_chart": "chart",
} as const satisfies Record<string, (typeof VARIABLE_TYPES)[number]>;
export type VariableSource = keyof typeof VARIABLE_SOURCES;
const SOURCE_KEYS = Object.keys(VARIABLE_SOURCES) as [VariableSource, ...VariableSource[]];

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "use lower-case words joined by hyphens");

export const templateVariableSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]*$/, "use snake_case starting with a letter"),
    label: z.string().trim().min(2).max(80),
    type: z.enum(VARIABLE_TYPES),
    source: z.enum(SOURCE_KEYS).optional(),
    required: z.boolean().default(false),
    default: z.union([z.string(), z.number()]).optional(),
    /** Shown in the template's example fill when there is no default or live source. */
    example: z.union([z.string(), z.number()]).optional(),
    options: z.array(z.string().min(1)).min(2).optional(),
    help: z.string().max(200).optional(),
    /**
     * What the document says when the value is missing (no live data and nothing typed), e.g. "none (not on
     * a program tier)". Without it, a missing value is asked for in the fill form (longtext may stay empty).
     */
    missing: z.string().trim().min(2).max(300).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.type === "select" && !v.options) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "a select variable lists its options" });
    }
    if (v.type !== "select" && v.options) {
      ctx.addIssue({ code: "custom", path: ["options"], message: "only select variables take options" });
    }
    if ((v.type === "table" || v.type === "chart") && !v.source) {
      ctx.addIssue({
        code: "custom",
        path: ["source"],
        message: `a ${v.type} variable needs a metrics source`,
      });
    }
    if (v.source && (VARIABLE_SOURCES[v.source] === "table" || VARIABLE_SOURCES[v.source] === "chart")) {
      if (VARIABLE_SOURCES[v.source] !== v.type) {
        ctx.addIssue({
          code: "custom",
          path: ["type"],
          message: `source ${v.source} gives a ${VARIABLE_SOURCES[v.source]}`,
        });
      }
    }
  });
export type TemplateVariable = z.infer<typeof templateVariableSchema>;

export const templateFrontmatterSchema = z
  .object({
    title: z.string().trim().min(3).max(120),
    category: z.enum(CATEGORY_KEYS),
    purpose: z.string().trim().min(10).max(200),
    priority: z.enum(TEMPLATE_PRIORITIES),
    partner_types: z.array(z.enum(PARTNER_TYPES)).min(1),
    tiers: z.array(z.enum(TEMPLATE_TIERS)).min(1),
    skill_level: z.enum(SKILL_LEVELS),
    phase: z.array(z.enum(TEMPLATE_PHASES)).min(1),
    time_required: z.string().trim().min(3).max(40),
    description: z.string().trim().min(40).max(600),
    outcomes: z.array(z.string().trim().min(5)).min(2),
    variables: z.array(templateVariableSchema).min(1),
    related: z.array(slug).default([]),
    legal_notice: z.boolean().default(false),
  })
  .strict()
  .superRefine((fm, ctx) => {
    const seen = new Set<string>();
    fm.variables.forEach((v, i) => {
      if (seen.has(v.name))
        ctx.addIssue({
          code: "custom",
          path: ["variables", i, "name"],
          message: `duplicate variable ${v.name}`,
        });
      seen.add(v.name);
    });
  });
export type TemplateFrontmatter = z.infer<typeof templateFrontmatterSchema>;
