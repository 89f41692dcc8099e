import type * as schema from "../db/schema";
import type { PartnerDomain } from "../db/schema";
import type { StaffKey } from "./demo-data";
import { quarterStart } from "./time";

const DOMAIN_SHARE: Record<PartnerDomain, number> = {
  finops: 40_000_00,
  security: 60_000_00,
  observability: 70_000_00,
  devops: 30_000_00,
  data_backup: 25_000_00,
  dev_platform: 25_000_00,
};

const PERSON_GOAL: Partial<Record<StaffKey, number>> = {
  sales1: 80_000_00,
  sales2: 85_000_00,
  sales3: 70_000_00,
  pm1: 10_000_00,
  pm2: 5_000_00,
};

/** The company target, the domain split and each seller's quota, for this quarter and the four before it. */
export function buildGoals(now: Date, staffIds: Record<StaffKey, string>): (typeof schema.quarterlyGoals.$inferInsert)[] {
  const goals: (typeof schema.quarterlyGoals.$inferInsert)[] = [];
  for (let offset = -4; offset <= 0; offset += 1) {
    const start = quarterStart(now, offset);
    const period = { year: start.getUTCFullYear(), quarter: Math.floor(start.getUTCMonth() / 3) + 1, currency: "USD" };
    goals.push({ ...period, targetMinor: 250_000_00 });
    for (const [domain, targetMinor] of Object.entries(DOMAIN_SHARE)) goals.push({ ...period, domain: domain as PartnerDomain, targetMinor });
    for (const [key, targetMinor] of Object.entries(PERSON_GOAL)) goals.push({ ...period, ownerId: staffIds[key as StaffKey], targetMinor });
  }
  return goals;
}
