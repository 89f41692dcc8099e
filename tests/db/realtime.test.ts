import { afterAll, beforeAll, expect, test } from "vitest";
import type { ChangeEvent } from "@/lib/realtime/events";
import { subscribe, type Subscriber } from "@/lib/realtime/hub";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

function collector(user: f.TestUser, tables: Subscriber["tables"], partnerId: string | null = null) {
  const events: ChangeEvent[] = [];
  const subscriber: Subscriber = { claims: user.claims, role: user.role, partnerId, tables, send: (e) => events.push(e) };
  return { events, subscriber };
}

async function eventually(check: () => void, ms = 3000) {
  const started = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - started > ms) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

test("changes reach exactly the sessions allowed to read the row", async () => {
  const partnerOrg = await f.createPartner(db.conn);
  const otherOrg = await f.createPartner(db.conn);
  const vp = await f.createUser(db.conn, { role: "vp" });
  const sales = await f.createUser(db.conn, { role: "sales_manager" });
  const partner = await f.createUser(db.conn, { role: "partner", partnerId: partnerOrg.id });
  const stage = await f.createStage(db.conn);

  const vpSub = collector(vp, new Set(["notifications", "opportunities", "partners"]));
  const salesSub = collector(sales, new Set(["notifications", "opportunities"]));
  const partnerSub = collector(partner, new Set(["notifications", "opportunities", "partners"]), partnerOrg.id);
  const stops = await Promise.all([vpSub, salesSub, partnerSub].map((c) => subscribe(c.subscriber)));

  const note = await f.createNotification(db.conn, vp.id);
  const opportunity = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stage.id });
  await db.conn.query("update public.partners set description = 'updated' where id = any($1)", [[partnerOrg.id, otherOrg.id]]);

  await eventually(() => {
    expect(vpSub.events.map((e) => `${e.table}:${e.op}:${e.id}`).sort()).toEqual(
      [`notifications:insert:${note.id}`, `opportunities:insert:${opportunity.id}`, `partners:update:${partnerOrg.id}`, `partners:update:${otherOrg.id}`].sort(),
    );
    expect(salesSub.events.map((e) => `${e.table}:${e.id}`)).toEqual([`opportunities:${opportunity.id}`]);
    expect(partnerSub.events.map((e) => `${e.table}:${e.id}`)).toEqual([`partners:${partnerOrg.id}`]);
  });
  for (const stop of stops) stop();

  await f.createNotification(db.conn, vp.id);
  await new Promise((r) => setTimeout(r, 200));
  expect(vpSub.events).toHaveLength(4);
});
