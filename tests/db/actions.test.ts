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

const { inviteUserAction, revokeInvitationAction, updateMemberAction } = await import("@/lib/team/actions");
const { getNotificationsAction, markNotificationsReadAction } = await import("@/lib/notifications/actions");
const { sessionCookieName } = await import("@/lib/auth/cookie");

let db: TestDatabase;
let users: Record<"vp" | "sales" | "partner" | "finance", f.TestUser>;

async function signInAs(user: f.TestUser | null, token?: string) {
  jar.clear();
  if (token) jar.set(sessionCookieName(), token);
  else if (user) jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name) values ('Stratus Test')");
  const partner = await f.createPartner(db.conn);
  users = {
    vp: await f.createUser(db.conn, { role: "vp", displayName: "Val VP" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: partner.id }),
  };
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

const count = async (table: string) => (await db.conn.query<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]!.n;

describe("workspace actions refuse everyone but their roles", () => {
  test.each(["partner", "sales", "finance"] as const)("%s cannot invite, revoke or change roles", async (who) => {
    await signInAs(users[who]);
    const before = await count("invitations");
    expect(await inviteUserAction({ email: "x@y.example", role: "vp" })).toMatchObject({ ok: false, status: 403 });
    expect(await revokeInvitationAction({ invitationId: "00000000-0000-0000-0000-000000000000" })).toMatchObject({ ok: false, status: 403 });
    expect(await updateMemberAction({ userId: users.sales.id, role: "vp" })).toMatchObject({ ok: false, status: 403 });
    expect(await count("invitations")).toBe(before);
  });

  test("no session or a tampered cookie is a 401 and writes nothing", async () => {
    await signInAs(null);
    expect(await inviteUserAction({ email: "x@y.example", role: "finance" })).toMatchObject({ ok: false, status: 401 });
    const good = await signSession(users.vp.claims, process.env.SESSION_SECRET!);
    const [h, , sig] = good.split(".");
    const forged = Buffer.from(JSON.stringify({ ...users.partner.claims, sub: users.vp.id })).toString("base64url");
    await signInAs(null, `${h}.${forged}.${sig}`);
    expect(await inviteUserAction({ email: "x@y.example", role: "finance" })).toMatchObject({ ok: false, status: 401 });
    expect(await count("invitations")).toBe(0);
  });
});

describe("inviting a teammate", () => {
  test("bad input gets field errors and writes nothing", async () => {
    await signInAs(users.vp);
    const form = new FormData();
    form.set("email", "not-an-email");
    form.set("role", "partner");
    form.set("$ACTION_ID_abc", "");
    const result = await inviteUserAction(form);
    expect(result).toMatchObject({ ok: false, status: 422, fieldErrors: { email: [expect.stringContaining("valid email")], role: ["Choose a role"] } });
    expect(await inviteUserAction({ email: "a@b.example", role: "finance", partnerId: "x" } as never)).toMatchObject({
      ok: false,
      fieldErrors: { partnerId: ['"partnerId" is not a field of this form'] },
    });
    expect(await count("invitations")).toBe(0);
    expect(await count("email_outbox")).toBe(0);
  });

  test("the VP invites: invitation and email are written together; a duplicate is refused", async () => {
    await signInAs(users.vp);
    const result = await inviteUserAction({ email: "New.Hire@Stratus.example", role: "finance" });
    expect(result.ok).toBe(true);
    const [mail] = await db.conn.query<{ to_email: string; subject: string; text_body: string }>("select to_email, subject, text_body from public.email_outbox");
    expect(mail).toMatchObject({ to_email: "new.hire@stratus.example", subject: "Val VP invited you to Stratus Test on PartnerOS" });
    expect(mail!.text_body).toMatch(/http:\/\/localhost:3000\/invite\/\S+/);
    const audit = await db.conn.query<{ actor_id: string }>("select actor_id from public.audit_log where entity = 'invitations'");
    expect(audit).toEqual([{ actor_id: users.vp.id }]);
    expect(await inviteUserAction({ email: "new.hire@stratus.example", role: "finance" })).toMatchObject({ ok: false, status: 409 });
    expect(await inviteUserAction({ email: users.sales.email, role: "finance" })).toMatchObject({ ok: false, status: 409 });
  });

  test("the VP changes a role, and cannot change their own", async () => {
    await signInAs(users.vp);
    expect(await updateMemberAction({ userId: users.sales.id, role: "partnership_manager" })).toMatchObject({ ok: true });
    expect(await updateMemberAction({ userId: users.vp.id, role: "finance" })).toMatchObject({ ok: false, status: 422 });
    const [row] = await db.conn.query<{ role: string }>("select role from public.profiles where id = $1", [users.sales.id]);
    expect(row?.role).toBe("partnership_manager");
  });
});

describe("notifications", () => {
  test("each person reads and clears only their own", async () => {
    await f.createNotification(db.conn, users.finance.id);
    await f.createNotification(db.conn, users.vp.id);
    await signInAs(users.finance);
    const mine = await getNotificationsAction({});
    expect(mine).toMatchObject({ ok: true, data: { unread: 1 } });
    const cleared = await markNotificationsReadAction({});
    expect(cleared).toMatchObject({ ok: true, data: { unread: 0 } });
    await signInAs(users.vp);
    expect(await getNotificationsAction({})).toMatchObject({ ok: true, data: { unread: 1 } });
  });
});
