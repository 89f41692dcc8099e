import { afterAll, beforeAll, expect, test } from "vitest";
import type { ChangeEvent, RealtimeTable } from "@/lib/realtime/events";
import { subscribe, type Subscriber } from "@/lib/realtime/hub";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { eventually } from "../support/eventually";
import * as f from "../support/factories";
import { createDefaultStages } from "../support/pipeline";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

const TABLES = new Set<RealtimeTable>([
  "opportunities",
  "tier_history",
  "partner_achievements",
  "deal_registrations",
  "partners",
]);

function collector(user: f.TestUser) {
  const events: ChangeEvent[] = [];
  const subscriber: Subscriber = {
    claims: user.claims,
    tables: TABLES,
    send: (e) => events.push(e),
  };
  return { events, subscriber };
}


test("a partner's open pages hear of its referred deals, tier changes, badges and registrations, and nothing of another partner's", async () => {
  const stages = await createDefaultStages(db.conn);
  const tier = await f.createTier(db.conn, { rank: 0 });
  const orgA = await f.createPartner(db.conn, { tierId: tier.id });
  const orgB = await f.createPartner(db.conn, { tierId: tier.id });
  const sales = await f.createUser(db.conn, { role: "sales_manager" });
  const a = collector(await f.createUser(db.conn, { role: "partner", partnerId: orgA.id }));
  const b = collector(await f.createUser(db.conn, { role: "partner", partnerId: orgB.id }));
  const unsubscribe = await Promise.all([subscribe(a.subscriber), subscribe(b.subscriber)]);

  const deal = await f.createOpportunity(db.conn, {
    ownerId: sales.id,
    stageId: stages.lead,
    referringPartnerId: orgA.id,
  });
  await db.conn.query(
    "insert into public.tier_history (partner_id, to_tier_id, reason) values ($1, $2, 'test')",
    [orgA.id, tier.id],
  );
  await db.conn.query(
    "insert into public.partner_achievements (partner_id, key) values ($1, 'first_click')",
    [orgA.id],
  );
  await db.conn.query(
    `insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor)
     values ($1, 'Acme', 'acme.example', 'Jo', 'jo@acme.example', 100)`,
    [orgA.id],
  );
  await db.conn.query("update public.partners set description = 'x' where id = $1", [orgA.id]);

  await eventually(() => expect(new Set(a.events.map((e) => e.table))).toEqual(TABLES));
  expect(a.events.find((e) => e.table === "opportunities")?.id).toBe(deal.id);
  await new Promise((r) => setTimeout(r, 150));
  expect(b.events).toEqual([]);
  unsubscribe.forEach((u) => u());
});
