import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { decryptField } from "@/lib/crypto";
import { rows, withSystem } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { startStripeConnectServer } from "../support/stripe-connect-server";

const jar = new Map<string, string>();
let clientIp = "203.0.113.1";
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [],
  }),
  headers: async () => new Headers({ "x-forwarded-for": clientIp }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { submitApplicationAction, approveApplicationAction, rejectApplicationAction } =
  await import("@/lib/applications/actions");
const { updateProgramSettingsAction } = await import("@/lib/program/actions");
const onboarding = await import("@/lib/onboarding/actions");
const { inviteColleagueAction, updateEmailPreferencesAction } = await import("@/lib/partner-account/actions");
const { acceptInvitation } = await import("@/lib/auth/adapters/local-accounts");
const { sessionCookieName } = await import("@/lib/auth/cookie");
const { seedProgramDocuments } = await import("@/lib/seed/program-documents");

let db: TestDatabase;
let vp: f.TestUser;
let pm: f.TestUser;
let sales: f.TestUser;
let finance: f.TestUser;
let lowestTierId: string;
let ipCounter = 0;

async function as(user: { claims: f.TestUser["claims"] }) {
  jar.clear();
  jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}
function anonymous() {
  jar.clear();
  ipCounter += 1;
  clientIp = `203.0.113.${ipCounter}`;
}
const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);
const count = async (table: string) =>
  (await q<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]!.n;
let seq = 0;
const application = (overrides: Record<string, unknown> = {}) => {
  seq += 1;
  return {
    company: `Cloudwise ${seq}`,
    website: "cloudwise.example",
    industry: "FinOps consulting",
    experience: "some",
    monthlyGoal: "2,500",
    contactName: `Dana Reyes ${seq}`,
    email: `dana${seq}-${Date.now()}@cloudwise.example`,
    phone: "+1 415 555 0100",
    contactPreferences: ["email", "video"],
    linkedin: "linkedin.com/in/dana",
    message: "We advise 40 mid-market SaaS companies on cloud cost.",
    ...overrides,
  };
};

async function applyAndGetId(overrides: Record<string, unknown> = {}) {
  anonymous();
  const input = application(overrides);
  const result = await submitApplicationAction(input);
  expect(result.ok).toBe(true);
  const [row] = await q<{ id: string }>("select id from public.partner_applications where email = $1", [
    input.email,
  ]);
  return { id: row!.id, input };
}

/** Approves an application and signs the applicant up through the emailed invitation link. */
async function onboardApplicant(overrides: Record<string, unknown> = {}) {
  const { id, input } = await applyAndGetId(overrides);
  await as(pm);
  const approved = await approveApplicationAction({ applicationId: id });
  if (!approved.ok) throw new Error(approved.error);
  const [email] = await q<{ text_body: string }>(
    "select text_body from public.email_outbox where idempotency_key = $1",
    [`invitation:${approved.data.invitationId}`],
  );
  const token = decodeURIComponent(/\/invite\/([^\s]+)/.exec(email!.text_body)![1]!);
  const accepted = await acceptInvitation(db.conn, {
    token,
    displayName: input.contactName,
    password: "correct horse battery staple",
  });
  if (!accepted.ok) throw new Error("invitation not accepted");
  const [profile] = await q<{ id: string; role: "partner" }>(
    "select id, role from public.profiles where email = $1",
    [input.email],
  );
  const user = {
    id: profile!.id,
    email: input.email,
    role: "partner" as const,
    // The claims of the session the invitation opened (they name its server-side session record).
    claims: accepted.value.claims,
  };
  return { user, partnerId: approved.data.partnerId, linkCode: approved.data.linkCode, input };
}

const profileStep = {
  displayName: "Dana Reyes",
  title: "Founder",
  phone: "+1 415 555 0100",
  website: "https://cloudwise.example",
  industry: "FinOps",
  country: "US",
  companySize: "2-10",
  description: "Cloud cost advisory.",
} as const;
const bankStep = {
  accountHolder: "Cloudwise LLC",
  bankCountry: "DE",
  accountNumber: "DE89 3704 0044 0532 0130 00",
  currency: "EUR",
} as const;
const taxStep = {
  form: "w9",
  legalName: "Cloudwise LLC",
  businessName: "Cloudwise",
  taxClassification: "llc",
  country: "US",
  address: "1 Market St, San Francisco, CA 94105",
  tin: "12-3456789",
  signedName: "Dana Reyes",
} as const;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await q("insert into public.workspace_settings (company_name) values ('Stratus Test')");
  lowestTierId = (await f.createTier(db.conn, { rank: 1, name: "Starter", commissionRate: "20" })).id;
  await f.createTier(db.conn, { rank: 2, name: "Active", commissionRate: "22" });
  vp = await f.createUser(db.conn, { role: "vp" });
  pm = await f.createUser(db.conn, { role: "partnership_manager" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  finance = await f.createUser(db.conn, { role: "finance" });
  await withSystem("test.seed", (tx) => seedProgramDocuments(tx), db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});
beforeEach(() => jar.clear());

describe("public application", () => {
  test.each([
    [{ company: "" }, "company", "company name"],
    [{ email: "not-an-email" }, "email", "valid email"],
    [{ experience: "guru" }, "experience", "experience"],
    [{ website: "not a site" }, "website", "website"],
    [{ monthlyGoal: "lots" }, "monthlyGoal", "amount"],
    [{ contactPreferences: ["fax"] }, "contactPreferences", "video call"],
  ])("%o → field error on %s; nothing saved", async (patch, field, message) => {
    anonymous();
    const before = await count("partner_applications");
    const result = await submitApplicationAction(application(patch));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.fieldErrors?.[field]?.join(" ").toLowerCase()).toContain(message);
    expect(await count("partner_applications")).toBe(before);
  });

  test("a valid application is stored as pending with its details; a second pending one for the email is refused", async () => {
    anonymous();
    const input = application({ email: "Duplicate@Cloudwise.example" });
    expect(await submitApplicationAction(input)).toEqual({ ok: true, data: { status: "pending" } });
    const [row] = await q<{
      status: string;
      monthly_goal_minor: string;
      website: string;
      contact_preferences: string[];
      social_handles: Record<string, string>;
    }>(
      "select status, monthly_goal_minor::text, website, contact_preferences, social_handles from public.partner_applications where email = 'duplicate@cloudwise.example'",
    );
    expect(row).toMatchObject({
      status: "pending",
      monthly_goal_minor: "250000",
      website: "https://cloudwise.example",
      contact_preferences: ["email", "video"],
      social_handles: { linkedin: "linkedin.com/in/dana" },
    });
    anonymous();
    const again = await submitApplicationAction(application({ email: "duplicate@cloudwise.example" }));
    expect(again).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { email: [expect.stringContaining("already being reviewed")] },
    });
    expect(
      (await q("select 1 from public.partner_applications where email = 'duplicate@cloudwise.example'"))
        .length,
    ).toBe(1);
  });

  test("submissions are rate-limited per client address", async () => {
    anonymous();
    const results = [];
    for (let i = 0; i < 6; i += 1) results.push(await submitApplicationAction(application()));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toMatchObject({ ok: false, status: 429 });
  });

  test("anonymous visitors cannot read or insert applications directly", async () => {
    const read = await attempt(db.conn, "anon", (tx) =>
      rows(tx, sql`select * from public.partner_applications`),
    );
    expect(read.ok).toBe(false);
    const insert = await attempt(db.conn, "anon", (tx) =>
      tx.execute(
        sql`insert into public.partner_applications (company, industry, experience, contact_name, email) values ('X', 'Y', 'new', 'Z', 'z@x.dev')`,
      ),
    );
    expect(insert.ok).toBe(false);
  });
});

describe("review", () => {
  test("approval creates the organisation, the payable agreement at the lowest tier's rate, the default link and an emailed invitation", async () => {
    const { id, input } = await applyAndGetId();
    await as(pm);
    const result = await approveApplicationAction({ applicationId: id });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { partnerId, invitationId, linkCode } = result.data;
    const [partner] = await q<{
      name: string;
      kind: string;
      status: string;
      tier_id: string;
      website: string;
      owner_id: string;
    }>("select name, kind, status, tier_id, website, owner_id from public.partners where id = $1", [
      partnerId,
    ]);
    expect(partner).toEqual({
      name: input.company,
      kind: "program",
      status: "onboarding",
      tier_id: lowestTierId,
      website: "https://cloudwise.example",
      owner_id: pm.id,
    });
    const agreements = await q<{
      direction: string;
      model: string;
      status: string;
      rate: string;
      version: number;
    }>(
      "select a.direction, a.model, a.status, v.rate::text as rate, v.version from public.agreements a join public.agreement_versions v on v.agreement_id = a.id where a.partner_id = $1",
      [partnerId],
    );
    expect(agreements).toEqual([
      { direction: "payable", model: "referral", status: "active", rate: "20.0000", version: 1 },
    ]);
    expect(
      await q("select code from public.referral_links where partner_id = $1 and is_default", [partnerId]),
    ).toEqual([{ code: linkCode }]);
    const [invite] = await q<{
      email: string;
      role: string;
      partner_id: string;
      partner_member_role: string;
    }>("select email, role, partner_id, partner_member_role from public.invitations where id = $1", [
      invitationId,
    ]);
    expect(invite).toEqual({
      email: input.email,
      role: "partner",
      partner_id: partnerId,
      partner_member_role: "admin",
    });
    const outbox = await q<{ to_email: string; template: string; text_body: string }>(
      "select to_email, template, text_body from public.email_outbox where idempotency_key = $1",
      [`invitation:${invitationId}`],
    );
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to_email: input.email, template: "invitation" });
    expect(outbox[0]!.text_body).toContain("http://localhost:3000/invite/");
    const [app] = await q<{ status: string; reviewed_by: string; partner_id: string; invitation_id: string }>(
      "select status, reviewed_by, partner_id, invitation_id from public.partner_applications where id = $1",
      [id],
    );
    expect(app).toEqual({
      status: "approved",
      reviewed_by: pm.id,
      partner_id: partnerId,
      invitation_id: invitationId,
    });
    expect(await approveApplicationAction({ applicationId: id })).toMatchObject({ ok: false, status: 409 });
  });

  test("rejection needs a reason and emails the applicant", async () => {
    const { id, input } = await applyAndGetId();
    await as(vp);
    const missing = await rejectApplicationAction({ applicationId: id, reason: " " });
    expect(missing).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.stringContaining("reason")] },
    });
    expect(
      (await q<{ status: string }>("select status from public.partner_applications where id = $1", [id]))[0]!
        .status,
    ).toBe("pending");
    expect(
      await rejectApplicationAction({
        applicationId: id,
        reason: "We only work with FinOps specialists right now.",
      }),
    ).toMatchObject({ ok: true });
    const [row] = await q<{ status: string; rejection_reason: string }>(
      "select status, rejection_reason from public.partner_applications where id = $1",
      [id],
    );
    expect(row).toEqual({
      status: "rejected",
      rejection_reason: "We only work with FinOps specialists right now.",
    });
    const [email] = await q<{ template: string; text_body: string }>(
      "select template, text_body from public.email_outbox where to_email = $1 and template <> 'application-received'",
      [input.email],
    );
    expect(email?.template).toBe("application_rejected");
    expect(email?.text_body).toContain("FinOps specialists");
  });

  test("reviewers see pending applications first, with their details; others see none", async () => {
    const { listApplications } = await import("@/lib/applications/queries");
    const { id } = await applyAndGetId({ company: "Listed Co" });
    const listed = await attempt(db.conn, { claims: pm.claims }, (tx) => listApplications(tx));
    const statuses = listed.value!.map((a) => a.status);
    expect(statuses.indexOf("pending")).toBe(0);
    expect(statuses.lastIndexOf("pending")).toBeLessThan(
      Math.max(statuses.indexOf("approved"), statuses.indexOf("rejected")),
    );
    expect(listed.value!.find((a) => a.id === id)).toMatchObject({
      company: "Listed Co",
      monthlyGoalMinor: 250000,
      contactPreferences: ["email", "video"],
    });
    const hidden = await attempt(db.conn, { claims: sales.claims }, (tx) => listApplications(tx));
    expect(hidden.value).toEqual([]);
  });

  test("sales managers and finance cannot review applications", async () => {
    const { id } = await applyAndGetId();
    for (const user of [sales, finance]) {
      await as(user);
      expect(await approveApplicationAction({ applicationId: id })).toMatchObject({ ok: false, status: 403 });
      expect(await rejectApplicationAction({ applicationId: id, reason: "No thanks" })).toMatchObject({
        ok: false,
        status: 403,
      });
    }
    expect(
      (await q<{ status: string }>("select status from public.partner_applications where id = $1", [id]))[0]!
        .status,
    ).toBe("pending");
  });

  test("the auto-approve rule approves qualifying applications at submission through the same path", async () => {
    await as(pm);
    expect(
      await updateProgramSettingsAction({
        attributionWindowDays: "60",
        protectionWindowDays: "90",
        autoApproveEnabled: "on",
        autoApproveMinExperience: "experienced",
        autoApproveRequireWebsite: "on",
      }),
    ).toMatchObject({ ok: false, status: 403 });
    await as(vp);
    expect(
      await updateProgramSettingsAction({
        attributionWindowDays: "0",
        protectionWindowDays: "90",
        autoApproveMinExperience: "some",
      }),
    ).toMatchObject({ ok: false, fieldErrors: { attributionWindowDays: [expect.any(String)] } });
    const saved = await updateProgramSettingsAction({
      programHeadline: "Earn with Stratus",
      attributionWindowDays: "60",
      protectionWindowDays: "120",
      autoApproveEnabled: "on",
      autoApproveMinExperience: "experienced",
      autoApproveRequireWebsite: "on",
    });
    expect(saved.ok).toBe(true);
    try {
      anonymous();
      expect(await submitApplicationAction(application({ experience: "some" }))).toEqual({
        ok: true,
        data: { status: "pending" },
      });
      anonymous();
      expect(await submitApplicationAction(application({ experience: "experienced", website: "" }))).toEqual({
        ok: true,
        data: { status: "pending" },
      });
      anonymous();
      const input = application({ experience: "experienced" });
      expect(await submitApplicationAction(input)).toEqual({ ok: true, data: { status: "approved" } });
      const [app] = await q<{
        status: string;
        auto_approved: boolean;
        partner_id: string;
        invitation_id: string;
      }>(
        "select status, auto_approved, partner_id, invitation_id from public.partner_applications where email = $1",
        [input.email],
      );
      expect(app).toMatchObject({ status: "approved", auto_approved: true });
      expect(await q("select status from public.partners where id = $1", [app!.partner_id])).toEqual([
        { status: "onboarding" },
      ]);
      expect(
        await q("select 1 from public.referral_links where partner_id = $1 and is_default", [
          app!.partner_id,
        ]),
      ).toHaveLength(1);
      expect(
        await q("select 1 from public.email_outbox where idempotency_key = $1", [
          `invitation:${app!.invitation_id}`,
        ]),
      ).toHaveLength(1);
    } finally {
      await q(`update public.workspace_settings set auto_approve_rule = '{"enabled": false}'`);
    }
  });
});

describe("onboarding", () => {
  test("bad payout input gives field errors and stores nothing; members cannot set organisation details", async () => {
    const { user, partnerId } = await onboardApplicant();
    await as(user);
    const bad = await onboarding.saveBankPayoutAction({
      ...bankStep,
      accountNumber: "12",
      bankCountry: "Germany",
    });
    expect(bad).toMatchObject({
      ok: false,
      fieldErrors: { accountNumber: [expect.any(String)], bankCountry: [expect.any(String)] },
    });
    expect(
      await q("select 1 from public.partner_payout_methods where partner_id = $1", [partnerId]),
    ).toHaveLength(0);
    const w9 = await onboarding.submitTaxDetailsAction({ ...taxStep, tin: "123" });
    expect(w9).toMatchObject({ ok: false, fieldErrors: { tin: [expect.any(String)] } });
    const member = await f.createUser(db.conn, { role: "partner", partnerId });
    await q("update public.profiles set partner_member_role = 'member' where id = $1", [member.id]);
    await as(member);
    expect(await onboarding.saveBankPayoutAction(bankStep)).toMatchObject({ ok: false, status: 403 });
    expect(
      await inviteColleagueAction({ email: "colleague@cloudwise.example", memberRole: "member" }),
    ).toMatchObject({ ok: false, status: 403 });
  });

  test("completing every step marks the organisation onboarded and active; secrets are stored only as ciphertext", async () => {
    const { user, partnerId } = await onboardApplicant();
    await as(user);
    expect(await onboarding.saveProfileStepAction(profileStep)).toMatchObject({
      ok: true,
      data: { complete: false },
    });
    expect(await onboarding.saveBankPayoutAction(bankStep)).toMatchObject({
      ok: true,
      data: { last4: "3000", complete: false },
    });
    expect(await onboarding.submitTaxDetailsAction(taxStep)).toMatchObject({
      ok: true,
      data: { complete: false },
    });
    const docs = await q<{ id: string }>(
      "select distinct on (kind) id from public.program_documents order by kind, version desc",
    );
    const accepted = await onboarding.acceptDocumentsAction({ documentId: docs.map((d) => d.id) });
    expect(accepted).toMatchObject({ ok: true, data: { complete: true } });
    const [partner] = await q<{ status: string; onboarded: boolean; country: string; industry: string }>(
      "select status, onboarded_at is not null as onboarded, country, industry from public.partners where id = $1",
      [partnerId],
    );
    expect(partner).toEqual({ status: "active", onboarded: true, country: "US", industry: "FinOps" });

    const [payout] = await q<{ account_last4: string; account_ciphertext: string }>(
      "select account_last4, account_ciphertext from public.partner_payout_methods where partner_id = $1",
      [partnerId],
    );
    expect(payout!.account_last4).toBe("3000");
    expect(payout!.account_ciphertext).not.toContain("89370400440532013000");
    expect(JSON.parse(decryptField(payout!.account_ciphertext))).toEqual({ account: "DE89370400440532013000", routing: null });

    const ownTax = await attempt(db.conn, { claims: user.claims }, (tx) =>
      rows(tx, sql`select * from public.partner_tax_details`),
    );
    expect(ownTax.value).toEqual([]);
    const status = await attempt(db.conn, { claims: user.claims }, (tx) =>
      rows<{ tax_form: string }>(tx, sql`select tax_form from private.partner_onboarding_status()`),
    );
    expect(status.value?.[0]?.tax_form).toBe("w9");

    const financeRead = await attempt(db.conn, { claims: finance.claims }, (tx) =>
      rows<Record<string, string>>(
        tx,
        sql`select * from public.partner_tax_details where partner_id = ${partnerId}`,
      ),
    );
    expect(financeRead.value).toHaveLength(1);
    const taxRow = financeRead.value![0]!;
    expect(taxRow.tin_last4).toBe("6789");
    expect(Object.values(taxRow).map(String).join(" ")).not.toContain("123456789");
    expect(decryptField(taxRow.tin_ciphertext!)).toBe("123456789");
    for (const user of [vp, pm, sales]) {
      const r = await attempt(db.conn, { claims: user.claims }, (tx) =>
        rows(tx, sql`select * from public.partner_tax_details`),
      );
      expect(r.value).toEqual([]);
    }
  });

  test("with Stripe configured, the payout step creates an Express account and returns its onboarding link", async () => {
    const { user, partnerId } = await onboardApplicant();
    await as(user);
    expect(await onboarding.startStripeOnboardingAction({})).toMatchObject({ ok: false, status: 422 });
    const stripe = await startStripeConnectServer();
    process.env.STRIPE_SECRET_KEY = "sk_test_local";
    process.env.STRIPE_API_BASE = stripe.baseUrl;
    try {
      const first = await onboarding.startStripeOnboardingAction({});
      expect(first).toEqual({ ok: true, data: { url: "https://connect.stripe.test/setup/acct_local1" } });
      const again = await onboarding.startStripeOnboardingAction({});
      expect(again).toEqual({ ok: true, data: { url: "https://connect.stripe.test/setup/acct_local1" } });
      expect(stripe.requests.map((r) => r.path)).toEqual([
        "/v1/accounts",
        "/v1/account_links",
        "/v1/account_links",
      ]);
      expect(stripe.requests[0]!.body.get("type")).toBe("express");
      expect(
        await q(
          "select kind, stripe_account_id, account_ciphertext from public.partner_payout_methods where partner_id = $1",
          [partnerId],
        ),
      ).toEqual([{ kind: "stripe_connect", stripe_account_id: "acct_local1", account_ciphertext: null }]);
    } finally {
      delete process.env.STRIPE_SECRET_KEY;
      delete process.env.STRIPE_API_BASE;
      await stripe.close();
    }
  });

  test("a partner cannot read another partner's payout method", async () => {
    const a = await onboardApplicant();
    const b = await onboardApplicant();
    await as(a.user);
    expect((await onboarding.saveBankPayoutAction(bankStep)).ok).toBe(true);
    const other = await attempt(db.conn, { claims: b.user.claims }, (tx) =>
      rows(tx, sql`select partner_id, account_last4 from public.partner_payout_methods where partner_id = ${a.partnerId}`),
    );
    expect(other.value).toEqual([]);
    const own = await attempt(db.conn, { claims: a.user.claims }, (tx) =>
      rows(tx, sql`select partner_id from public.partner_payout_methods`),
    );
    expect(own.value).toEqual([{ partner_id: a.partnerId }]);
    // Nobody reads the encrypted account number through the API, not even its own organisation.
    const cipher = await attempt(db.conn, { claims: a.user.claims }, (tx) =>
      rows(tx, sql`select account_ciphertext from public.partner_payout_methods`),
    );
    expect(cipher.error?.code).toBe("42501");
    const forged = await attempt(db.conn, { claims: b.user.claims }, (tx) =>
      tx.execute(
        sql`insert into public.partner_payout_methods (partner_id, kind, stripe_account_id) values (${b.partnerId}, 'stripe_connect', 'acct_x')`,
      ),
    );
    expect(forged.ok).toBe(false);
  });

  test("acceptance records the version and time; a newer published version asks again", async () => {
    const { user, partnerId } = await onboardApplicant();
    await as(user);
    const current = await q<{ id: string; kind: string }>(
      "select distinct on (kind) id, kind from public.program_documents order by kind, version desc",
    );
    expect((await onboarding.acceptDocumentsAction({ documentId: current.map((d) => d.id) })).ok).toBe(true);
    const recorded = await q<{ version: number; profile_id: string; has_time: boolean }>(
      "select d.version, a.profile_id, a.accepted_at is not null as has_time from public.partner_acceptances a join public.program_documents d on d.id = a.document_id where a.partner_id = $1",
      [partnerId],
    );
    expect(recorded).toHaveLength(3);
    expect(recorded.every((r) => r.profile_id === user.id && r.has_time)).toBe(true);

    const conduct = current.find((d) => d.kind === "code_of_conduct")!;
    const [v] = await q<{ version: number }>(
      "select max(version)::int as version from public.program_documents where kind = 'code_of_conduct'",
    );
    const [newer] = await q<{ id: string }>(
      "insert into public.program_documents (kind, version, title, body) values ('code_of_conduct', $1, 'Partner Code of Conduct', 'Updated text.') returning id",
      [v!.version + 1],
    );
    const { getOnboardingStateOrThrow } = await import("@/lib/onboarding/queries");
    const state = await attempt(db.conn, { claims: user.claims }, (tx) =>
      getOnboardingStateOrThrow(tx, user.id, partnerId),
    );
    expect(state.value?.steps.documents).toBe(false);
    expect(state.value?.documents.find((d) => d.kind === "code_of_conduct")).toMatchObject({
      id: newer!.id,
      acceptedAt: null,
      previouslyAcceptedVersion: v!.version,
    });

    expect(await onboarding.acceptDocumentsAction({ documentId: conduct.id })).toMatchObject({
      ok: false,
      status: 409,
    });
    expect((await onboarding.acceptDocumentsAction({ documentId: newer!.id })).ok).toBe(true);
    const again = await attempt(db.conn, { claims: user.claims }, (tx) =>
      getOnboardingStateOrThrow(tx, user.id, partnerId),
    );
    expect(again.value?.steps.documents).toBe(true);
  });

  test("partner admins invite colleagues through the invitation email; preferences are per person", async () => {
    const { user, partnerId } = await onboardApplicant();
    await as(user);
    const invited = await inviteColleagueAction({
      email: "Colleague@Cloudwise.example",
      memberRole: "member",
    });
    expect(invited.ok).toBe(true);
    expect(
      await q(
        "select role, partner_id, partner_member_role from public.invitations where email = 'colleague@cloudwise.example'",
      ),
    ).toEqual([{ role: "partner", partner_id: partnerId, partner_member_role: "member" }]);
    expect(
      await q(
        "select 1 from public.email_outbox where to_email = 'colleague@cloudwise.example' and template = 'invitation'",
      ),
    ).toHaveLength(1);
    expect(
      await inviteColleagueAction({ email: "colleague@cloudwise.example", memberRole: "admin" }),
    ).toMatchObject({ ok: false, fieldErrors: { email: [expect.any(String)] } });
    expect(await updateEmailPreferencesAction({ tier_changed: "on", payout_sent: "on" })).toMatchObject({
      ok: true,
    });
    expect(await q("select email_preferences from public.profiles where id = $1", [user.id])).toEqual([
      {
        email_preferences: {
          tier_changed: true,
          referral_received: false,
          registration_decision: false,
          payout_sent: true,
        },
      },
    ]);
  });
});
