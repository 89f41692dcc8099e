import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { setSessionCookie } from "../support/next-session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

// Route handlers called with real Requests; the cookie a response sets is what the next request carries.
const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: logout } = await import("@/app/api/auth/logout/route");
const { POST: signOutEverywhere } = await import("@/app/api/auth/sign-out-everywhere/route");
const { POST: changePassword } = await import("@/app/api/auth/change-password/route");
const { POST: forgotPassword } = await import("@/app/api/auth/forgot-password/route");
const { POST: resetPassword } = await import("@/app/api/auth/reset-password/route");
const { GET: earnings } = await import("@/app/api/portal/earnings/route");
const { GET: ledger } = await import("@/app/api/payouts/export/route");
const { sessionCookieName } = await import("@/lib/auth/cookie");
const { listMySessions } = await import("@/lib/auth/sessions");
const { runAsUser } = await import("@/lib/db/session");

let db: TestDatabase;
const PASSWORD = "a long password 1";
let peer = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

const post = (body: unknown) =>
  new Request("http://localhost:3000/api/auth/x", {
    method: "POST",
    headers: { "content-type": "application/json", "x-partneros-peer-address": `198.51.100.${++peer}`, "user-agent": "vitest" },
    body: JSON.stringify(body),
  });

function cookieOf(response: Response): string {
  const set = response.headers.get("set-cookie") ?? "";
  const match = new RegExp(`${sessionCookieName()}=([^;]*)`).exec(set);
  if (!match?.[1]) throw new Error(`no session cookie in ${response.status} response`);
  return match[1];
}

async function signIn(email: string, password = PASSWORD): Promise<string> {
  setSessionCookie(null);
  const response = await login(post({ email, password }));
  expect(response.status, await response.clone().text()).toBe(200);
  return cookieOf(response);
}

/** What a request carrying `cookie` gets from a partner route and a staff route. */
async function statusWith(cookie: string, route: "earnings" | "ledger"): Promise<number> {
  setSessionCookie(cookie);
  const response = route === "earnings" ? await earnings(new Request("http://localhost:3000/api/portal/earnings")) : await ledger(new Request("http://localhost:3000/api/payouts/export"));
  return response.status;
}

async function partnerUser() {
  const org = await f.createPartner(db.conn);
  return f.createUser(db.conn, { role: "partner", partnerId: org.id, passwordHash: await hashPassword(PASSWORD) });
}

describe("a copied cookie stops working", () => {
  test("after logout, for a partner on /api/portal/earnings and for finance on the ledger export", async () => {
    for (const [role, route] of [["partner", "earnings"], ["finance", "ledger"]] as const) {
      const user = role === "partner" ? await partnerUser() : await f.createUser(db.conn, { role, passwordHash: await hashPassword(PASSWORD) });
      const cookie = await signIn(user.email);
      expect(await statusWith(cookie, route)).toBe(200);
      const copy = cookie;
      setSessionCookie(cookie);
      const out = await logout(post({}));
      expect(out.status).toBe(303);
      expect(out.headers.get("set-cookie")).toContain(`${sessionCookieName()}=;`);
      expect(await statusWith(copy, route)).toBe(401);
    }
  });

  test("after a password change; the browser that changed it gets a fresh session", async () => {
    const user = await partnerUser();
    const stolen = await signIn(user.email);
    setSessionCookie(stolen);
    const changed = await changePassword(post({ currentPassword: PASSWORD, newPassword: "a new password 22" }));
    expect(changed.status).toBe(200);
    const fresh = cookieOf(changed);
    expect(await statusWith(stolen, "earnings")).toBe(401);
    expect(await statusWith(fresh, "earnings")).toBe(200);
  });

  test("after a password reset, even while a stranger keeps the account in its sign-in delay; the link signs the owner in", async () => {
    const user = await partnerUser();
    const stolen = await signIn(user.email);
    for (let i = 0; i < 10; i += 1) await login(post({ email: user.email, password: `guess ${i}` }));
    expect((await login(post({ email: user.email, password: PASSWORD }))).status).toBe(429);
    setSessionCookie(null);
    expect((await forgotPassword(post({ email: user.email }))).status).toBe(200);
    const [mail] = await db.conn.query<{ text_body: string }>("select text_body from public.email_outbox where to_email = $1 and template = 'reset-password'", [user.email]);
    const token = new URL(/(http:\/\/\S+)/.exec(mail!.text_body)![1]!).searchParams.get("token");
    const reset = await resetPassword(post({ token, password: "reset password 33" }));
    expect(reset.status).toBe(200);
    expect(await reset.clone().json()).toEqual({ ok: true, next: "/portal" });
    expect(await statusWith(stolen, "earnings")).toBe(401);
    expect(await statusWith(cookieOf(reset), "earnings")).toBe(200);
  });

  test("after a role change and after deactivation (the VP's own updates, through RLS)", async () => {
    const vp = await f.createUser(db.conn, { role: "vp" });
    const finance = await f.createUser(db.conn, { role: "finance", passwordHash: await hashPassword(PASSWORD) });
    const other = await f.createUser(db.conn, { role: "finance", passwordHash: await hashPassword(PASSWORD) });
    const financeCookie = await signIn(finance.email);
    const otherCookie = await signIn(other.email);
    await runAsUser(db.conn, vp.claims, (tx) => tx.execute(sql`update public.profiles set role = 'sales_manager' where id = ${finance.id}`));
    expect(await statusWith(financeCookie, "ledger")).toBe(401);
    expect(await statusWith(otherCookie, "ledger")).toBe(200);
    await runAsUser(db.conn, vp.claims, (tx) => tx.execute(sql`update public.profiles set deactivated_at = now() where id = ${other.id}`));
    expect(await statusWith(otherCookie, "ledger")).toBe(401);
  });

  test("sign out everywhere ends the sessions of every device; the profile page lists live sessions", async () => {
    const user = await partnerUser();
    const laptop = await signIn(user.email);
    const phone = await signIn(user.email);
    const sessions = await runAsUser(db.conn, { ...user.claims }, (tx) => listMySessions(tx));
    // The factory's session plus the two sign-ins, each with the device it came from.
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.userAgent === "vitest")).toHaveLength(2);
    setSessionCookie(laptop);
    const out = await signOutEverywhere(post({}));
    expect(out.status).toBe(303);
    expect(new URL(out.headers.get("location")!).pathname).toBe("/login");
    expect(await statusWith(phone, "earnings")).toBe(401);
    expect(await statusWith(laptop, "earnings")).toBe(401);
  });

  test("a token signed with the right secret but without a live session record is signed out", async () => {
    const { signSession } = await import("@/lib/auth/jwt");
    const user = await partnerUser();
    const { session_id: _sid, ...withoutSession } = user.claims;
    expect(await statusWith(await signSession(withoutSession, process.env.SESSION_SECRET!), "earnings")).toBe(401);
    const unknown = { ...user.claims, session_id: "00000000-0000-4000-8000-000000000000" };
    expect(await statusWith(await signSession(unknown, process.env.SESSION_SECRET!), "earnings")).toBe(401);
    expect(await statusWith(await signSession(user.claims, process.env.SESSION_SECRET!), "earnings")).toBe(200);
  });
});

test("housekeeping drops sessions that ended over a month ago and keeps live ones", async () => {
  const { pruneRateLimits } = await import("@/lib/auth/rate-limit");
  const { withSystem } = await import("@/lib/db/session");
  const user = await partnerUser();
  await db.conn.query("insert into private.sessions (user_id, expires_at, revoked_at) values ($1, now(), now() - interval '40 days')", [user.id]);
  await withSystem("test.prune", (tx) => pruneRateLimits(tx), db.conn);
  const left = await db.conn.query<{ id: string }>("select id from private.sessions where user_id = $1", [user.id]);
  expect(left.map((r) => r.id)).toEqual([user.claims.session_id]);
});
