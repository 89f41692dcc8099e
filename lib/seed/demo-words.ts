import type { PartnerDomain } from "../db/schema";
import { list, oneOf, table } from "./text";

export const CITIES = list(`
  Austin; Denver; Chicago; Seattle; Boston; Atlanta; Toronto; New York; Raleigh; Portland; Minneapolis; San Diego
`);

export const FIRST_NAMES = list(`
  Olivia; Liam; Sofia; Noah; Maya; Ethan; Ava; Lucas; Chloe; Mateo; Grace; Owen; Nina; Caleb; Isla; Daniel
  Hannah; Rohan; Leah; Tomás; Zoe; Arjun; Claire; Felix; Ruth; Kenji; Amara; Victor; Julia; Omar; Sara; Ben
  Ingrid; Diego; Mei; Patrick; Yara; Henry; Lena; Kwame; Tessa; Ivan; Paula; Rafael; Emma; Theo; Aisha; Connor
`);

export const LAST_NAMES = list(`
  Bennett; Nakamura; Okonkwo; Larsen; Moreau; Patel; Schmidt; Delgado; Fitzgerald; Haddad; Ivanova; Kim; Lindqvist
  Mendes; Novak; O'Brien; Petrov; Quinn; Rossi; Sato; Thompson; Varga; Walsh; Yilmaz; Zhang; Abernathy; Brooks
  Castillo; Dubois; Eriksen; Fischer; Gupta; Hughes; Jensen; Keller; Lopez; Murphy; Nguyen; Osei; Park
`);

export const ISV_CONTACT_TITLES = list(`
  Partner Manager; Channel Sales Director; Alliances Director; Partner Solutions Engineer; Regional Sales Manager
`);

export const CUSTOMERS = list(`
  Acme Freight Logistics; Bluewater Health Systems; Cedar Ridge Financial; Crestline Insurance Group
  Driftwood Analytics; Evergreen Retail Co.; Fairmont Biotech; Foxhollow Media; Gatewood Payments
  Goldleaf Hospitality; Hartwell Manufacturing; Highmark Learning; Ironclad Energy; Juniper Telehealth
  Keystone Credit Union; Lakeshore Mobility; Lighthouse Robotics; Maplewood Foods; Marigold Travel
  Mosaic Gaming Studios; Northstar Freight; Oakline Property Group; Orbitpay; Palisade Wealth Partners
  Parkview Medical Group; Pinecrest Software; Quantum Ledger; Redfern Apparel; Riverbend Utilities
  Sable Security Bank; Seaside Streaming; Silverline Airlines; Solstice Renewables; Stonebridge Capital
  Summit Outdoor Supply; Tallgrass Agritech; Tangent Labs; Thistle Pharmaceuticals; Trailhead Fitness
  Union Square Brands; Vantage Point Realty; Verdant Grocers; Westbrook University; Whitecap Marine
  Willow Insurance; Yellowstone Telecom; Zephyr Energy Storage; Arcadia Game Works; Beacon Diagnostics
  Brightwater Bank; Canyon Data Systems; Coastal Pet Care; Copperfield Legal; Davenport Logistics
  Elmhurst Clinics; Firebrand Esports; Fremont AutoParts; Glacier Cold Chain; Granite State Mutual
  Harbor Point Shipping; Horizon EdTech; Indigo Fashion House; Kingfisher Analytics; Larkspur Home Goods
  Meadowlark Foods; Midtown Ticketing; Monarch Aerospace; Nexa Mobility; Northgate Hospitals
  Olympia Sports Network; Peregrine Insurance; Pioneer Credit; Prairie Wind Energy; Quill Publishing
  Rainier Outfitters; Redstone Mining Tech; Ridgeway Pharmacy; Saltmarsh Seafood; Sequoia Health Plan
  Skyward Drones; Starling Neobank; Sterling Auto Lease; Sunrise Senior Living; Timberline Construction
  Trueline Payroll; Upland Dairy Co-op; Valor Defense Systems; Wavecrest Hotels; Wildflower Cosmetics
  Zenith Freightways
`);
/** Customers that buy enterprise-wide platforms: the only ones given the largest deals. */
export const ENTERPRISE_CUSTOMERS = list(`
  Bluewater Health Systems; Cedar Ridge Financial; Crestline Insurance Group; Keystone Credit Union
  Silverline Airlines; Stonebridge Capital; Sable Security Bank; Yellowstone Telecom; Riverbend Utilities
  Northgate Hospitals; Monarch Aerospace; Valor Defense Systems; Sequoia Health Plan; Westbrook University
  Granite State Mutual; Harbor Point Shipping; Brightwater Bank; Parkview Medical Group; Palisade Wealth Partners
  Olympia Sports Network; Starling Neobank
`);
/** Small businesses: plausible buyers of a five-figure deal, never of a six-figure one. */
export const SMALL_CUSTOMERS: ReadonlySet<string> = new Set(
  list(`
  Coastal Pet Care; Ridgeway Pharmacy; Saltmarsh Seafood; Wildflower Cosmetics; Upland Dairy Co-op
  Larkspur Home Goods; Summit Outdoor Supply; Rainier Outfitters; Redfern Apparel; Maplewood Foods
  Fremont AutoParts; Quill Publishing; Copperfield Legal; Marigold Travel; Midtown Ticketing
  Indigo Fashion House; Meadowlark Foods; Trailhead Fitness; Firebrand Esports; Arcadia Game Works
  Tangent Labs; Skyward Drones; Goldleaf Hospitality; Sunrise Senior Living
`),
);
export const CUSTOMERS_EU = list(`
  Nordhafen Logistik GmbH; Lumière Assurances SA; Vindmølle Energi A/S; Banca Aurora S.p.A.
  Tulpenveld Retail B.V.; Kraków Data Works
`);
export const CUSTOMERS_UK = list(`
  Albion Retail Group plc; Thames Valley Building Society; Pennine Rail Services; Highland Whisky Holdings
`);

export const DEAL_TITLES: Record<PartnerDomain, readonly string[]> = {
  finops: list(`
    Kubernetes cost optimization; Multi-account cloud cost visibility; FinOps rollout for EKS clusters
    Committed-use savings program
  `),
  security: list(`
    AppSec platform rollout; Runtime security for production clusters; SCA and secrets scanning
    Vulnerability management renewal; Cloud security posture program
  `),
  observability: list(`
    Observability platform migration; Log management consolidation; APM for customer-facing services
    On-call and incident response rollout; Metrics and tracing expansion
  `),
  devops: list(`
    Kubernetes developer environments; API gateway modernization; IaC governance rollout; Preview environments for CI
  `),
  data_backup: list(`
    Backup and disaster recovery; OpenSearch cluster migration; Data resilience for Microsoft 365
    Search platform performance audit
  `),
  dev_platform: list(`
    Internal developer portal; Software catalog and scorecards; CI/CD platform consolidation; Backstage managed rollout
  `),
};

export const LOSS_REASONS = ["Budget", "Chose competitor", "No decision", "Timing", "Technical fit"];

export const BACKWARD_JUSTIFICATIONS = list(`
  Customer added a security team review, so we are re-running the demo for the new stakeholders.
  POC scope changed after the architecture review, so technical validation restarts.
  Budget owner changed: proposal withdrawn until the new owner has seen the product.
  Technical contact left the company, so the POC kickoff is repeated with the replacement.
`);

export const DEAL_NOTES = list(`
  Champion is the platform lead. Procurement wants a 3-year option.
  Competing against an in-house open-source stack.
  Customer asked for an AWS Marketplace private offer.
  Expansion of an existing footprint, renewal date aligned with their fiscal year.
  Joint call with the vendor's SE scheduled.
`);

const INTERACTION_KINDS = ["meeting", "call", "email", "qbr", "event", "note"] as const;

/** kind | summary | next steps, with {contact} and {partner} filled in. */
export const INTERACTIONS = table(`
  qbr     | Quarterly business review with {partner}: joint pipeline, win rate and next quarter's enablement plan. | Share the pipeline export and agree two co-sell targets.
  call    | Call with {contact} about the co-selling motion and deal registration rules.                         | Send the updated registration guide.
  meeting | Enablement session for our sales team on {partner} positioning and the competitive landscape.        | Record the session for the partner portal.
  email   | Confirmed updated commission terms and payout timing with {contact}.                                 |
  event   | Met the {partner} team at a KubeCon booth and collected six warm introductions.                      | Follow up on the introductions within a week.
  note    | {partner} is hiring two partner SEs, so POC turnaround should improve next quarter.                  |
  call    | Pipeline review with {contact}: three deals need executive sponsors.                                 | Book executive sponsor calls.
  meeting | Joint account planning with {contact} for the top-10 target accounts.                                | Draft account plans and share them.
`).map(([kind, summary, nextSteps]) => ({
  kind: oneOf(kind, INTERACTION_KINDS),
  summary: summary!,
  nextSteps: nextSteps || null,
}));

// Scale data set: combined to produce thousands of distinct, plausible names.
export const NAME_PREFIXES = list(`
  Alder; Amber; Apex; Arbor; Ash; Aspen; Basalt; Birch; Blue; Bright; Canyon; Cedar; Cinder; Clear; Cobalt; Coral
  Crest; Delta; Ember; Falcon; Fern; Fjord; Glen; Granite; Harbor; Hawk; Helix; Iron; Jade; Juniper; Keystone
  Lark; Linden; Lumen; Maple; Meridian; Mesa; North; Oak; Onyx
`);
export const NAME_MIDDLES = list(`
  Cloud; Digital; Data; Tech; Systems; Ops; Logic; Stack; Byte; Signal; Vector; Grid; Code; Node; Pixel
`);
export const NAME_SUFFIXES = list(`
  Partners; Consulting; Group; Labs; Solutions; Services; Advisors; Collective; Works; Networks; Studio; Associates
`);
export const ISV_NAME_SUFFIXES = list(`
  Software; Technologies; Labs; Systems; Cloud; Security; Analytics; AI; Platform; IO; HQ; Inc.
`);
export const CUSTOMER_SUFFIXES = list(`
  Bank; Health; Logistics; Retail; Insurance; Energy; Media; Foods; Airlines; Pharma; Telecom; Motors; Realty
  Capital; Learning; Hotels; Games; Payments; Biotech; Freight
`);
