import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { rows, runAsUser } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createPortalWorld, type PortalWorld } from "../support/portal";
import { signInAs } from "../support/next-session";

const { updateTierFeatureAction } = await import("@/lib/tiers/update-tier-feature");
const { getPartnerHome } = await import("@/lib/partner-home/home");

let db: TestDatabase;
let world: PortalWorld;
const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  world = await createPortalWorld(db.conn);
  await q("select private.seed_tier_features()");
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

const holds = (user: f.TestUser, feature: string) =>
  runAsUser(db.conn, user.claims, async (tx) =>
    (await rows<{ ok: boolean }>(tx, sql`select private.partner_has_entitlement(${feature}) as ok`))[0]!.ok,
  );
const featureId = async (key: string) =>
  (await q<{ id: string }>("select id from public.tier_features where feature_key = $1", [key]))[0]!.id;

describe("the features-per-tier table", () => {
  test("is seeded from the default matrix onto the ladder's tiers, once", async () => {
    // The test ladder has Starter, Active and Performer: Elite's seven features have no tier to sit on.
    const [{ n }] = (await q<{ n: number }>("select count(*)::int as n from public.tier_features")) as [{ n: number }];
    expect(n).toBe(21);
    const [again] = await q<{ added: number }>("select private.seed_tier_features() as added");
    expect(again!.added).toBe(0);
    const [core] = await q<{ key: string }>(
      "select t.key from public.tier_features f join public.tiers t on t.id = f.unlock_tier_id where f.feature_key = 'training.advanced_sales'",
    );
    expect(core!.key).toBe("active");
  });

  test("live updates are on the lowest rung, since every partner's portal updates live", async () => {
    const dashboard = await q<{ label: string; rank: number }>(
      "select f.label, t.rank from public.tier_features f join public.tiers t on t.id = f.unlock_tier_id where f.category = 'dashboard' order by t.rank",
    );
    expect(dashboard[0]).toEqual({ label: "Live stats", rank: 0 });
    expect(dashboard.map((d) => d.label.toLowerCase())).not.toContain("real-time updates");
  });
});

describe("private.partner_has_entitlement", () => {
  test("a partner holds what its tier unlocks, and not above it", async () => {
    expect(await holds(world.users.partnerA, "training.core")).toBe(true);
    expect(await holds(world.users.partnerA, "training.advanced_sales")).toBe(false);
    expect(await holds(world.users.partnerA, "no.such_feature")).toBe(false);
  });

  test("staff hold every feature; a deactivated partner holds none", async () => {
    expect(await holds(world.users.pm, "training.technical")).toBe(true);
    const gone = await f.createUser(db.conn, { role: "partner", partnerId: world.orgB.id });
    await q("update public.profiles set deactivated_at = now() where id = $1", [gone.id]);
    expect(await holds(gone, "training.core")).toBe(false);
  });

  test("a partner without a tier stands on the lowest rung", async () => {
    const org = await f.createPartner(db.conn, { tierId: null });
    const user = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    expect(await holds(user, "training.core")).toBe(true);
    expect(await holds(user, "training.advanced_sales")).toBe(false);
  });

  test("raising the tier, or moving the feature down, unlocks it at once", async () => {
    const org = await f.createPartner(db.conn, { tierId: world.tiers.starter.id });
    const user = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    expect(await holds(user, "support.priority")).toBe(false);
    await q("update public.partners set tier_id = $1 where id = $2", [world.tiers.active.id, org.id]);
    expect(await holds(user, "support.priority")).toBe(true);
    expect(await holds(user, "support.dedicated_manager")).toBe(false);
    await q("update public.tier_features set unlock_tier_id = $1 where feature_key = 'support.dedicated_manager'", [
      world.tiers.active.id,
    ]);
    expect(await holds(user, "support.dedicated_manager")).toBe(true);
    await q("update public.tier_features set unlock_tier_id = $1 where feature_key = 'support.dedicated_manager'", [
      world.tiers.performer.id,
    ]);
  });
});

describe("the VP edits the table", () => {
  test("only the VP; a label and a tier of the ladder; nothing changes on bad input", async () => {
    const id = await featureId("marketing.video_library");
    const before = await q("select label, unlock_tier_id from public.tier_features where id = $1", [id]);
    await signInAs(world.users.pm);
    expect(await updateTierFeatureAction({ id, label: "Hijack", unlockTierId: world.tiers.starter.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    await signInAs(world.users.partnerA);
    expect(await updateTierFeatureAction({ id, label: "Hijack", unlockTierId: world.tiers.starter.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    await signInAs(world.users.vp);
    const blank = await updateTierFeatureAction({ id, label: "  ", unlockTierId: world.tiers.starter.id });
    expect(blank).toMatchObject({ ok: false, status: 422, fieldErrors: { label: ["Name the feature"] } });
    const unknownTier = await updateTierFeatureAction({ id, label: "Videos", unlockTierId: "00000000-0000-4000-8000-000000000000" });
    expect(unknownTier).toMatchObject({ ok: false, status: 422, fieldErrors: { unlockTierId: ["Choose a tier of the ladder"] } });
    const unknownFeature = await updateTierFeatureAction({
      id: "00000000-0000-4000-8000-000000000000",
      label: "Videos",
      unlockTierId: world.tiers.starter.id,
    });
    expect(unknownFeature).toMatchObject({ ok: false, status: 404 });
    const extra = await updateTierFeatureAction({ id, label: "Videos", unlockTierId: world.tiers.starter.id, featureKey: "x.y" } as never);
    expect(extra).toMatchObject({ ok: false, status: 422 });
    expect(await q("select label, unlock_tier_id from public.tier_features where id = $1", [id])).toEqual(before);
  });

  test("an edit is audited with the VP as actor, and the portal's copy follows it", async () => {
    const id = await featureId("training.advanced_sales");
    await signInAs(world.users.vp);
    const saved = await updateTierFeatureAction({ id, label: "Advanced sales plays", unlockTierId: world.tiers.active.id });
    expect(saved).toMatchObject({ ok: true });
    const [audit] = await q<{ actor_id: string; before: { label: string }; after: { label: string; updated_by: string } }>(
      "select actor_id, before, after from public.audit_log where entity = 'tier_features' and entity_id = $1 order by id desc limit 1",
      [id],
    );
    expect(audit).toMatchObject({
      actor_id: world.users.vp.id,
      before: { label: "Advanced sales" },
      after: { label: "Advanced sales plays", updated_by: world.users.vp.id },
    });

    const home = await runAsUser(db.conn, world.users.partnerA.claims, (tx) =>
      getPartnerHome(tx, { id: world.users.partnerA.id, partnerId: world.orgA.id }, today),
    );
    const data = await q<{ label: string }>(
      "select f.label from public.tier_features f where f.unlock_tier_id = $1 order by f.label",
      [world.tiers.active.id],
    );
    // The tier card's "locked until" list and the matrix both come from the table, not from code.
    expect(home.unlocksNext.map((u) => u.label).sort()).toEqual(data.map((d) => d.label).sort());
    expect(home.unlocksNext.map((u) => u.label)).toContain("Advanced sales plays");
    const first = home.unlocksNext[0]!;
    expect(first.category).toBe("dashboard");
    expect(home.actions.map((a) => a.label)).toContain(`Active unlocks ${first.label.toLowerCase()} and more`);
    expect(home.entitlements.features.find((x) => x.key === "training.advanced_sales")?.label).toBe("Advanced sales plays");
  });
});
