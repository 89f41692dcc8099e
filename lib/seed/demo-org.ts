import type * as schema from "../db/schema";
import type { AppRole, PartnerDomain } from "../db/schema";
import { STAFF, TIER_DEFS, type StaffKey, type TierKey } from "./demo-data";
import { buildInteractions, buildIsvs, buildPrograms } from "./demo-partners";
import type { Rng } from "./random";
import { daysBefore, DAY } from "./time";

export type PartnerRow = typeof schema.partners.$inferInsert & { id: string; name: string; joinedAt: Date };
export type IsvRow = PartnerRow & { domain: PartnerDomain };
export type ProgramRow = PartnerRow & { tierKey: TierKey };
type ProfileRow = typeof schema.profiles.$inferInsert;
type ContactRow = typeof schema.partnerContacts.$inferInsert & { id: string };
type AgreementRow = typeof schema.agreements.$inferInsert;
export type VersionRow = typeof schema.agreementVersions.$inferInsert;
type InteractionRow = typeof schema.partnerInteractions.$inferInsert;
export type AgreementHead = Pick<AgreementRow, "direction" | "model" | "name" | "status" | "createdBy">;
export type VersionTerms = Omit<VersionRow, "agreementId" | "version">;

export interface AuthUser {
  id: string;
  email: string;
  role: AppRole;
  createdAt: Date;
}

export interface DemoOrg {
  users: AuthUser[];
  profiles: ProfileRow[];
  staffIds: Record<StaffKey, string>;
  tierIds: Record<TierKey, string>;
  isvs: IsvRow[];
  programs: ProgramRow[];
  contacts: ContactRow[];
  primaryContacts: { partnerId: string; contactId: string }[];
  agreements: AgreementRow[];
  versions: VersionRow[];
  interactions: InteractionRow[];
  demoPartnerId: string;
  demoPartnerUserId: string;
}

/** Shared state the partner builders append to. */
export interface OrgBuilder extends DemoOrg {
  rng: Rng;
  now: Date;
  addAgreement(partner: PartnerRow, head: AgreementHead, versions: VersionTerms[]): void;
  addContact(partner: PartnerRow, contact: Omit<ContactRow, "id" | "partnerId">, primary: boolean): void;
}

/** Who the partner organisations, people and agreements are; the pipeline is built separately. */
export function buildOrg(rng: Rng, now: Date, earliestClose: Date): DemoOrg {
  const staffIds = Object.fromEntries(STAFF.map((s) => [s.key, rng.uuid()])) as Record<StaffKey, string>;
  const tierIds = Object.fromEntries(TIER_DEFS.map((t) => [t.key, rng.uuid()])) as Record<TierKey, string>;
  const b: OrgBuilder = {
    rng,
    now,
    users: [],
    profiles: [],
    staffIds,
    tierIds,
    isvs: [],
    programs: [],
    contacts: [],
    primaryContacts: [],
    agreements: [],
    versions: [],
    interactions: [],
    demoPartnerId: "",
    demoPartnerUserId: "",
    addAgreement(partner, head, versions) {
      const id = rng.uuid();
      const createdAt = versions[0]?.createdAt ?? partner.joinedAt;
      b.agreements.push({ id, partnerId: partner.id, createdAt, updatedAt: createdAt, ...head });
      versions.forEach((v, i) => b.versions.push({ id: rng.uuid(), agreementId: id, version: i + 1, ...v }));
    },
    addContact(partner, contact, primary) {
      const id = rng.uuid();
      b.contacts.push({ id, partnerId: partner.id, ...contact });
      if (primary) b.primaryContacts.push({ partnerId: partner.id, contactId: id });
    },
  };

  const teamSince = daysBefore(now, 760);
  STAFF.forEach((s, i) => {
    const createdAt = new Date(teamSince.getTime() + i * 3 * DAY);
    const id = staffIds[s.key];
    b.users.push({ id, email: s.email, role: s.role, createdAt });
    b.profiles.push({
      id,
      email: s.email,
      displayName: s.name,
      role: s.role,
      title: s.title,
      createdAt,
      updatedAt: createdAt,
    });
  });

  b.isvs = buildIsvs(b, earliestClose);
  b.programs = buildPrograms(b);
  buildInteractions(b);
  const { rng: _rng, now: _now, addAgreement: _a, addContact: _c, ...org } = b;
  return org;
}
