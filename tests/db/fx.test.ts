import { afterAll, beforeAll, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages } from "../support/pipeline";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { saveFxRateAction, deleteFxRateAction } = await import("@/lib/fx/actions");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
async function as(user: f.TestUser) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

test("finance adds a rate and open commissions in that currency are recomputed; bad rates are refused; sales cannot", async () => {
  const stages = await createDefaultStages(db.conn);
  const finance = await f.createUser(db.conn, { role: "finance" });
  const sales = await f.createUser(db.conn, { role: "sales_manager" });
  const isv = await f.createPartner(db.conn, { kind: "isv" });
  const a = await f.createAgreement(db.conn, { partnerId: isv.id, direction: "receivable" });
  await db.conn.query("update public.agreement_versions set rate = 10, effective_from = '2025-01-01' where id = $1", [a.version.id]);
  const opp = await f.createOpportunity(db.conn, { ownerId: sales.id, stageId: stages.demo, isvPartnerId: isv.id, currency: "EUR", valueMinor: 1_000_000, expectedCloseDate: "2026-12-01" });
  const lines = () => db.conn.query<{ amount_minor: string }>("select amount_minor::text from public.commission_lines where opportunity_id = $1", [opp.id]);
  expect(await lines()).toEqual([]);

  await as(finance);
  expect(await saveFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "EUR", rate: "1" })).toMatchObject({ ok: false, fieldErrors: { quote: ["Choose two different currencies"] } });
  expect(await saveFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "USD", rate: "-1.1" })).toMatchObject({ ok: false, fieldErrors: { rate: [expect.stringContaining("positive")] } });
  expect(await saveFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "USD", rate: "1.1" })).toMatchObject({ ok: true });
  expect(await lines()).toEqual([{ amount_minor: "110000" }]);
  expect(await saveFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "USD", rate: "1.2" })).toMatchObject({ ok: true });
  expect(await lines()).toEqual([{ amount_minor: "120000" }]);
  expect(await deleteFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "USD" })).toMatchObject({ ok: true });
  expect(await lines()).toEqual([]);

  await as(sales);
  expect(await saveFxRateAction({ rateDate: "2026-11-01", base: "EUR", quote: "USD", rate: "9" })).toMatchObject({ ok: false, status: 403 });
});
