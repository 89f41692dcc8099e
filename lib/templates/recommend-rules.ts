/** Facts about one partner that the recommendation rules read. */
export interface PartnerFacts {
  name: string;
  status: string;
  kind: "isv" | "program" | "isv_and_program";
  healthScore: number | null;
  daysSinceJoined: number | null;
  hasNda: boolean;
  hasAgreement: boolean;
  reviewedThisQuarter: boolean;
  pendingRegistrations: number;
  daysToQuarterEnd: number;
  daysIntoQuarter: number;
  quarterLabel: string;
}

export interface Recommendation {
  slug: string;
  reason: string;
  rule: string;
}

const ONBOARDING = new Set(["prospect", "applicant", "onboarding"]);

export function agreementSlugFor(kind: PartnerFacts["kind"]): string {
  return kind === "program" ? "referral-partner-agreement" : "isv-partnership-agreement";
}

/** Templates worth opening for this partner now, each with the reason, most urgent first. */
export function recommendForPartner(f: PartnerFacts, available: ReadonlySet<string>): Recommendation[] {
  const out: Recommendation[] = [];
  const isNew = ONBOARDING.has(f.status) || (f.daysSinceJoined !== null && f.daysSinceJoined <= 60);
  if (isNew && !f.hasNda) {
    out.push({ rule: "new-no-nda", slug: "mutual-nda", reason: `No NDA on file for ${f.name}: sign one before sharing roadmap or pricing.` });
  }
  if (!f.hasAgreement) {
    out.push({ rule: "no-agreement", slug: agreementSlugFor(f.kind), reason: `No partnership agreement on record for ${f.name}.` });
  }
  if (isNew) {
    const since = f.daysSinceJoined === null ? "is onboarding" : `joined ${f.daysSinceJoined} days ago`;
    out.push({ rule: "onboarding-plan", slug: "partner-onboarding-plan", reason: `${f.name} ${since}: agree an onboarding plan with owners and dates.` });
  }
  if (f.healthScore !== null && f.healthScore < 60) {
    const band = f.healthScore < 40 ? "at risk" : "needs attention";
    out.push({ rule: "health", slug: "partner-health-scorecard", reason: `Health ${f.healthScore} (${band}): score it with the partner and agree a remediation plan.` });
  }
  const reviewWindow = f.daysToQuarterEnd <= 21 || f.daysIntoQuarter <= 14;
  if (f.status === "active" && reviewWindow && !f.reviewedThisQuarter) {
    const when = f.daysToQuarterEnd <= 21 ? `${f.quarterLabel} ends in ${f.daysToQuarterEnd} days` : `${f.quarterLabel} has just begun`;
    out.push({ rule: "quarter-review", slug: "partner-business-review", reason: `${when}: prepare the business review.` });
  }
  if (f.pendingRegistrations > 0) {
    const n = f.pendingRegistrations;
    out.push({ rule: "registrations", slug: "deal-registration-policy", reason: `${n} deal registration${n === 1 ? "" : "s"} waiting: share the rules they are judged by.` });
  }
  // The onboarding plan is a team template in most workspaces; without one, the portal guide stands in.
  return out
    .map((r) => (r.slug === "partner-onboarding-plan" && !available.has(r.slug) ? { ...r, slug: "partner-portal-guide" } : r))
    .filter((r) => available.has(r.slug));
}

export interface Bundle {
  key: string;
  title: string;
  description: string;
  slugs: (f: Pick<PartnerFacts, "kind">, available: ReadonlySet<string>) => string[];
}

export const BUNDLES: readonly Bundle[] = [
  {
    key: "onboard-partner",
    title: "Onboard partner",
    description: "NDA, the agreement for the partner's type and the onboarding plan.",
    slugs: (f, available) => [
      "mutual-nda",
      agreementSlugFor(f.kind),
      available.has("partner-onboarding-plan") ? "partner-onboarding-plan" : "partner-portal-guide",
    ],
  },
  {
    key: "quarterly-review",
    title: "Quarterly review",
    description: "Business review, health scorecard and the monthly report.",
    slugs: () => ["partner-business-review", "partner-health-scorecard", "monthly-partner-report"],
  },
];
