import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { signInAs, setSessionCookie } from "../support/next-session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

const { POST: login } = await import("@/app/api/auth/login/route");
const { POST: signup } = await import("@/app/api/auth/signup/route");
const { logIn } = await import("@/lib/auth/adapters/local-login");
const { requestPasswordReset, resetPassword } = await import("@/lib/auth/adapters/local-accounts");
const { inviteColleagueAction } = await import("@/lib/partner-account/actions");

let db: TestDatabase;
const PASSWORD = "finance password 1";
let n = 0;
const unique = () => ++n;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('starter', 'Starter', 0, 20, 'monthly')");
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});
// The per-address limit counts in one-minute windows: pin the clock to a window's start so no test straddles two.
beforeEach(() => {
  // The default deployment: no proxy, the socket address counts (the suite's env stands in for one proxy).
  process.env.TRUSTED_PROXY_HOPS = "0";
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(Math.ceil(Date.now() / 60_000) * 60_000 + 1000);
});
const suiteHops = process.env.TRUSTED_PROXY_HOPS;
afterEach(() => {
  vi.useRealTimers();
  if (suiteHops === undefined) delete process.env.TRUSTED_PROXY_HOPS;
  else process.env.TRUSTED_PROXY_HOPS = suiteHops;
});

/** A JSON POST as the PartnerOS server hands it over: `peer` is the socket address, `forwardedFor` what the client (or a proxy) wrote. */
function post(body: unknown, init: { peer: string; forwardedFor?: string }) {
  const headers: Record<string, string> = { "content-type": "application/json", "x-partneros-peer-address": init.peer };
  if (init.forwardedFor) headers["x-forwarded-for"] = init.forwardedFor;
  return new Request("http://localhost:3000/api/auth/login", { method: "POST", headers, body: JSON.stringify(body) });
}

const financeUser = async () => f.createUser(db.conn, { role: "finance", passwordHash: await hashPassword(PASSWORD) });

describe("sign-in limits", () => {
  test("the finance brute force gets 429 after 10 failures, whatever X-Forwarded-For and the address say", async () => {
    const finance = await financeUser();
    for (let i = 0; i < 10; i += 1) {
      const r = await login(post({ email: finance.email, password: `guess ${i}` }, { peer: `192.0.2.${unique()}`, forwardedFor: `203.0.113.${unique()}` }));
      expect(r.status).toBe(401);
    }
    const blocked = await login(post({ email: finance.email, password: PASSWORD }, { peer: `192.0.2.${unique()}`, forwardedFor: "203.0.113.1" }));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await blocked.json()) as { title: string }).title).toBe("Too many failed sign-in attempts");
  });

  test("a new X-Forwarded-For per request is not a new address: the socket address is counted", async () => {
    const peer = `192.0.2.${unique()}`;
    for (let i = 0; i < 10; i += 1) {
      const r = await login(post({ email: `nobody${unique()}@x.example`, password: "nope" }, { peer, forwardedFor: `203.0.113.${unique()}` }));
      expect(r.status).toBe(401);
    }
    const blocked = await login(post({ email: `nobody${unique()}@x.example`, password: "nope" }, { peer, forwardedFor: "198.18.0.1" }));
    expect(blocked.status).toBe(429);
  });

  test("forged failures cannot lock out the address they name, with or without a trusted proxy", async () => {
    const vp = await f.createUser(db.conn, { role: "vp", passwordHash: await hashPassword(PASSWORD) });
    const victim = `198.51.100.${unique()}`;
    const attacker = `192.0.2.${unique()}`;
    for (let i = 0; i < 11; i += 1) await login(post({ email: `x${unique()}@x.example`, password: "nope" }, { peer: attacker, forwardedFor: victim }));
    expect((await login(post({ email: vp.email, password: PASSWORD }, { peer: victim }))).status).toBe(200);

    // Behind one proxy the proxy appends the real address; whatever the client put in front of it is ignored.
    process.env.TRUSTED_PROXY_HOPS = "1";
    const proxy = "10.0.0.2";
    const victim2 = `198.51.100.${unique()}`;
    for (let i = 0; i < 11; i += 1) {
      await login(post({ email: `x${unique()}@x.example`, password: "nope" }, { peer: proxy, forwardedFor: `${victim2}, ${attacker}` }));
    }
    expect((await login(post({ email: vp.email, password: PASSWORD }, { peer: proxy, forwardedFor: victim2 }))).status).toBe(200);
    expect((await login(post({ email: vp.email, password: PASSWORD }, { peer: proxy, forwardedFor: `1.2.3.4, ${attacker}` }))).status).toBe(429);
  });

  test("the per-account delay is not a lock: it ends by itself, doubles on further failures, and a reset link lifts it", async () => {
    const finance = await financeUser();
    const t0 = new Date("2026-12-01T09:00:00Z");
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const attempt = (password: string, seconds: number) => logIn(db.conn, { email: finance.email, password }, { ip: `192.0.2.${unique()}`, now: at(seconds) });
    for (let i = 0; i < 10; i += 1) expect(await attempt("wrong", i)).toMatchObject({ status: 401 });
    expect(await attempt(PASSWORD, 30)).toMatchObject({ status: 429, retryAfterSeconds: 39 });
    expect((await attempt(PASSWORD, 70)).ok).toBe(true);

    for (let i = 0; i < 10; i += 1) await attempt("wrong", 100 + i);
    expect(await attempt("wrong", 200)).toMatchObject({ status: 401 });
    // The 11th consecutive failure doubles the delay to two minutes.
    expect(await attempt(PASSWORD, 300)).toMatchObject({ status: 429, retryAfterSeconds: 20 });

    await requestPasswordReset(db.conn, finance.email, { ip: `192.0.2.${unique()}`, appUrl: "http://localhost:3000" });
    const [mail] = await db.conn.query<{ text_body: string }>("select text_body from public.email_outbox where to_email = $1 and template = 'reset-password'", [finance.email]);
    const token = new URL(/(http:\/\/\S+)/.exec(mail!.text_body)![1]!).searchParams.get("token")!;
    expect((await resetPassword(db.conn, { token, password: "after reset 123" })).ok).toBe(true);
    expect((await logIn(db.conn, { email: finance.email, password: "after reset 123" }, { ip: `192.0.2.${unique()}`, now: at(301) })).ok).toBe(true);
  });
});

describe("no account enumeration", () => {
  test("sign-up with a registered email answers exactly like a new sign-up and emails the owner", async () => {
    const body = { displayName: "Ada", companyName: "Ada Co", email: `ada${unique()}@x.example`, password: "long enough pw 1" };
    const first = await signup(post(body, { peer: `192.0.2.${unique()}` }));
    const second = await signup(post({ ...body, displayName: "Eve", companyName: "Eve Co", password: "other password 2" }, { peer: `192.0.2.${unique()}` }));
    expect(second.status).toBe(first.status);
    expect(await second.json()).toEqual(await first.json());
    const mails = await db.conn.query<{ template: string }>("select template from public.email_outbox where to_email = $1 order by created_at", [body.email]);
    // The first sign-up is an application (its receipt); the second adds only the note to the owner.
    expect(mails.map((m) => m.template)).toEqual(["verify-email", "application-received", "signup-existing-account"]);
    const accounts = await db.conn.query<{ n: number }>("select count(*)::int as n from public.partners where name in ('Ada Co', 'Eve Co')");
    expect(accounts[0]!.n).toBe(1);
  });

  test("inviting a colleague whose email has an account answers like any invitation and tells that person instead", async () => {
    const org = await f.createPartner(db.conn);
    const admin = await f.createUser(db.conn, { role: "partner", partnerId: org.id });
    const staff = await f.createUser(db.conn, { role: "finance" });
    await signInAs(admin);
    const fresh = await inviteColleagueAction({ email: `new${unique()}@x.example`, memberRole: "member" });
    const existing = await inviteColleagueAction({ email: staff.email, memberRole: "member" });
    expect(existing).toEqual(fresh);
    expect(fresh).toMatchObject({ ok: true });
    const rows = await db.conn.query<{ template: string }>("select template from public.email_outbox where to_email = $1", [staff.email]);
    expect(rows.map((r) => r.template)).toEqual(["invite-existing-account"]);
    expect(await db.conn.query("select 1 from public.invitations where lower(email) = $1", [staff.email])).toEqual([]);
    setSessionCookie(null);
  });
});
