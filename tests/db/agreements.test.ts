import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined), getAll: () => [] }),
  headers: async () => new Headers(),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { createAgreementAction, addVersionAction } = await import("@/lib/agreements/actions");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
let finance: f.TestUser;
let sales: f.TestUser;
let partnerId: string;

async function as(user: f.TestUser) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}
const versions = (agreementId: string) =>
  db.conn.query<{ version: number; effective_from: string; effective_to: string | null; rate: string }>(
    "select version, to_char(effective_from, 'YYYY-MM-DD') as effective_from, to_char(effective_to, 'YYYY-MM-DD') as effective_to, rate::text from public.agreement_versions where agreement_id = $1 order by version",
    [agreementId],
  );
const count = async (table: string) => (await db.conn.query<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]!.n;

const base = { direction: "receivable", model: "referral", name: "Referral 2027", effectiveFrom: "2027-01-01", rate: "15", basis: "deal_value", paymentModel: "one_time", currency: "USD" } as const;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  finance = await f.createUser(db.conn, { role: "finance" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  partnerId = (await f.createPartner(db.conn, { kind: "isv" })).id;
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

describe("agreements", () => {
  test.each([
    [{ rate: "40" }, "rate", "between 5% and 25%"],
    [{ rate: "abc" }, "rate", "percentage"],
    [{ paymentModel: "milestone", advancedTerms: '{"milestones":[{"name":"Go-live","percent":"60","dueAfterDays":30}]}' }, "advancedTerms", "100"],
    [{ advancedTerms: "{not json" }, "advancedTerms", "JSON object"],
    [{ floorPerDeal: "5000", capPerDeal: "1000" }, "floorPerDeal", "cap"],
    [{ effectiveFrom: "1900-01-01" }, "effectiveFrom", "between 2000 and 2100"],
  ])("%o → field error on %s; nothing saved", async (patch, field, message) => {
    await as(finance);
    const before = await count("agreements");
    const result = await createAgreementAction({ ...base, partnerId, ...patch } as Parameters<typeof createAgreementAction>[0]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.[field]?.join(" ")).toContain(message);
    expect(await count("agreements")).toBe(before);
  });

  test("a new version ends the open one on its start date; an overlapping one is refused", async () => {
    await as(finance);
    const created = await createAgreementAction({ ...base, partnerId });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    expect(await addVersionAction({ ...base, agreementId: id, effectiveFrom: "2027-07-01", rate: "18", direction: undefined, model: undefined, name: undefined } as never)).toMatchObject({ ok: false });
    const added = await addVersionAction({ agreementId: id, effectiveFrom: "2027-07-01", rate: "18", basis: "deal_value", paymentModel: "one_time", currency: "USD" });
    expect(added).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await versions(id)).toEqual([
      { version: 1, effective_from: "2027-01-01", effective_to: "2027-07-01", rate: "15.0000" },
      { version: 2, effective_from: "2027-07-01", effective_to: null, rate: "18.0000" },
    ]);
    const overlap = await addVersionAction({ agreementId: id, effectiveFrom: "2027-03-01", rate: "20", basis: "deal_value", paymentModel: "one_time", currency: "USD" });
    expect(overlap).toMatchObject({ ok: false, fieldErrors: { effectiveFrom: [expect.stringContaining("Overlaps version")] } });
    expect(await versions(id)).toHaveLength(2);
  });

  test("only the VP and finance edit agreements", async () => {
    await as(sales);
    expect(await createAgreementAction({ ...base, partnerId })).toMatchObject({ ok: false, status: 403 });
  });
});
