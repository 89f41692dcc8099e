import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createSupabaseAuth } from "@/lib/auth/adapters/supabase";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { AuthContext, AuthPort, CookieJar } from "@/lib/auth/port";
import { signWebhook } from "@/lib/auth/webhook-signature";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { GOTRUE_ANON_KEY, GOTRUE_SERVICE_ROLE_KEY, startGoTrueServer, type GoTrueServer } from "../support/gotrue-server";

// The Supabase adapter with the real @supabase/ssr and supabase-js clients, against the local GoTrue contract
// server, which writes users into this test database's auth.users as Supabase does.

const appUrl = "http://localhost:3000";
const HOOK_SECRET = `v1,whsec_${Buffer.from("contract-hook-secret-0123456789").toString("base64")}`;

let db: TestDatabase;
let gotrue: GoTrueServer;
let plain: GoTrueServer;
let hook: http.Server;
let port: AuthPort;
let plainPort: AuthPort;
let peer = 0;

/** A browser's cookie jar: what the adapter sets is what the next request carries. */
function browser(): CookieJar & { names: () => string[] } {
  const store = new Map<string, string>();
  return {
    get: (name) => store.get(name),
    getAll: () => [...store].map(([name, value]) => ({ name, value })),
    set: (name, value, options) => void (options.maxAge === 0 ? store.delete(name) : store.set(name, value)),
    names: () => [...store.keys()],
  };
}
const ctx = (cookies: CookieJar = browser()): AuthContext => ({ conn: db.conn, cookies, ip: `203.0.113.${++peer}`, userAgent: "vitest", appUrl });
const configFor = (url: string, hookSecret: string | null) => ({ url, publishableKey: GOTRUE_ANON_KEY, serviceRoleKey: GOTRUE_SERVICE_ROLE_KEY, hookSecret });

async function outbox(email: string, template: string) {
  return db.conn.query<{ text_body: string }>("select text_body from public.email_outbox where to_email = $1 and template = $2 order by created_at", [email, template]);
}
const linkIn = (text: string) => new URL(/(http:\/\/\S+)/.exec(text)![1]!);
const liveSessions = async (userId: string) =>
  (await db.conn.query<{ id: string }>("select id from private.sessions where user_id = $1 and revoked_at is null", [userId])).map((r) => r.id);
const userId = async (email: string) => (await db.conn.query<{ id: string }>("select id from auth.users where email = $1", [email]))[0]!.id;

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('starter', 'Starter', 0, 20, 'monthly')");
  // Our Send Email Hook endpoint, as the route handler serves it: raw body and headers to the port.
  hook = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", async () => {
      const headers = new Headers(Object.entries(req.headers).map(([k, v]) => [k, String(v)] as [string, string]));
      const result = await port.emailHook(raw, headers, ctx());
      res.writeHead(result.ok ? 200 : result.status, { "content-type": "application/json" }).end(JSON.stringify(result.ok ? {} : result));
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, "127.0.0.1", resolve));
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/api/auth/email-hook`;
  gotrue = await startGoTrueServer({ db: db.conn, hook: { url: hookUrl, secret: HOOK_SECRET }, siteUrl: appUrl });
  port = createSupabaseAuth({ config: configFor(gotrue.url, HOOK_SECRET) });
  // Without the hook Supabase sends its own emails (captured here), whose links come back through /auth/callback.
  plain = await startGoTrueServer({ db: db.conn, siteUrl: appUrl, accessTokenSeconds: 30 });
  plainPort = createSupabaseAuth({ config: configFor(plain.url, null) });
});
afterAll(async () => {
  await gotrue?.close();
  await plain?.close();
  await new Promise((resolve) => hook?.close(resolve));
  await db?.close();
});

describe("Supabase Auth adapter against the local GoTrue contract server", () => {
  const input = { displayName: "Kim Lee", companyName: "Lee Advisory", email: "kim@lee.example", password: "a long password" };

  test("sign-up: the Supabase user in auth.users, our organisation and profile, our verification email through the hook; a repeat answers alike", async () => {
    expect(await port.signUp(input, ctx())).toEqual({ ok: true, value: null });
    const signup = gotrue.requests.find((r) => r.path.startsWith("/auth/v1/signup"));
    expect(signup?.body).toMatchObject({ email: input.email, data: { display_name: "Kim Lee" } });
    const [profile] = await db.conn.query<{ role: string; status: string }>(
      "select p.role, o.status from public.profiles p join public.partners o on o.id = p.partner_id where p.email = $1",
      [input.email],
    );
    expect(profile).toEqual({ role: "partner", status: "applicant" });
    const [verify] = await outbox(input.email, "verify-email");
    expect(verify!.text_body).toContain("Kim Lee");
    const link = linkIn(verify!.text_body);
    expect(link.pathname).toBe("/api/auth/verify");

    expect(await port.signIn({ email: input.email, password: input.password }, ctx())).toMatchObject({ ok: false, status: 403, code: "email_unverified" });
    expect(await port.verifyEmail(link.searchParams.get("token")!, ctx())).toBe(true);
    expect(await port.verifyEmail(link.searchParams.get("token")!, ctx())).toBe(false);

    expect(await port.signUp(input, ctx())).toEqual({ ok: true, value: null });
    expect((await outbox(input.email, "signup-existing-account")).length).toBe(1);
    expect((await outbox(input.email, "verify-email")).length).toBe(1);
  });

  test("login: wrong password, then a session whose claims getClaims verifies against the JWKS; a forged token is signed out", async () => {
    expect(await port.signIn({ email: input.email, password: "wrong password" }, ctx())).toMatchObject({ ok: false, status: 401 });
    const jar = browser();
    expect(await port.signIn({ email: input.email, password: input.password }, ctx(jar))).toEqual({ ok: true, value: { home: "/portal" } });
    expect(jar.names().some((n) => n.startsWith("partneros-session"))).toBe(true);
    const claims = await port.claims(jar);
    expect(claims).toMatchObject({ sub: await userId(input.email), email: input.email, role: "authenticated" });
    expect(await liveSessions(claims!.sub)).toContain(claims!.session_id);
    expect(gotrue.requests.some((r) => r.path === "/auth/v1/.well-known/jwks.json")).toBe(true);

    // The same cookie with the payload changed: the signature no longer matches.
    const [cookie] = jar.getAll().filter((c) => c.name.startsWith("partneros-session"));
    const session = JSON.parse(Buffer.from(cookie!.value.replace(/^base64-/, ""), "base64url").toString());
    const [h, , s] = String(session.access_token).split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...claims, sub: "00000000-0000-4000-8000-000000000000" })).toString("base64url");
    const forged = browser();
    forged.set(cookie!.name, `base64-${Buffer.from(JSON.stringify({ ...session, access_token: `${h}.${forgedPayload}.${s}` })).toString("base64url")}`, {});
    expect(await port.claims(forged)).toBeNull();
  });

  test("failed logins share the Postgres rate limit: the 11th is a 429", async () => {
    const c = ctx();
    for (let i = 0; i < 10; i += 1) await port.signIn({ email: `x${i}@lee.example`, password: "wrong" }, c);
    expect(await port.signIn({ email: input.email, password: input.password }, c)).toMatchObject({ status: 429 });
  });

  test("reset: our email through the hook, the link's token sets the password and signs in; every other session ends", async () => {
    const other = browser();
    expect((await port.signIn({ email: input.email, password: input.password }, ctx(other))).ok).toBe(true);
    expect(await port.requestReset(input.email, ctx())).toEqual({ ok: true, value: null });
    expect(await port.requestReset("nobody@lee.example", ctx())).toEqual({ ok: true, value: null });
    const [mail] = await outbox(input.email, "reset-password");
    const link = linkIn(mail!.text_body);
    expect(link.pathname).toBe("/reset-password");
    const token = link.searchParams.get("token")!;
    const jar = browser();
    expect(await port.canReset(token, jar)).toBe(true);
    expect(await port.canReset(undefined, jar)).toBe(false);
    expect(await port.resetPassword({ token, password: "reset long pw 2" }, ctx(jar))).toEqual({ ok: true, value: { home: "/portal" } });
    const mine = (await port.claims(jar))!;
    expect(await liveSessions(mine.sub)).toEqual([mine.session_id]);
    expect(await port.claims(other)).not.toBeNull(); // its JWT still verifies until it expires, but:
    expect(gotrue.liveSessions(mine.sub)).toEqual([mine.session_id]);
    expect(await port.resetPassword({ token, password: "reset long pw 3" }, ctx(browser()))).toMatchObject({ ok: false, status: 400 });
    expect((await port.signIn({ email: input.email, password: "reset long pw 2" }, ctx())).ok).toBe(true);
  });

  test("change password re-checks the current one and keeps only the session that changed it", async () => {
    const jar = browser();
    expect((await port.signIn({ email: input.email, password: "reset long pw 2" }, ctx(jar))).ok).toBe(true);
    const user = { id: await userId(input.email), email: input.email };
    expect(await port.changePassword(user, { currentPassword: "nope", newPassword: "another long pw" }, ctx(jar))).toMatchObject({ ok: false, status: 400 });
    expect(await port.changePassword(user, { currentPassword: "reset long pw 2", newPassword: "another long pw" }, ctx(jar))).toEqual({ ok: true, value: null });
    const mine = (await port.claims(jar))!;
    expect(await liveSessions(user.id)).toEqual([mine.session_id]);
    expect((await port.signIn({ email: input.email, password: "another long pw" }, ctx())).ok).toBe(true);
  });

  test("invitation: the account is created through auth.admin, the invited person's password set through Supabase, signed in with the chosen role", async () => {
    const vp = await f.createUser(db.conn, { role: "vp" });
    const token = newToken();
    const invite = async (email: string, t: string) =>
      db.conn.query("insert into public.invitations (email, role, token_hash, invited_by, expires_at) values ($1, 'finance', $2, $3, now() + interval '1 day')", [email, hashToken(t), vp.id]);
    await invite("fin@lee.example", token);
    const jar = browser();
    expect(await port.acceptInvite({ token, displayName: "Fin Ance", password: "invited long pw" }, ctx(jar))).toEqual({ ok: true, value: { home: "/payouts" } });
    expect(gotrue.requests.some((r) => r.path === "/auth/v1/admin/generate_link" && r.body.type === "invite")).toBe(true);
    expect(gotrue.requests.some((r) => r.path.startsWith("/auth/v1/user") && typeof r.body.password === "string")).toBe(true);
    const claims = (await port.claims(jar))!;
    const [profile] = await db.conn.query<{ role: string; display_name: string }>("select role, display_name from public.profiles where id = $1", [claims.sub]);
    expect(profile).toEqual({ role: "finance", display_name: "Fin Ance" });
    expect(await liveSessions(claims.sub)).toEqual([claims.session_id]);
    const [note] = await db.conn.query<{ kind: string }>("select kind from public.notifications where user_id = $1", [vp.id]);
    expect(note?.kind).toBe("invitation_accepted");
    expect(await port.acceptInvite({ token, displayName: "Again", password: "invited long pw" }, ctx())).toMatchObject({ ok: false, status: 400 });
    expect((await port.signIn({ email: "fin@lee.example", password: "invited long pw" }, ctx())).ok).toBe(true);

    // An email that already has an account: refused, and the invitation stays open for the inviter to revoke.
    const second = newToken();
    await invite(input.email, second);
    expect(await port.acceptInvite({ token: second, displayName: "Kim", password: "invited long pw" }, ctx())).toMatchObject({ ok: false, status: 409 });
    const [open] = await db.conn.query<{ accepted_at: string | null }>("select accepted_at from public.invitations where token_hash = $1", [hashToken(second)]);
    expect(open?.accepted_at).toBeNull();
  });

  test("the Send Email Hook refuses a bad signature and email types we do not send", async () => {
    const body = JSON.stringify({ user: { id: crypto.randomUUID(), email: "x@lee.example" }, email_data: { token_hash: "a".repeat(56), email_action_type: "magiclink" } });
    const headers = (secret: string) => {
      const ts = Math.floor(Date.now() / 1000);
      return new Headers({ "webhook-id": "msg_1", "webhook-timestamp": String(ts), "webhook-signature": signWebhook(secret, "msg_1", ts, body) });
    };
    expect(await port.emailHook(body, headers(`v1,whsec_${Buffer.from("another secret 0123456789").toString("base64")}`), ctx())).toMatchObject({ status: 401 });
    expect(await port.emailHook(body, headers(HOOK_SECRET), ctx())).toMatchObject({ status: 422 });
    expect(await plainPort.emailHook(body, headers(HOOK_SECRET), ctx())).toMatchObject({ status: 404 });
  });

  test("without the hook: Supabase's recovery link comes back through /auth/callback with a PKCE code and leaves a recovery session", async () => {
    const jar = browser();
    expect(await plainPort.requestReset(input.email, ctx(jar))).toEqual({ ok: true, value: null });
    const mail = plain.mails.find((m) => m.to === input.email && m.type === "recovery")!;
    const redirect = await fetch(mail.link, { redirect: "manual" });
    const back = new URL(redirect.headers.get("location")!);
    expect(back.pathname).toBe("/auth/callback");
    expect(await plainPort.callback(back.searchParams, ctx(jar))).toBe("/reset-password");
    expect(await plainPort.canReset(undefined, jar)).toBe(true);
    expect(await plainPort.resetPassword({ password: "callback long pw" }, ctx(jar))).toEqual({ ok: true, value: { home: "/portal" } });
    expect(await plainPort.callback(new URLSearchParams({ code: crypto.randomUUID() }), ctx(browser()))).toBeNull();

    // An ordinary session cannot set a password without the current one.
    const signedIn = browser();
    expect((await plainPort.signIn({ email: input.email, password: "callback long pw" }, ctx(signedIn))).ok).toBe(true);
    expect(await plainPort.canReset(undefined, signedIn)).toBe(false);
    expect(await plainPort.resetPassword({ password: "hijacked long pw" }, ctx(signedIn))).toMatchObject({ ok: false, status: 400 });
  });

  test("the proxy's refresh hook renews an expiring access token under the same session id", async () => {
    const jar = browser();
    expect((await plainPort.signIn({ email: input.email, password: "callback long pw" }, ctx(jar))).ok).toBe(true);
    const before = (await plainPort.claims(jar))!;
    const cookieBefore = jar.getAll().map((c) => c.value).join();
    await plainPort.refreshSession(jar);
    expect(jar.getAll().map((c) => c.value).join()).not.toBe(cookieBefore);
    expect(plain.requests.some((r) => r.path === "/auth/v1/token?grant_type=refresh_token")).toBe(true);
    expect((await plainPort.claims(jar))!.session_id).toBe(before.session_id);
  });
});
