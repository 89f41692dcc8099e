import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs } from "../support/next-session";

// next.config.ts turns on experimental.authInterrupts; `next build` passes it to forbidden() this way.
process.env.__NEXT_EXPERIMENTAL_AUTH_INTERRUPTS = "true";

const { requireUser } = await import("@/lib/auth/session");
const { default: PayoutsLayout } = await import("@/app/(workspace)/payouts/layout");
const { default: MeetingLayout } = await import("@/app/(workspace)/team/meeting/layout");

let db: TestDatabase;
let users: Record<"vp" | "finance" | "sales" | "partner", f.TestUser>;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  const partner = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: partner.id }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

/** The digest Next turns into the HTTP status of the response (403 for forbidden(), a redirect for redirect()). */
async function interruptOf(render: () => Promise<unknown>): Promise<string | null> {
  try {
    await render();
    return null;
  } catch (error) {
    return String((error as { digest?: unknown }).digest ?? error);
  }
}

describe("the role guard of pages", () => {
  test("a role outside the page's list is answered with the 403 interrupt", async () => {
    await signInAs(users.sales);
    expect(await interruptOf(() => requireUser(["vp", "finance"]))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    await signInAs(users.partner);
    expect(await interruptOf(() => requireUser(["vp", "sales_manager", "partnership_manager", "finance"]))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
  });

  test("an allowed role gets its user; an anonymous visitor is sent to sign in", async () => {
    await signInAs(users.finance);
    expect(await requireUser(["vp", "finance"])).toMatchObject({ id: users.finance.id, role: "finance" });
    await signInAs(null);
    expect(await interruptOf(() => requireUser(["vp"]))).toMatch(/^NEXT_REDIRECT;.*\/login\?next=/);
  });

  test("restricted segments check the role in their layout, above their loading boundary", async () => {
    const children = "page";
    await signInAs(users.sales);
    expect(await interruptOf(() => PayoutsLayout({ children }))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    await signInAs(users.finance);
    expect(await PayoutsLayout({ children })).toBe(children);
    expect(await interruptOf(() => MeetingLayout({ children }))).toBe("NEXT_HTTP_ERROR_FALLBACK;403");
    await signInAs(users.vp);
    expect(await MeetingLayout({ children })).toBe(children);
  });
});
