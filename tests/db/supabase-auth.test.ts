import { createClient } from "@supabase/supabase-js";
import WebSocket from "ws";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { supabaseChangePassword, supabaseLogIn, supabaseRequestReset, supabaseSetPassword, supabaseSignUp } from "@/lib/auth/supabase-auth";
import { createTestDatabase, type TestDatabase } from "../support/db";
import { startGoTrueServer } from "../support/gotrue-server";

let db: TestDatabase;
let gotrue: Awaited<ReturnType<typeof startGoTrueServer>>;
const appUrl = "http://localhost:3000";
const client = () =>
  createClient(gotrue.url, "sb_publishable_test", { auth: { persistSession: false, autoRefreshToken: false }, realtime: { transport: WebSocket as never } });

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('starter', 'Starter', 0, 20, 'monthly')");
  // GoTrue writes auth.users in the same database on Supabase; the stub does the same.
  gotrue = await startGoTrueServer(async (u) => {
    await db.conn.query("insert into auth.users (id, email) values ($1, $2)", [u.id, u.email]);
  });
});
afterAll(async () => {
  await gotrue?.close();
  await db?.close();
});

describe("Supabase Auth adapter against a local GoTrue contract server", () => {
  const input = { displayName: "Kim Lee", companyName: "Lee Advisory", email: "kim@lee.example", password: "a long password" };

  test("sign-up creates the Supabase user, then our organisation and profile; a repeat answers alike and emails the owner", async () => {
    const result = await supabaseSignUp(db.conn, client(), input, { ip: "1.1.1.1", appUrl });
    expect(result).toEqual({ ok: true, value: { next: "/check-email?email=kim%40lee.example" } });
    const signup = gotrue.requests.find((r) => r.path === "/auth/v1/signup?redirect_to=http%3A%2F%2Flocalhost%3A3000%2Fauth%2Fcallback" || r.path.startsWith("/auth/v1/signup"));
    expect(signup?.body).toMatchObject({ email: "kim@lee.example", data: { display_name: "Kim Lee" } });
    const [profile] = await db.conn.query<{ role: string; status: string }>(
      "select p.role, o.status from public.profiles p join public.partners o on o.id = p.partner_id where p.email = $1",
      [input.email],
    );
    expect(profile).toEqual({ role: "partner", status: "applicant" });
    expect(await supabaseSignUp(db.conn, client(), input, { ip: "1.1.1.1", appUrl })).toEqual(result);
    const mails = await db.conn.query<{ template: string }>("select template from public.email_outbox where to_email = $1", [input.email]);
    expect(mails.map((m) => m.template)).toEqual(["signup-existing-account"]);
  });

  test("login: unconfirmed, wrong password, then success with the role's home", async () => {
    expect(await supabaseLogIn(db.conn, client(), { email: input.email, password: input.password }, { ip: "2.2.2.2" })).toMatchObject({
      ok: false,
      status: 403,
      code: "email_unverified",
    });
    gotrue.confirm(input.email);
    expect(await supabaseLogIn(db.conn, client(), { email: input.email, password: "wrong" }, { ip: "2.2.2.2" })).toMatchObject({ ok: false, status: 401 });
    expect(await supabaseLogIn(db.conn, client(), { email: input.email, password: input.password }, { ip: "2.2.2.2" })).toEqual({
      ok: true,
      value: { home: "/portal" },
    });
    // The Supabase session is recorded server-side under its session_id claim, so it can be revoked.
    const live = await db.conn.query<{ n: number }>(
      "select count(*)::int as n from private.sessions s join auth.users u on u.id = s.user_id where u.email = $1 and s.revoked_at is null and s.expires_at is null",
      [input.email],
    );
    expect(live[0]!.n).toBe(1);
  });

  test("failed logins share the Postgres rate limit: the 11th is a 429", async () => {
    // Unknown emails, so the per-account delay (tested below) stays out of this one.
    for (let i = 0; i < 10; i += 1) await supabaseLogIn(db.conn, client(), { email: `x${i}@lee.example`, password: "wrong" }, { ip: "3.3.3.3" });
    expect(await supabaseLogIn(db.conn, client(), { email: input.email, password: input.password }, { ip: "3.3.3.3" })).toMatchObject({ status: 429 });
  });

  test("password reset asks Supabase to email a link back to the callback; change password re-checks the current one", async () => {
    expect(await supabaseRequestReset(db.conn, client(), input.email, { ip: "4.4.4.4", appUrl })).toEqual({ ok: true, value: null });
    expect(gotrue.requests.at(-1)?.path).toContain("/auth/v1/recover");
    const c = client();
    const [me] = await db.conn.query<{ id: string }>("select id from auth.users where email = $1", [input.email]);
    const user = { id: me!.id, email: input.email };
    expect(await supabaseChangePassword(db.conn, c, user, { currentPassword: "nope", newPassword: "another long pw" })).toMatchObject({ ok: false });
    expect(await supabaseChangePassword(db.conn, c, user, { currentPassword: input.password, newPassword: "another long pw" })).toEqual({ ok: true, value: null });
    // The change ends every earlier session; only the one the re-check opened stays live.
    const live = await db.conn.query<{ n: number }>("select count(*)::int as n from private.sessions where user_id = $1 and revoked_at is null", [user.id]);
    expect(live[0]!.n).toBe(1);
    expect((await supabaseLogIn(db.conn, client(), { email: input.email, password: "another long pw" }, { ip: "5.5.5.5" })).ok).toBe(true);
  });

  test("a reset keeps only the recovery session (it proved the mailbox) and ends every other one", async () => {
    const other = client();
    expect((await supabaseLogIn(db.conn, other, { email: input.email, password: "another long pw" }, { ip: "6.6.6.6" })).ok).toBe(true);
    // Stands in for the session the reset link's code exchange opens.
    const recovery = client();
    expect((await supabaseLogIn(db.conn, recovery, { email: input.email, password: "another long pw" }, { ip: "7.7.7.7" })).ok).toBe(true);
    expect(await supabaseSetPassword(db.conn, recovery, "reset long pw 3")).toEqual({ ok: true, value: null });
    const [me] = await db.conn.query<{ id: string }>("select id from auth.users where email = $1", [input.email]);
    const live = await db.conn.query<{ id: string }>("select id from private.sessions where user_id = $1 and revoked_at is null", [me!.id]);
    const recoveryToken = (await recovery.auth.getSession()).data.session!.access_token;
    const recoveryId = JSON.parse(Buffer.from(recoveryToken.split(".")[1]!, "base64url").toString()).session_id as string;
    expect(live.map((r) => r.id)).toEqual([recoveryId]);
    expect(gotrue.requests.at(-1)?.path).toContain("/auth/v1/logout?scope=others");
  });
});
