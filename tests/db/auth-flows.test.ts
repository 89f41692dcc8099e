import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { acceptInvitation, requestPasswordReset, resetPassword, signUp, verifyEmail } from "@/lib/auth/adapters/local-accounts";
import { changePassword, logIn } from "@/lib/auth/adapters/local-login";
import { hashPassword } from "@/lib/auth/password";
import { hashToken } from "@/lib/auth/tokens";
import { rows, withSystem } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

let db: TestDatabase;
const appUrl = "http://localhost:3000";
let ipCounter = 0;
const ctx = () => ({ ip: `10.0.0.${++ipCounter}`, appUrl });

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('starter', 'Starter', 0, 20, 'monthly')");
});
afterAll(async () => db?.close());

async function outboxFor(email: string) {
  return db.conn.query<{ subject: string; text_body: string; template: string }>(
    "select subject, text_body, template from public.email_outbox where to_email = $1 order by created_at",
    [email],
  );
}

function linkIn(text: string): string {
  const match = /(http:\/\/\S+)/.exec(text);
  if (!match) throw new Error("no link in email");
  return match[1]!;
}

describe("partner sign-up", () => {
  const input = { displayName: "Dana Reyes", companyName: "Reyes Cloud Advisory", email: "dana@reyes.example", password: "correct horse battery" };

  test("creates account, organisation and a verification email in one transaction; login waits for verification", async () => {
    const result = await signUp(db.conn, input, ctx());
    expect(result.ok).toBe(true);
    const [profile] = await db.conn.query<{ role: string; partner_member_role: string; status: string; tier: string }>(
      `select p.role, p.partner_member_role, o.status, t.key as tier from public.profiles p
       join public.partners o on o.id = p.partner_id left join public.tiers t on t.id = o.tier_id where p.email = $1`,
      [input.email],
    );
    expect(profile).toEqual({ role: "partner", partner_member_role: "admin", status: "applicant", tier: "starter" });

    const [mail] = await outboxFor(input.email);
    expect(mail?.template).toBe("verify-email");
    const early = await logIn(db.conn, { email: input.email, password: input.password }, ctx());
    expect(early).toMatchObject({ ok: false, status: 403, code: "email_unverified" });

    const token = new URL(linkIn(mail!.text_body)).searchParams.get("token")!;
    expect(await verifyEmail(db.conn, token)).toBe(true);
    expect(await verifyEmail(db.conn, token)).toBe(false);

    const login = await logIn(db.conn, { email: input.email, password: input.password }, ctx());
    expect(login.ok && login.value.home).toBe("/portal");
    expect(login.ok && login.value.claims).toMatchObject({ email: input.email, role: "authenticated", app_metadata: { role: "partner" } });
  });

  test("a duplicate email gets the same answer as a new one, writes no account and emails the owner instead", async () => {
    const before = await db.conn.query<{ n: number }>("select count(*)::int as n from public.partners");
    const result = await signUp(db.conn, { ...input, email: "DANA@reyes.example".toLowerCase() }, ctx());
    expect(result).toEqual({ ok: true, value: null });
    const after = await db.conn.query<{ n: number }>("select count(*)::int as n from public.partners");
    expect(after[0]!.n).toBe(before[0]!.n);
    const mails = await outboxFor(input.email);
    expect(mails.map((m) => m.template)).toEqual(["verify-email", "signup-existing-account"]);
    expect(mails[1]!.text_body).toContain("reset it");
  });

  test("only the token's hash is stored", async () => {
    const [mail] = await outboxFor(input.email);
    const token = new URL(linkIn(mail!.text_body)).searchParams.get("token")!;
    const stored = await withSystem("test.read", (tx) => rows<{ token_hash: string }>(tx, sql`select token_hash from private.auth_tokens`), db.conn);
    expect(stored.map((r) => r.token_hash)).toContain(hashToken(token));
    expect(stored.map((r) => r.token_hash)).not.toContain(token);
  });
});

describe("login", () => {
  test("wrong password and unknown email answer alike", async () => {
    const user = await f.createUser(db.conn, { role: "finance", passwordHash: await hashPassword("right password 1") });
    const wrong = await logIn(db.conn, { email: user.email, password: "wrong password" }, ctx());
    const unknown = await logIn(db.conn, { email: "nobody@x.example", password: "wrong password" }, ctx());
    expect(wrong).toMatchObject({ ok: false, status: 401, title: "Email or password is incorrect" });
    expect(unknown).toMatchObject({ ok: false, status: 401, title: "Email or password is incorrect" });
    const ok = await logIn(db.conn, { email: user.email, password: "right password 1" }, ctx());
    expect(ok.ok && ok.value.home).toBe("/payouts");
  });

  test("the 11th failed attempt within a minute from one address is refused with Retry-After", async () => {
    const ip = "203.0.113.9";
    const now = new Date("2026-11-21T10:00:05Z");
    // A different email each time, so only the per-address limit is in play.
    for (let i = 0; i < 10; i += 1) {
      const r = await logIn(db.conn, { email: `nobody${i}@x.example`, password: "nope" }, { ip, now });
      expect(r).toMatchObject({ ok: false, status: 401 });
    }
    const blocked = await logIn(db.conn, { email: "nobody-a@x.example", password: "nope" }, { ip, now });
    expect(blocked).toMatchObject({ ok: false, status: 429, retryAfterSeconds: 55 });
    const otherAddress = await logIn(db.conn, { email: "nobody-b@x.example", password: "nope" }, { ip: "203.0.113.10", now });
    expect(otherAddress).toMatchObject({ status: 401 });
    const nextWindow = await logIn(db.conn, { email: "nobody-c@x.example", password: "nope" }, { ip, now: new Date("2026-11-21T10:01:01Z") });
    expect(nextWindow).toMatchObject({ status: 401 });
  });

  test("a deactivated account cannot sign in", async () => {
    const user = await f.createUser(db.conn, { role: "sales_manager", passwordHash: await hashPassword("right password 2") });
    await db.conn.query("update public.profiles set deactivated_at = now() where id = $1", [user.id]);
    const r = await logIn(db.conn, { email: user.email, password: "right password 2" }, ctx());
    expect(r).toMatchObject({ ok: false, status: 403 });
  });
});

describe("password reset and change", () => {
  test("reset link sets a new password once; unknown emails get the same answer and no email", async () => {
    const user = await f.createUser(db.conn, { role: "vp", passwordHash: await hashPassword("old password 12") });
    expect(await requestPasswordReset(db.conn, "ghost@x.example", ctx())).toEqual({ ok: true, value: null });
    expect(await outboxFor("ghost@x.example")).toEqual([]);
    expect(await requestPasswordReset(db.conn, user.email, ctx())).toEqual({ ok: true, value: null });
    const [mail] = await outboxFor(user.email);
    const token = new URL(linkIn(mail!.text_body)).searchParams.get("token")!;
    expect((await resetPassword(db.conn, { token, password: "new password 12" })).ok).toBe(true);
    expect((await resetPassword(db.conn, { token, password: "another one 12" })).ok).toBe(false);
    expect((await logIn(db.conn, { email: user.email, password: "old password 12" }, ctx())).ok).toBe(false);
    expect((await logIn(db.conn, { email: user.email, password: "new password 12" }, ctx())).ok).toBe(true);
  });

  test("an expired reset link is refused", async () => {
    const user = await f.createUser(db.conn, { role: "vp" });
    const past = new Date(Date.now() - 2 * 3600_000);
    await requestPasswordReset(db.conn, user.email, { ...ctx(), now: past });
    const [mail] = await outboxFor(user.email);
    const token = new URL(linkIn(mail!.text_body)).searchParams.get("token")!;
    expect(await resetPassword(db.conn, { token, password: "new password 12" })).toMatchObject({ ok: false, status: 400 });
  });

  test("change password requires the current one", async () => {
    const user = await f.createUser(db.conn, { role: "finance", passwordHash: await hashPassword("current pass 1") });
    expect(await changePassword(db.conn, user.id, { currentPassword: "bad", newPassword: "next password 1" })).toMatchObject({
      ok: false,
      errors: { currentPassword: ["Current password is incorrect"] },
    });
    expect((await changePassword(db.conn, user.id, { currentPassword: "current pass 1", newPassword: "next password 1" })).ok).toBe(true);
    expect((await logIn(db.conn, { email: user.email, password: "next password 1" }, ctx())).ok).toBe(true);
  });
});

describe("invitations", () => {
  test("accepting creates the account with the invited role, once", async () => {
    const vp = await f.createUser(db.conn, { role: "vp" });
    const token = "an-invitation-token-that-is-long-enough";
    await db.conn.query(
      "insert into public.invitations (email, role, token_hash, invited_by, expires_at) values ($1, 'partnership_manager', $2, $3, now() + interval '1 day')",
      ["new.pm@x.example", hashToken(token), vp.id],
    );
    const accepted = await acceptInvitation(db.conn, { token, displayName: "New PM", password: "a fine password" });
    expect(accepted.ok && accepted.value.home).toBe("/partners");
    const again = await acceptInvitation(db.conn, { token, displayName: "New PM", password: "a fine password" });
    expect(again).toMatchObject({ ok: false, status: 400 });
    const [profile] = await db.conn.query<{ role: string }>("select role from public.profiles where email = 'new.pm@x.example'");
    expect(profile?.role).toBe("partnership_manager");
    const [note] = await db.conn.query<{ user_id: string; title: string }>("select user_id, title from public.notifications where kind = 'invitation_accepted'");
    expect(note).toEqual({ user_id: vp.id, title: "New PM joined the workspace" });
  });
});
