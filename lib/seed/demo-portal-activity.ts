import { sql } from "drizzle-orm";
import { evaluateAchievements } from "@/lib/achievements/evaluate";
import type { Tx } from "@/lib/db/connection";
import { dealRegistrations, tierHistory } from "@/lib/db/schema";
import { rows } from "@/lib/db/rows";
import { reevaluateTiers } from "@/lib/tiers/apply";
import { createRng, type Rng } from "./random";
import { DAY, isoDate } from "./time";

export interface PortalActivityIds {
  demoPartnerId: string;
  /** Partnership managers (and the VP) who reviewed registrations. */
  reviewerIds: readonly string[];
}

export interface PortalActivityOptions {
  /**
   * Re-evaluate every program partner against the trailing 90 days once seeded (quietly: history,
   * tier and agreement version, no notifications), so the first won deal or nightly run does not
   * move most partners at once.
   */
  settleTiers?: boolean;
}

interface ProgramPartner {
  id: string;
  name: string;
  slug: string;
  tier_id: string | null;
  joined_at: Date | string | null;
  submitter: string | null;
}

interface ReferredDeal {
  id: string;
  partner_id: string;
  customer_name: string;
  contact_name: string | null;
  contact_email: string | null;
  value_minor: string;
  currency: string;
  created_at: Date | string;
  is_lost: boolean;
}

const REJECTIONS = [
  "Already in our pipeline through direct sales",
  "The customer is an existing account of ours",
  "Not enough detail to verify the opportunity; please register again with the buying contact",
];
const PROSPECTS = [
  "northwind",
  "lumenforge",
  "quartzline",
  "tidewater",
  "brightloop",
  "ironbark",
  "cobaltpeak",
  "silverfjord",
  "redwoodhq",
  "atlasgrid",
  "meridianops",
  "harborlight",
];

const domainOf = (name: string) =>
  `${
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "customer"
  }.example`;

/**
 * Portal activity for the demo: deal registrations (approved ones linked to the referred deals they
 * became, pending, rejected with a reason, a flagged self-referral for the demo partner), the tier
 * each program partner got when it joined, and the badges and XP its seeded activity has earned.
 * Runs in the seed transaction after the pipeline, commissions and referral activity.
 */
export async function seedPortalActivity(
  tx: Tx,
  ids: PortalActivityIds,
  now: Date,
  options: PortalActivityOptions = {},
): Promise<{
  registrations: number;
  tierHistory: number;
  settled: number;
  achievements: number;
  xp: number;
}> {
  const rng = createRng("portal-activity");
  const partners = await rows<ProgramPartner>(
    tx,
    sql`select p.id, p.name, p.slug, p.tier_id, p.joined_at,
          (select pr.id from public.profiles pr where pr.partner_id = p.id order by pr.partner_member_role, pr.created_at limit 1) as submitter
        from public.partners p where p.kind in ('program', 'isv_and_program') and p.status = 'active' order by p.name`,
  );
  const deals = await rows<ReferredDeal>(
    tx,
    sql`select o.id, o.referring_partner_id as partner_id, o.customer_name, o.contact_name, o.contact_email, o.value_minor::text,
          o.currency, o.created_at, s.is_lost
        from public.opportunities o join public.stages s on s.id = o.stage_id where o.referring_partner_id is not null order by o.created_at`,
  );
  const [settings] = await rows<{ days: number }>(
    tx,
    sql`select protection_window_days as days from public.workspace_settings limit 1`,
  );
  const windowDays = settings?.days ?? 90;
  const registrations: (typeof dealRegistrations.$inferInsert)[] = [];
  const usedDomains = new Set<string>();
  for (const partner of partners) {
    const isDemo = partner.id === ids.demoPartnerId;
    const own = deals.filter((d) => d.partner_id === partner.id && !d.is_lost);
    const approvedCount = isDemo ? Math.min(own.length, 4) : Math.min(own.length, rng.int(0, 2));
    for (const deal of own.slice(-approvedCount)) {
      const domain = domainOf(deal.customer_name);
      if (usedDomains.has(domain)) continue;
      usedDomains.add(domain);
      registrations.push(approvedRegistration(rng, partner, deal, domain, ids, windowDays));
    }
    const extra = isDemo ? 3 : rng.int(0, 2);
    for (const [i, name] of rng.sample(PROSPECTS, extra).entries()) {
      const domain = `${name}-${partner.slug.slice(0, 12)}.example`;
      if (usedDomains.has(domain)) continue;
      usedDomains.add(domain);
      const rejected = i === 1 || (!isDemo && rng.chance(0.3));
      registrations.push(openRegistration(rng, partner, name, domain, rejected, ids, now));
    }
    if (isDemo) registrations.push(selfReferral(partner, now));
  }
  if (registrations.length > 0) await tx.insert(dealRegistrations).values(registrations);

  const history = partners
    .filter((p) => p.tier_id)
    .map((p) => ({
      partnerId: p.id,
      fromTierId: null,
      toTierId: p.tier_id!,
      reason: "Tier assigned when the partner joined the program",
      metrics: { revenueMinor: 0, wonDeals: 0, source: "onboarding" },
      changedAt: p.joined_at ? new Date(p.joined_at) : now,
    }));
  if (history.length > 0) await tx.insert(tierHistory).values(history);

  const settled = options.settleTiers
    ? await reevaluateTiers(
        tx,
        partners.map((p) => p.id),
        { today: isoDate(now), reason: "Re-evaluated against the trailing 90 days", quiet: true },
      )
    : [];
  const awarded = await evaluateAchievements(tx, "all", now, 3);
  return {
    registrations: registrations.length,
    tierHistory: history.length,
    settled: settled.length,
    ...awarded,
  };
}

function approvedRegistration(
  rng: Rng,
  partner: ProgramPartner,
  deal: ReferredDeal,
  domain: string,
  ids: PortalActivityIds,
  windowDays: number,
) {
  const created = new Date(new Date(deal.created_at).getTime() - rng.int(1, 4) * DAY);
  const reviewed = new Date(created.getTime() + rng.int(4, 30) * 3_600_000);
  return {
    partnerId: partner.id,
    submittedBy: partner.submitter,
    customerName: deal.customer_name,
    customerDomain: domain,
    contactName: deal.contact_name ?? "Buying contact",
    contactEmail: deal.contact_email ?? `buyer@${domain}`,
    estimatedValueMinor: Math.max(
      1_000_00,
      Math.round((Number(deal.value_minor) * rng.float(0.7, 1.1)) / 1_000_00) * 1_000_00,
    ),
    currency: deal.currency,
    notes: "Introduced through our advisory engagement.",
    status: "approved" as const,
    reviewedBy: rng.pick(ids.reviewerIds),
    reviewedAt: reviewed,
    protectedUntil: isoDate(new Date(reviewed.getTime() + windowDays * DAY)),
    opportunityId: deal.id,
    createdAt: created,
    updatedAt: reviewed,
  };
}

function openRegistration(
  rng: Rng,
  partner: ProgramPartner,
  name: string,
  domain: string,
  rejected: boolean,
  ids: PortalActivityIds,
  now: Date,
) {
  const created = new Date(now.getTime() - rng.int(1, 20) * DAY - rng.int(0, 23) * 3_600_000);
  const company = name.charAt(0).toUpperCase() + name.slice(1);
  return {
    partnerId: partner.id,
    submittedBy: partner.submitter,
    customerName: company,
    customerDomain: domain,
    contactName: "Morgan Lee",
    contactEmail: `morgan.lee@${domain}`,
    estimatedValueMinor: rng.int(8, 90) * 1_000_00,
    currency: "USD",
    notes: rejected ? null : "Evaluating vendors this quarter; asked for a demo.",
    status: rejected ? ("rejected" as const) : ("pending" as const),
    rejectionReason: rejected ? rng.pick(REJECTIONS) : null,
    reviewedBy: rejected ? rng.pick(ids.reviewerIds) : null,
    reviewedAt: rejected ? new Date(created.getTime() + 20 * 3_600_000) : null,
    createdAt: created,
    updatedAt: created,
  };
}

function selfReferral(partner: ProgramPartner, now: Date) {
  const domain = `${partner.slug}.example`;
  return {
    partnerId: partner.id,
    submittedBy: partner.submitter,
    customerName: partner.name,
    customerDomain: domain,
    contactName: "Internal IT",
    contactEmail: `it@${domain}`,
    estimatedValueMinor: 12_000_00,
    currency: "USD",
    notes: "Our own cloud spend review.",
    status: "pending" as const,
    selfReferral: true,
    createdAt: new Date(now.getTime() - 2 * DAY),
    updatedAt: new Date(now.getTime() - 2 * DAY),
  };
}
