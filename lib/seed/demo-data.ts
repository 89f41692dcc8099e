import type { AppRole, PartnerDomain } from "../db/schema";
import { list, oneOf, table } from "./text";

export const DEMO_PASSWORD = "partneros-demo";

export const COMPANY = {
  companyName: "Stratus Cloud Alliances",
  legalName: "Stratus Cloud Alliances, Inc.",
  address: "500 Howard Street, Suite 400, San Francisco, CA 94105, United States",
  currency: "USD",
  quarterTargetMinor: 25_000_000,
  signatoryName: "Dana Whitfield",
  signatoryTitle: "VP Strategic Partnerships",
} as const;

const TIER_KEYS = ["starter", "active", "performer", "elite"] as const;
export type TierKey = (typeof TIER_KEYS)[number];
type Cadence = "monthly" | "biweekly" | "weekly" | "realtime";

interface TierDef {
  key: TierKey;
  name: string;
  rank: number;
  rate: number;
  cadence: Cadence;
  minRevenueMinor: number;
  minDeals: number;
  color: string;
  perks: string[];
}

// prettier-ignore
const tier = (key: TierKey, name: string, rate: number, cadence: Cadence, minUsd: number, minDeals: number, color: string, perks: string): TierDef => ({
  key, name, rank: TIER_KEYS.indexOf(key), rate, cadence, minRevenueMinor: minUsd * 100, minDeals, color, perks: list(perks),
});

// prettier-ignore
export const TIER_DEFS: readonly TierDef[] = [
  tier("starter", "Starter", 20, "monthly", 0, 0, "#64748b", "Referral links and deal registration; Core sales training; Email support; Monthly payouts"),
  tier("active", "Growth", 22, "biweekly", 5_000, 1, "#0ea5e9", "Pipeline tracking; Video and case-study library; Priority support; Bi-weekly payouts"),
  tier("performer", "Performer", 25, "weekly", 15_000, 1, "#8b5cf6", "Dedicated partner manager; Technical deep-dive training; Co-branded campaigns; Weekly payouts"),
  tier("elite", "Elite", 30, "realtime", 40_000, 1, "#f59e0b", "Strategic advisor; White-label materials; Co-marketing funds; Real-time payouts; Executive business reviews"),
];

export type StageKey = "lead" | "demo" | "poc" | "proposal" | "closed_won" | "closed_lost";

export const STAGE_DEFS: readonly {
  key: StageKey;
  name: string;
  probability: number;
  color: string;
  isWon?: boolean;
  isLost?: boolean;
  requiredFields?: string[];
}[] = [
  { key: "lead", name: "Lead", probability: 10, color: "#94a3b8" },
  { key: "demo", name: "Demo", probability: 25, color: "#38bdf8" },
  { key: "poc", name: "POC", probability: 50, color: "#818cf8", requiredFields: ["technical_contact_name"] },
  { key: "proposal", name: "Proposal", probability: 75, color: "#f59e0b" },
  { key: "closed_won", name: "Closed won", probability: 100, color: "#22c55e", isWon: true },
  { key: "closed_lost", name: "Closed lost", probability: 0, color: "#ef4444", isLost: true },
];

const STAFF_KEYS = ["vp", "sales1", "sales2", "sales3", "pm1", "pm2", "finance"] as const;
export type StaffKey = (typeof STAFF_KEYS)[number];
const STAFF_ROLES = ["vp", "sales_manager", "partnership_manager", "finance"] as const;

export const STAFF: readonly {
  key: StaffKey;
  role: Exclude<AppRole, "partner">;
  name: string;
  title: string;
  email: string;
}[] = table(`
    vp      | vp                  | Dana Whitfield  | VP Strategic Partnerships                 | vp@demo.partneros.dev
    sales1  | sales_manager       | Marcus Chen     | Senior ISV Sales Manager, FinOps & Data   | sales1@demo.partneros.dev
    sales2  | sales_manager       | Priya Raman     | ISV Sales Manager, Security & DevOps      | sales2@demo.partneros.dev
    sales3  | sales_manager       | Jordan Alvarez  | ISV Sales Manager, Observability          | sales3@demo.partneros.dev
    pm1     | partnership_manager | Elena Kovacs    | Partnership Manager, Technology Alliances | partnerships1@demo.partneros.dev
    pm2     | partnership_manager | Samuel Okafor   | Partnership Manager, Channel Programs     | partnerships2@demo.partneros.dev
    finance | finance             | Rachel Goldberg | Partner Finance & Commissions Lead        | finance@demo.partneros.dev
  `).map(([key, role, name, title, email]) => ({
  key: oneOf(key, STAFF_KEYS),
  role: oneOf(role, STAFF_ROLES),
  name: name!,
  title: title!,
  email: email!,
}));

/** The sales manager who carries each vendor domain; deals follow the domain. */
export const DOMAIN_SELLER: Record<PartnerDomain, StaffKey> = {
  finops: "sales1",
  data_backup: "sales1",
  dev_platform: "sales1",
  security: "sales2",
  devops: "sales2",
  observability: "sales3",
};

export const DEMO_PARTNER_LOGIN = {
  email: "partner@demo.partneros.dev",
  name: "Alex Morgan",
  partnerName: "Brightpath Consulting",
} as const;

const DOMAINS = ["finops", "security", "observability", "devops", "data_backup", "dev_platform"] as const;
const MODELS = ["referral", "reseller", "msp", "custom"] as const;
export type Model = (typeof MODELS)[number];

export const ISV_PORTFOLIO = table(`
  cast-ai          | Cast.ai         | isv             | finops        | https://cast.ai              | referral | 20 | Kubernetes cost optimization and automated rightsizing.
  pelanor          | Pelanor         | isv_and_program | finops        | https://www.pelanor.com      | referral | 15 | Cloud cost management and unit economics.
  arnica           | Arnica          | isv             | security      | https://www.arnica.io        | reseller | 30 | Pipelineless application security: SAST, SCA and secrets.
  upwind           | Upwind          | isv             | security      | https://www.upwind.io        | referral | 20 | Runtime-powered cloud security platform (CNAPP).
  aikido           | Aikido Security | isv             | security      | https://www.aikido.dev       | referral | 25 | Developer-first code and cloud security scanning.
  rapid7           | Rapid7          | isv             | security      | https://www.rapid7.com       | reseller | 25 | Vulnerability management and managed detection and response.
  snyk             | Snyk            | isv             | security      | https://snyk.io              | reseller | 22 | Developer security for code, dependencies, containers and IaC.
  coralogix        | Coralogix       | isv             | observability | https://coralogix.com        | referral | 18 | Full-stack observability with in-stream log analytics.
  groundcover      | groundcover     | isv             | observability | https://www.groundcover.com  | referral | 22 | eBPF-based Kubernetes observability.
  grafana-labs     | Grafana Labs    | isv             | observability | https://grafana.com          | reseller | 25 | Open observability stack: Grafana, Loki, Mimir and Tempo.
  datadog          | Datadog         | isv             | observability | https://www.datadoghq.com    | referral | 10 | Monitoring and security platform for cloud applications.
  pagerduty        | PagerDuty       | isv             | observability | https://www.pagerduty.com    | referral | 12 | Incident response and on-call management.
  elastic          | Elastic         | isv             | observability | https://www.elastic.co       | reseller | 24 | Search, observability and security built on Elasticsearch.
  logz-io          | Logz.io         | isv             | observability | https://logz.io              | msp      | 30 | Managed open-source observability.
  okteto           | Okteto          | isv_and_program | devops        | https://www.okteto.com       | referral | 25 | Kubernetes development environments.
  ambassador       | Ambassador      | isv             | devops        | https://www.getambassador.io | custom   | 15 | Kubernetes-native API gateway and developer tooling.
  spacelift        | Spacelift       | isv             | devops        | https://spacelift.io         | msp      | 25 | Infrastructure-as-code orchestration and governance.
  bigdata-boutique | BigData Boutique| isv_and_program | data_backup   | https://bigdataboutique.com  | custom   | 35 | Elasticsearch, OpenSearch and data-platform consulting.
  veeam            | Veeam           | isv             | data_backup   | https://www.veeam.com        | msp      | 20 | Backup, recovery and data resilience.
  port             | Port            | isv             | dev_platform  | https://www.port.io          | referral | 20 | Internal developer portal and software catalog.
  harness          | Harness         | isv             | dev_platform  | https://www.harness.io       | reseller | 28 | Software delivery platform: CI/CD, feature flags and cloud costs.
  roadie           | Roadie          | isv             | dev_platform  | https://roadie.io            | referral | 15 | Managed Backstage developer portal.
  cortex           | Cortex          | isv             | dev_platform  | https://www.cortex.io        | referral | 18 | Internal developer portal with service scorecards.
`).map(([slug, name, kind, domain, website, model, rate, description]) => ({
  slug: slug!,
  name: name!,
  kind: oneOf(kind, ["isv", "isv_and_program"] as const),
  domain: oneOf(domain, DOMAINS),
  website: website!,
  model: oneOf(model, MODELS),
  rate: Number(rate),
  description: description!,
}));

const PROGRAM_TYPES = ["consultancy", "msp", "agency", "affiliate"] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const PROGRAM_PARTNERS = table(`
  Brightpath Consulting       | consultancy | performer | active
  Northwind Cloud Advisors    | consultancy | elite     | active
  CloudHaven Managed Services | msp         | elite     | active
  Atlas Managed Cloud         | msp         | elite     | active
  Kestrel Digital Partners    | consultancy | elite     | active
  Sentinel IT Services        | msp         | elite     | active
  Granite Peak Technologies   | consultancy | elite     | active
  Meridian Tech Consulting    | consultancy | performer | active
  Bluestone Advisory          | consultancy | performer | active
  Nimbus Ops                  | msp         | performer | active
  Redwood Systems Integration | msp         | performer | active
  The SRE Collective          | affiliate   | performer | active
  Wayfinder DevOps            | consultancy | performer | active
  Copperline Marketing        | agency      | performer | active
  Aurora Platform Engineering | consultancy | performer | active
  Harborline Solutions        | consultancy | active    | active
  Ironbridge Consulting       | consultancy | active    | active
  Polaris MSP                 | msp         | active    | active
  Vertex Cloud Operations     | msp         | active    | active
  Pixel & Pine Digital        | agency      | active    | active
  CloudCost Insider           | affiliate   | active    | active
  SecOps Circle               | affiliate   | active    | active
  Tidewater Data              | consultancy | active    | active
  Cobalt Shift                | consultancy | active    | active
  Trident Networks            | msp         | active    | active
  Summit Ridge Partners       | consultancy | starter   | active
  Lumen Strategy Group        | consultancy | starter   | active
  Foxglove Agency             | agency      | starter   | active
  Signal Hill Media           | agency      | starter   | active
  Ember Growth Studio         | agency      | starter   | active
  Bold North Creative         | agency      | starter   | onboarding
  DevTools Weekly             | affiliate   | starter   | active
  Kubernetes Navigator        | affiliate   | starter   | onboarding
  Stackwise Reviews           | affiliate   | starter   | active
  Orchard Lane Consulting     | consultancy | starter   | onboarding
  Quarry Labs                 | consultancy | starter   | onboarding
`).map(([name, type, tierKey, status]) => ({
  name: name!,
  type: oneOf(type, PROGRAM_TYPES),
  tierKey: oneOf(tierKey, TIER_KEYS),
  status: oneOf(status, ["active", "onboarding"] as const),
}));

export const PROGRAM_DESCRIPTIONS: Record<ProgramType, readonly string[]> = {
  consultancy: list(`
    Cloud consultancy in {city} running platform-engineering and migration projects.
    Boutique AWS and GCP consultancy in {city}, bringing security and FinOps projects.
    DevOps and SRE consulting practice based in {city}.
  `),
  msp: list(`
    Managed service provider in {city} operating Kubernetes estates for mid-market customers.
    24/7 managed cloud and security operations, headquartered in {city}.
  `),
  agency: list(`
    Digital agency in {city} that builds and hosts SaaS products for its clients.
    Growth and web agency in {city} referring its engineering-led clients.
  `),
  affiliate: list(`
    Newsletter and community for cloud engineers, referring readers through tracked links.
    Review site and podcast covering developer tooling and cloud infrastructure.
  `),
};
