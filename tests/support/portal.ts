import type { Connection } from "@/lib/db/connection";
import * as f from "./factories";
import { createDefaultStages } from "./pipeline";

/**
 * Two program partners on a three-tier ladder (Starter 20 %, Active 22 % from $10k and 1 deal,
 * Performer 25 % from $50k and 2 deals), A with a payable agreement at 20 % and two users (the second
 * has switched tier emails off), and the staff who review and sell.
 */
export async function createPortalWorld(conn: Connection) {
  await conn.query(
    "insert into public.workspace_settings (company_name, protection_window_days) values ('Stratus Test', 60)",
  );
  const stages = await createDefaultStages(conn);
  const tiers = {
    starter: await f.createTier(conn, { key: "starter", name: "Starter", rank: 0, commissionRate: "20" }),
    active: await f.createTier(conn, {
      key: "active",
      name: "Active",
      rank: 1,
      commissionRate: "22",
      minTrailingRevenueMinor: 1_000_000,
      minTrailingDeals: 1,
    }),
    performer: await f.createTier(conn, {
      key: "performer",
      name: "Performer",
      rank: 2,
      commissionRate: "25",
      minTrailingRevenueMinor: 5_000_000,
      minTrailingDeals: 2,
    }),
  };
  const orgA = await f.createPartner(conn, {
    website: "https://www.brightpath.example",
    tierId: tiers.starter.id,
    joinedAt: new Date(Date.now() - 60 * 86_400_000),
  });
  const orgB = await f.createPartner(conn, { tierId: tiers.starter.id });
  const users = {
    vp: await f.createUser(conn, { role: "vp", displayName: "Val VP" }),
    pm: await f.createUser(conn, { role: "partnership_manager", displayName: "Pat PM" }),
    sales: await f.createUser(conn, { role: "sales_manager", displayName: "Sam Sales" }),
    partnerA: await f.createUser(conn, {
      role: "partner",
      partnerId: orgA.id,
      displayName: "Alex Morgan",
      email: `alex-${Date.now()}@brightpath-team.example`,
    }),
    partnerA2: await f.createUser(conn, {
      role: "partner",
      partnerId: orgA.id,
      displayName: "Quiet Colleague",
    }),
    partnerB: await f.createUser(conn, { role: "partner", partnerId: orgB.id }),
  };
  await conn.query(`update public.profiles set email_preferences = '{"tier_changed": false}' where id = $1`, [
    users.partnerA2.id,
  ]);
  const agreement = await f.createAgreement(conn, {
    partnerId: orgA.id,
    direction: "payable",
    model: "referral",
  });
  await conn.query(
    "update public.agreement_versions set rate = 20, effective_from = '2025-01-01' where id = $1",
    [agreement.version.id],
  );
  return { stages, tiers, orgA, orgB, users, payableA: agreement.agreement.id };
}

export type PortalWorld = Awaited<ReturnType<typeof createPortalWorld>>;
