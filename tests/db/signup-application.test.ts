import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";

const { submitApplicationAction, approveApplicationAction, rejectApplicationAction } =
  await import("@/lib/applications/actions");
const { followUpSignupApplication } = await import("@/lib/applications/signup");
const { signUp } = await import("@/lib/auth/adapters/local-accounts");
const { referralRedirect } = await import("@/lib/referrals/redirect");
const { invalidateLinks } = await import("@/lib/referrals/link-cache");
const { shutdownClickQueue } = await import("@/lib/referrals/click-queue");

let db: TestDatabase;
let vp: f.TestUser;
let pm: f.TestUser;
let sales: f.TestUser;
let seq = 0;

const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const ctx = () => ({ ip: `10.9.0.${++seq}`, appUrl: "http://localhost:3000" });

/** A partner signs up as the /signup form does: the account, then the route's one follow-up call. */
async function signUpPartner(company: string) {
  const email = `owner${++seq}-${Date.now()}@${company.toLowerCase().replace(/[^a-z]/g, "")}.example`;
  const result = await signUp(db.conn, { displayName: `Owner ${seq}`, companyName: company, email, password: "correct horse battery" }, ctx());
  expect(result.ok).toBe(true);
  const outcome = await followUpSignupApplication(db.conn, email);
  const [app] = await q<{ id: string; status: string; source: string; partner_id: string; company: string }>(
    "select id, status, source, partner_id, company from public.partner_applications where email = $1",
    [email],
  );
  return { email, outcome, app: app! };
}

const notificationsFor = (userId: string, kind: string) =>
  q<{ title: string; body: string; link: string }>(
    "select title, body, link from public.notifications where user_id = $1 and kind = $2 order by created_at",
    [userId, kind],
  );

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await q("insert into public.workspace_settings (company_name) values ('Signup Co')");
  await q("insert into public.tiers (key, name, rank, commission_rate, payout_cadence) values ('starter', 'Starter', 0, 20, 'monthly')");
  vp = await f.createUser(db.conn, { role: "vp" });
  pm = await f.createUser(db.conn, { role: "partnership_manager" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => {
  await shutdownClickQueue();
  await db?.close();
});

describe("self sign-up is an application in the review queue", () => {
  test("sign-up: a pending application beside the program page's, the receipt, and the reviewers told", async () => {
    const { email, outcome, app } = await signUpPartner("Harbor Analytics");
    expect(outcome).toBe("pending");
    expect(app).toMatchObject({ status: "pending", source: "signup", company: "Harbor Analytics" });
    expect(await q("select status from public.partners where id = $1", [app.partner_id])).toEqual([{ status: "applicant" }]);
    expect(await q("select template from public.email_outbox where to_email = $1 order by template", [email])).toEqual([
      { template: "application-received" },
      { template: "verify-email" },
    ]);
    for (const reviewer of [vp, pm]) {
      const [note] = await notificationsFor(reviewer.id, "partner_application");
      expect(note).toMatchObject({ title: "New partner application: Harbor Analytics", link: "/partners/applications" });
      expect(note!.body).toContain("signing up");
    }
    expect(await notificationsFor(sales.id, "partner_application")).toEqual([]);
    // The follow-up is safe to repeat: one receipt.
    await followUpSignupApplication(db.conn, email);
    expect(await q("select 1 from public.email_outbox where to_email = $1 and template = 'application-received'", [email])).toHaveLength(1);
  });

  test("an unapproved partner's link answers the not-active page and records no click; approval makes it work", async () => {
    const { email, app } = await signUpPartner("Quay Cloud");
    const [link] = await q<{ id: string; code: string }>(
      `insert into public.referral_links (partner_id, code, landing_page_id, is_default)
       values ($1, $2, (select id from public.landing_pages where is_default), true) returning id, code`,
      [app.partner_id, `quay-${seq}`],
    );
    const visit = () => new Request(`http://localhost:3000/r/${link!.code}`, { headers: { "x-forwarded-for": `198.51.100.${seq}` } });
    const before = await referralRedirect(visit(), link!.code);
    expect(before.status).toBe(302);
    expect(new URL(before.headers.get("location")!).pathname).toBe("/link-not-active");
    expect(before.headers.get("set-cookie")).toBeNull();
    expect(await q("select 1 from public.referral_clicks where link_id = $1", [link!.id])).toEqual([]);

    await as(pm);
    const approved = await approveApplicationAction({ applicationId: app.id });
    expect(approved).toMatchObject({ ok: true, data: { partnerId: app.partner_id, invitationId: null } });
    expect(await q("select status from public.partners where id = $1", [app.partner_id])).toEqual([{ status: "onboarding" }]);
    expect(await q("select 1 from public.agreements where partner_id = $1 and direction = 'payable'", [app.partner_id])).toHaveLength(1);
    expect(await q("select 1 from public.invitations where lower(email) = lower($1)", [email])).toEqual([]);
    expect(await q("select 1 from public.email_outbox where to_email = $1 and template = 'application-approved'", [email])).toHaveLength(1);

    invalidateLinks([link!.code]);
    const after = await referralRedirect(visit(), link!.code);
    expect(new URL(after.headers.get("location")!).pathname).not.toBe("/link-not-active");
    expect(after.headers.get("set-cookie")).toContain("po_ref");
  });

  test("rejection works the same way and emails the reason", async () => {
    const { email, app } = await signUpPartner("Lantern Ops");
    await as(pm);
    expect(await rejectApplicationAction({ applicationId: app.id, reason: "Outside our regions" })).toMatchObject({ ok: true });
    expect(await q("select status from public.partner_applications where id = $1", [app.id])).toEqual([{ status: "rejected" }]);
    expect(await q("select 1 from public.email_outbox where to_email = $1 and template = 'application_rejected'", [email])).toHaveLength(1);
  });

  test("the auto-approve rule is honoured for a sign-up", async () => {
    await q(`update public.workspace_settings set auto_approve_rule = '{"enabled": true, "minExperience": "new", "requireWebsite": false}'`);
    try {
      const { outcome, app } = await signUpPartner("Beacon Advisory");
      expect(outcome).toBe("approved");
      expect(await q("select status, auto_approved from public.partner_applications where id = $1", [app.id])).toEqual([
        { status: "approved", auto_approved: true },
      ]);
      expect(await q("select status from public.partners where id = $1", [app.partner_id])).toEqual([{ status: "onboarding" }]);
    } finally {
      await q(`update public.workspace_settings set auto_approve_rule = '{"enabled": false}'`);
    }
  });

  test("a program-page application sends the receipt and tells the reviewers", async () => {
    const email = `dana-${Date.now()}@cloudwise.example`;
    const result = await submitApplicationAction({
      company: "Cloudwise",
      website: "cloudwise.example",
      industry: "FinOps consulting",
      experience: "some",
      contactName: "Dana Reyes",
      email,
      contactPreferences: ["email"],
    });
    expect(result).toMatchObject({ ok: true, data: { status: "pending" } });
    const [receipt] = await q<{ subject: string }>("select subject from public.email_outbox where to_email = $1 and template = 'application-received'", [email]);
    expect(receipt!.subject).toContain("Cloudwise");
    expect((await notificationsFor(pm.id, "partner_application")).map((n) => n.title)).toContain("New partner application: Cloudwise");
  });
});
