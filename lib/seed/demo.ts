import { seedTemplateActivity } from "./template-activity";
import { seedHealthHistory } from "./demo-health";
import { evaluateAlerts } from "../alerts/engine";
import { seedStatusHistory } from "./demo-status";
import { seedTasks } from "./demo-tasks";
import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { hashPassword } from "../auth/password";
import type { Connection, Tx } from "../db/connection";
import * as schema from "../db/schema";
import type { AppRole } from "../db/schema";
import {
  COMPANY,
  DEMO_PARTNER_LOGIN,
  DEMO_PASSWORD,
  DOMAIN_SELLER,
  STAFF,
  STAGE_DEFS,
  TIER_DEFS,
  type StageKey,
} from "./demo-data";
import { recalculateCommissions } from "../commission-records/persist";
import { storageFromEnv } from "../storage/from-env";
import { syncTrainingContent } from "../training/sync";
import { seedTrainingProgress } from "./demo-training";
import { seedCommissionActivity } from "./demo-commissions";
import { seedPayoutHistory } from "./demo-payouts";
import { seedPortalActivity } from "./demo-portal-activity";
import { seedReferralActivity } from "./demo-referrals";
import { buildFxRates } from "./demo-fx";
import { buildGoals } from "./demo-goals";
import { buildNotifications } from "./demo-notifications";
import { LOSS_REASONS } from "./demo-words";
import { buildOrg } from "./demo-org";
import { buildPipeline } from "./demo-pipeline";
import { markSeededPartnersOnboarded, seedProgramDocuments } from "./program-documents";
import { createRng } from "./random";
import { quarterStart } from "./time";

export { DEMO_PASSWORD } from "./demo-data";

export interface DemoLogin {
  role: AppRole;
  email: string;
  password: string;
  name: string;
}

export const DEMO_LOGINS: readonly DemoLogin[] = [
  ...STAFF.map((s) => ({ role: s.role, email: s.email, password: DEMO_PASSWORD, name: s.name })),
  {
    role: "partner",
    email: DEMO_PARTNER_LOGIN.email,
    password: DEMO_PASSWORD,
    name: DEMO_PARTNER_LOGIN.name,
  },
];

export type SeedSummary =
  | { skipped: true }
  | {
      skipped: false;
      users: number;
      staff: number;
      partnerUsers: number;
      isvPartners: number;
      programPartners: number;
      contacts: number;
      interactions: number;
      agreements: number;
      agreementVersions: number;
      opportunities: number;
      stageHistory: number;
      notifications: number;
      wonThisQuarterMinor: number;
      quarterTargetMinor: number;
      logins: DemoLogin[];
    };

const SEED_LOCK = 727275;

async function insertAll<T extends PgTable>(
  tx: Tx,
  table: T,
  rows: T["$inferInsert"][],
  batch = 400,
): Promise<void> {
  for (let i = 0; i < rows.length; i += batch) await tx.insert(table).values(rows.slice(i, i + batch));
}

const isSeeded = async (db: Pick<Tx, "select">) =>
  (await db.select({ id: schema.workspaceSettings.id }).from(schema.workspaceSettings).limit(1)).length > 0;

export async function seedDemo(conn: Connection, options: { now?: Date } = {}): Promise<SeedSummary> {
  // Every app start calls this; skip the build and the argon2 hash when there is nothing to do.
  if (await isSeeded(conn.db)) return { skipped: true };
  const now = options.now ?? new Date();
  const rng = createRng("partneros-demo");
  const org = buildOrg(rng.fork("org"), now, quarterStart(now, -4));
  const stageIds = Object.fromEntries(STAGE_DEFS.map((s) => [s.key, rng.uuid()])) as Record<StageKey, string>;
  const tierWeight = { starter: 1, active: 2, performer: 3.5, elite: 5 } as const;
  const pipeline = buildPipeline(rng.fork("pipeline"), {
    now,
    targetMinor: COMPANY.quarterTargetMinor,
    stageIds,
    stageProbability: Object.fromEntries(STAGE_DEFS.map((s) => [s.key, s.probability])) as Record<
      StageKey,
      number
    >,
    isvs: org.isvs.map((p) => ({ id: p.id, name: p.name, domain: p.domain })),
    referrers: org.programs
      .filter((p) => p.status === "active")
      .map((p) => ({
        id: p.id,
        joinedAt: p.joinedAt,
        weight: p.id === org.demoPartnerId ? 5 : tierWeight[p.tierKey],
        tier: p.tierKey,
      })),
    sellerFor: (domain) => org.staffIds[DOMAIN_SELLER[domain]],
    partnershipManagers: [org.staffIds.pm1, org.staffIds.pm2],
    demoPartnerId: org.demoPartnerId,
  });
  const notifications = buildNotifications(rng.fork("notifications"), now, org, pipeline, stageIds);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  const seeded = await conn.db.transaction(async (tx) => {
    // Two processes booting at once must not both seed.
    await tx.execute(
      sql`select pg_advisory_xact_lock(${SEED_LOCK}), set_config('app.job', 'seed.demo', true)`,
    );
    if (await isSeeded(tx)) return false;

    await tx.insert(schema.workspaceSettings).values({ ...COMPANY, updatedAt: now });
    await tx.insert(schema.tiers).values(
      TIER_DEFS.map((t) => ({
        id: org.tierIds[t.key],
        key: t.key,
        name: t.name,
        rank: t.rank,
        commissionRate: t.rate.toFixed(4),
        payoutCadence: t.cadence,
        minTrailingRevenueMinor: t.minRevenueMinor,
        minTrailingDeals: t.minDeals,
        perks: t.perks,
        color: t.color,
      })),
    );
    // What each tier unlocks: the migration's default matrix, placed on the tiers just created.
    await tx.execute(sql`select private.seed_tier_features()`);
    await tx.insert(schema.stages).values(
      STAGE_DEFS.map((s, position) => ({
        id: stageIds[s.key],
        key: s.key,
        name: s.name,
        position,
        probability: s.probability,
        color: s.color,
        isWon: s.isWon ?? false,
        isLost: s.isLost ?? false,
        requiredFields: s.requiredFields ?? [],
      })),
    );
    const userRows = org.users.map(
      (u) => sql`(${u.id}::uuid, ${u.email}, ${passwordHash}, ${u.createdAt.toISOString()}::timestamptz,
        ${JSON.stringify({ provider: "email", role: u.role })}::jsonb, ${u.createdAt.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_app_meta_data, created_at)
      values ${sql.join(userRows, sql`, `)}`);
    await insertAll(
      tx,
      schema.profiles,
      org.profiles.filter((p) => p.role !== "partner"),
    );
    await insertAll(tx, schema.partners, [...org.isvs, ...org.programs.map(({ tierKey: _tier, ...p }) => p)]);
    await insertAll(
      tx,
      schema.profiles,
      org.profiles.filter((p) => p.role === "partner"),
    );
    await insertAll(tx, schema.partnerContacts, org.contacts);
    // Contacts need their partner first, so the primary contact link is a second pass.
    const links = org.primaryContacts.map((l) => sql`(${l.partnerId}::uuid, ${l.contactId}::uuid)`);
    await tx.execute(sql`update public.partners p set primary_contact_id = v.contact_id
      from (values ${sql.join(links, sql`, `)}) as v(partner_id, contact_id) where p.id = v.partner_id`);
    await insertAll(tx, schema.agreements, org.agreements);
    await insertAll(tx, schema.agreementVersions, org.versions);
    await insertAll(tx, schema.partnerInteractions, org.interactions);
    await insertAll(tx, schema.opportunities, pipeline.opportunities);
    await insertAll(tx, schema.opportunityStageHistory, pipeline.history);
    await insertAll(tx, schema.notifications, notifications);
    await tx.insert(schema.lossReasons).values(LOSS_REASONS.map((label, position) => ({ label, position })));
    await insertAll(tx, schema.fxRates, buildFxRates(now));
    await recalculateCommissions(tx, "all", { today: now.toISOString().slice(0, 10) });
    await seedCommissionActivity(
      tx,
      { finance: org.staffIds.finance, seller: org.staffIds.sales1, vp: org.staffIds.vp },
      now.toISOString().slice(0, 10),
    );
    await seedPayoutHistory(tx, { finance: org.staffIds.finance }, now);
    await seedReferralActivity(tx, now);
    await seedPortalActivity(
      tx,
      { demoPartnerId: org.demoPartnerId, reviewerIds: [org.staffIds.pm1, org.staffIds.pm2] },
      now,
      { settleTiers: true },
    );
    await insertAll(tx, schema.quarterlyGoals, buildGoals(now, org.staffIds));
    await seedProgramDocuments(tx);
    await markSeededPartnersOnboarded(tx);
    const person = (key: "vp" | "pm1") => {
      const s = STAFF.find((x) => x.key === key)!;
      return { id: org.staffIds[key], displayName: s.name, email: s.email, role: s.role as "vp" | "partnership_manager", title: s.title };
    };
    await seedTemplateActivity(tx, { vp: person("vp"), pm: person("pm1") }, now);
    await seedTasks(tx, org.staffIds, now);
    await seedStatusHistory(tx, org.staffIds, now);
    // Last: health reads interactions, deals, registrations and tasks; alerts read all of it.
    await seedHealthHistory(tx, now);
    await evaluateAlerts(tx, now);
    // The curriculum of content/training, as the training-sync job keeps it.
    await syncTrainingContent(tx, storageFromEnv());
    await seedTrainingProgress(tx, org.demoPartnerId);
    return true;
  });
  if (!seeded) return { skipped: true };

  const partnerUsers = org.users.filter((u) => u.role === "partner").length;
  return {
    skipped: false,
    users: org.users.length,
    staff: org.users.length - partnerUsers,
    partnerUsers,
    isvPartners: org.isvs.length,
    programPartners: org.programs.length,
    contacts: org.contacts.length,
    interactions: org.interactions.length,
    agreements: org.agreements.length,
    agreementVersions: org.versions.length,
    opportunities: pipeline.opportunities.length,
    stageHistory: pipeline.history.length,
    notifications: notifications.length,
    wonThisQuarterMinor: pipeline.wonThisQuarterMinor,
    quarterTargetMinor: COMPANY.quarterTargetMinor,
    logins: [...DEMO_LOGINS],
  };
}
