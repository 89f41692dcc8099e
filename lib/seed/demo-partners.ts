import {
  DEMO_PARTNER_LOGIN,
  ISV_PORTFOLIO,
  PROGRAM_DESCRIPTIONS,
  PROGRAM_PARTNERS,
  TIER_DEFS,
  type Model,
  type StaffKey,
  type TierKey,
} from "./demo-data";
import type { IsvRow, OrgBuilder, ProgramRow, VersionTerms } from "./demo-org";
import { CITIES, FIRST_NAMES, INTERACTIONS, ISV_CONTACT_TITLES, LAST_NAMES } from "./demo-words";
import type { Rng } from "./random";
import { emailLocal, slugify } from "./text";
import { DAY, HOUR, daysBefore, isoDate } from "./time";

const MODEL_LABEL: Record<Model, string> = {
  referral: "Referral",
  reseller: "Reseller",
  msp: "MSP",
  custom: "Custom",
};
// Revised rates stay inside both the model's allowed range and the portfolio's 10-40% band.
const MODEL_RANGE: Record<Model, [number, number]> = {
  referral: [10, 25],
  reseller: [20, 40],
  msp: [15, 40],
  custom: [10, 40],
};
const TIER_RATE = Object.fromEntries(TIER_DEFS.map((t) => [t.key, t.rate])) as Record<TierKey, number>;
const JOINED_DAYS_AGO: Record<TierKey, [number, number]> = {
  elite: [380, 540],
  performer: [240, 520],
  active: [120, 450],
  starter: [30, 300],
};
const HEALTH: Record<TierKey, [number, number]> = {
  starter: [40, 75],
  active: [55, 85],
  performer: [65, 92],
  elite: [75, 98],
};

export const personName = (rng: Rng) => `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;

export function buildIsvs(b: OrgBuilder, earliestClose: Date): IsvRow[] {
  const { rng, staffIds } = b;
  // Vendor agreements start before the oldest close date, so every won deal has a version in force.
  const revisedFrom = isoDate(daysBefore(b.now, rng.int(110, 130)));
  return ISV_PORTFOLIO.map((isv) => {
    const joinedAt = daysBefore(earliestClose, rng.int(100, 160));
    const signedAt = daysBefore(earliestClose, rng.int(10, 30));
    const owner = rng.weighted<StaffKey>([
      ["pm1", 6],
      ["vp", 2],
      ["pm2", 1],
    ]);
    const partner: IsvRow = {
      id: rng.uuid(),
      name: isv.name,
      slug: isv.slug,
      kind: isv.kind,
      domain: isv.domain,
      status: "active",
      website: isv.website,
      description: isv.description,
      tierId: isv.kind === "isv_and_program" ? b.tierIds.active : null,
      healthScore: rng.int(55, 95),
      ownerId: staffIds[owner],
      joinedAt,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    };
    const people = rng.int(1, 3);
    for (let i = 0; i < people; i++) {
      const name = personName(rng);
      const title = i === 0 ? "Partner Manager" : rng.pick(ISV_CONTACT_TITLES);
      const email = `${emailLocal(name)}@${isv.slug}.example`;
      const phone = `+1 415 555 0${rng.int(100, 199)}`;
      b.addContact(partner, { name, title, email, phone, createdAt: joinedAt, updatedAt: joinedAt }, i === 0);
    }

    const recurring = rng.chance(0.5);
    const createdBy = staffIds[rng.pick<StaffKey>(["vp", "finance"])];
    const first: VersionTerms = {
      rate: isv.rate.toFixed(4),
      // Deals carry no net-revenue figure yet, so every demo agreement pays on deal value.
      basis: "deal_value",
      paymentModel: recurring ? "recurring" : "one_time",
      currency: "USD",
      terms: recurring ? { recurring: { months: rng.pick([12, 12, 24, 36]), cadence: "monthly" } } : {},
      effectiveFrom: isoDate(signedAt),
      createdBy,
      createdAt: signedAt,
    };
    const versions = [first];
    if (rng.chance(0.35)) {
      const [lo, hi] = MODEL_RANGE[isv.model];
      const rate = Math.min(hi, Math.max(lo, isv.rate + rng.pick([-3, -2, 2, 3, 5])));
      first.effectiveTo = revisedFrom;
      versions.push({
        ...first,
        rate: rate.toFixed(4),
        effectiveFrom: revisedFrom,
        effectiveTo: null,
        createdAt: new Date(`${revisedFrom}T16:00:00Z`),
      });
    }
    const name = `${isv.name} ${MODEL_LABEL[isv.model]} Agreement`;
    b.addAgreement(
      partner,
      { direction: "receivable", model: isv.model, name, status: "active", createdBy },
      versions,
    );
    return partner;
  });
}

export function buildPrograms(b: OrgBuilder): ProgramRow[] {
  const { rng, staffIds } = b;
  const programs = PROGRAM_PARTNERS.map(({ name, type, tierKey, status }) => {
    const slug = slugify(name);
    const [minDays, maxDays] = status === "onboarding" ? [6, 40] : JOINED_DAYS_AGO[tierKey];
    const joinedAt = daysBefore(b.now, rng.int(minDays, maxDays));
    const owner: StaffKey = tierKey === "elite" && rng.chance(0.3) ? "vp" : rng.chance(0.75) ? "pm2" : "pm1";
    const partner: ProgramRow = {
      id: rng.uuid(),
      name,
      slug,
      kind: "program",
      status,
      tierId: b.tierIds[tierKey],
      tierKey,
      website: `https://www.${slug}.example`,
      description: rng.pick(PROGRAM_DESCRIPTIONS[type]).replace("{city}", rng.pick(CITIES)),
      healthScore: rng.int(...HEALTH[tierKey]),
      ownerId: staffIds[owner],
      joinedAt,
      createdAt: joinedAt,
      updatedAt: joinedAt,
    };
    const isDemo = name === DEMO_PARTNER_LOGIN.partnerName;
    const people = [isDemo ? DEMO_PARTNER_LOGIN.name : personName(rng)];
    if (isDemo || rng.chance(0.5)) {
      let second = personName(rng);
      while (second.split(" ")[0] === people[0]!.split(" ")[0]) second = personName(rng);
      people.push(second);
    }
    people.forEach((person, i) => {
      const id = rng.uuid();
      const admin = i === 0;
      const email =
        isDemo && admin ? DEMO_PARTNER_LOGIN.email : `${slugify(person.split(" ")[0]!)}@${slug}.example`;
      const createdAt = new Date(joinedAt.getTime() + (i * 9 + 1) * HOUR);
      const title = admin
        ? rng.pick(["Founder", "Managing Partner", "Head of Alliances", "CEO"])
        : rng.pick(["Solutions Architect", "Account Executive", "Partner Lead"]);
      b.users.push({ id, email, role: "partner", createdAt });
      b.profiles.push({
        id,
        email,
        displayName: person,
        role: "partner",
        title,
        partnerId: partner.id,
        partnerMemberRole: admin ? "admin" : "member",
        createdAt,
        updatedAt: createdAt,
      });
      if (admin) b.addContact(partner, { name: person, email, title, createdAt, updatedAt: createdAt }, true);
      if (isDemo && admin) [b.demoPartnerId, b.demoPartnerUserId] = [partner.id, id];
    });
    return partner;
  });

  // Vendors that also refer business are paid like a Growth-tier partner.
  const payees = [
    ...programs,
    ...b.isvs.filter((p) => p.kind === "isv_and_program").map((p) => ({ ...p, tierKey: "active" as const })),
  ];
  for (const partner of payees) {
    const createdBy = staffIds.vp;
    const name = `${partner.name} Partner Program Agreement`;
    b.addAgreement(partner, { direction: "payable", model: "referral", name, status: "active", createdBy }, [
      {
        rate: TIER_RATE[partner.tierKey].toFixed(4),
        basis: "deal_value",
        paymentModel: "one_time",
        currency: "USD",
        terms: {},
        effectiveFrom: isoDate(partner.joinedAt),
        createdBy,
        createdAt: partner.joinedAt,
      },
    ]);
  }
  return programs;
}

/** A few touchpoints per relationship in the last 90 days, never before the partner joined. */
export function buildInteractions(b: OrgBuilder): void {
  const { rng, now } = b;
  for (const partner of [...b.isvs, ...b.programs]) {
    const isVendor = partner.kind !== "program";
    const count = isVendor ? rng.int(2, 4) : partner.status === "onboarding" ? 1 : rng.int(0, 2);
    const maxDaysAgo = Math.min(89, (now.getTime() - partner.joinedAt.getTime()) / DAY);
    const contact = b.contacts.find((c) => c.partnerId === partner.id)?.name ?? "the partner team";
    const fill = (s: string) => s.replace("{partner}", partner.name).replace("{contact}", contact);
    for (let i = 0; i < count; i++) {
      const template = rng.pick(INTERACTIONS);
      const occurredAt = daysBefore(now, rng.float(0.2, Math.max(0.5, maxDaysAgo)));
      b.interactions.push({
        id: rng.uuid(),
        partnerId: partner.id,
        kind: template.kind,
        summary: fill(template.summary),
        nextSteps: template.nextSteps && fill(template.nextSteps),
        authorId:
          isVendor && rng.chance(0.3)
            ? b.staffIds[rng.pick<StaffKey>(["sales1", "sales2", "sales3"])]
            : partner.ownerId,
        occurredAt,
        createdAt: occurredAt,
        updatedAt: occurredAt,
      });
    }
  }
}
