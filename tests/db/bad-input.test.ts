import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { signInAs } from "../support/next-session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

const { createTaskAction } = await import("@/lib/tasks/actions");
const { submitReferralAction } = await import("@/lib/referrals/actions");
const { uploadAttachmentAction } = await import("@/lib/status/attachment-actions");
const { submitApplicationAction } = await import("@/lib/applications/actions");
const { postReferral } = await import("@/lib/referrals/api");
const { POST: signUp } = await import("@/app/api/auth/signup/route");
const { handleStripeWebhook } = await import("@/lib/payouts/webhooks");

const NUL = "Call\u0000back";
const LONE = "Call\uD800back";
const WEBHOOK_SECRET = "whsec_bad_input_0123456789";

let db: TestDatabase;
let sales: f.TestUser;

beforeAll(async () => {
  process.env.STRIPE_WEBHOOK_SECRET = WEBHOOK_SECRET;
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  sales = await f.createUser(db.conn, { role: "sales_manager" });
});
afterAll(async () => {
  delete process.env.STRIPE_WEBHOOK_SECRET;
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

/** Newest audit id plus the row counts the refused calls could have touched. */
async function fingerprint(): Promise<string> {
  const [row] = await db.conn.query<{ fp: string }>(
    `select concat_ws('|', (select max(id) from public.audit_log), (select count(*) from public.tasks), (select count(*) from public.referrals),
            (select count(*) from auth.users), (select count(*) from public.stripe_events)) as fp`,
  );
  return row!.fp;
}

describe("text Postgres cannot store is a field error, never a 500", () => {
  test.each([
    ["NUL", NUL],
    ["a lone surrogate", LONE],
  ])("an action refuses %s in a field with 422 naming the field", async (_name, bad) => {
    await signInAs(sales);
    const before = await fingerprint();
    expect(await createTaskAction({ title: bad })).toMatchObject({ ok: false, status: 422, fieldErrors: { title: [expect.stringMatching(/NUL|surrogate/)] } });
    expect(await createTaskAction({ title: "Fine", notes: `x${bad}` })).toMatchObject({ ok: false, status: 422, fieldErrors: { notes: [expect.any(String)] } });
    expect(await fingerprint()).toBe(before);
  });

  test("a form field with NUL is refused the same way (a form cannot carry lone surrogates)", async () => {
    await signInAs(sales);
    const before = await fingerprint();
    const form = new FormData();
    form.set("title", "Fine");
    form.set("notes", NUL);
    expect(await createTaskAction(form as never)).toMatchObject({ ok: false, status: 422, fieldErrors: { notes: [expect.any(String)] } });
    expect(await fingerprint()).toBe(before);
  });

  test("the public referral form and the upload action answer a non-form argument with 400", async () => {
    await signInAs(null);
    expect(await submitReferralAction("not a form" as never)).toMatchObject({ ok: false, status: 400 });
    expect(await submitReferralAction(null as never)).toMatchObject({ ok: false, status: 400 });
    await signInAs(sales);
    expect(await uploadAttachmentAction({ file: "x" } as never)).toMatchObject({ ok: false, status: 400 });
  });

  test("the public application form refuses NUL in its message and records nothing", async () => {
    await signInAs(null);
    const before = await db.conn.query<{ n: number }>("select count(*)::int as n from public.partner_applications");
    const application = {
      company: "Cloudwise",
      website: "cloudwise.example",
      industry: "FinOps consulting",
      experience: "some",
      monthlyGoal: "2,500",
      contactName: "Dana Reyes",
      email: "dana@cloudwise.example",
      contactPreferences: ["email"],
      message: NUL,
    };
    expect(await submitApplicationAction(application)).toMatchObject({ ok: false, status: 422, fieldErrors: { message: [expect.any(String)] } });
    expect(await db.conn.query("select count(*)::int as n from public.partner_applications")).toEqual(before);
  });

  test("the referral API and sign-up refuse NUL and lone surrogates with 422 problem+json and store nothing", async () => {
    const before = await fingerprint();
    const referral = await postReferral(
      new Request("http://localhost:3000/api/referrals", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.90" },
        body: JSON.stringify({ name: NUL, email: "lead@example.com", company: "Acme" }),
      }),
      db.conn,
    );
    expect(referral.status).toBe(422);
    expect((await referral.json()).errors).toHaveProperty("name");
    const signup = await signUp(
      new Request("http://localhost:3000/api/auth/signup", {
        method: "POST",
        headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.91" },
        body: JSON.stringify({ displayName: LONE, companyName: "Acme", email: "new@example.com", password: "a long enough password 123" }),
      }),
    );
    expect(signup.status).toBe(422);
    expect(signup.headers.get("content-type")).toMatch(/problem\+json/);
    expect(Object.keys((await signup.json()).errors)).toEqual(["displayName"]);
    expect(await fingerprint()).toBe(before);
  });
});

describe("signed Stripe events that can never be processed are a 400, so Stripe stops retrying", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const deliver = (event: unknown, timestamp = now()) => {
    const payload = JSON.stringify(event);
    return handleStripeWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET, timestamp }));
  };

  test.each([
    ["without an id", { type: "transfer.created", created: 1, data: { object: { id: "tr_1" } } }],
    ["without data", { id: "evt_nodata", type: "transfer.created", created: 1 }],
    ["without a type", { id: "evt_notype", created: 1, data: { object: { id: "x" } } }],
    ["with a NUL in its id", { id: "evt_\u0000", type: "transfer.created", created: 1, data: { object: { id: "tr_1" } } }],
    ["with a NUL deep in its payload", { id: "evt_deepnul", type: "account.updated", created: 1, data: { object: { id: "acct_1", name: "a\u0000" } } }],
    ["whose payout has no creation time", { id: "evt_nocreated", type: "payout.paid", account: "acct_1", created: 1, data: { object: { id: "po_1", created: "soon" } } }],
  ])("an event %s", async (_name, event) => {
    const before = await fingerprint();
    expect(await deliver(event)).toMatchObject({ status: 400, title: "Malformed event" });
    expect(await fingerprint()).toBe(before);
  });

  test("a signature dated beyond the tolerance in the future is refused; one within it is accepted", async () => {
    const event = { id: "evt_future", type: "account.updated", created: now(), data: { object: { id: "acct_unknown" } } };
    expect(await deliver(event, now() + 3600)).toMatchObject({ status: 400, detail: expect.stringMatching(/future/) });
    expect(await deliver(event, now() + 30)).toMatchObject({ status: 200, outcome: "unmatched" });
  });
});
