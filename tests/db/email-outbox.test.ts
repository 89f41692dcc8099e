import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { localEmailAdapter } from "@/lib/email/adapter";
import { enqueueEmail } from "@/lib/email/outbox";
import { createSendGridAdapter } from "@/lib/email/sendgrid";
import { deliverDueEmails, MAX_ATTEMPTS } from "@/lib/email/worker";
import { rows, withSystem } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { startSendGridServer } from "../support/sendgrid-server";

let db: TestDatabase;
let sendgrid: Awaited<ReturnType<typeof startSendGridServer>>;
const from = "PartnerOS <no-reply@partneros.test>";

beforeAll(async () => {
  db = await createTestDatabase();
  sendgrid = await startSendGridServer();
});
afterAll(async () => {
  await sendgrid?.close();
  await db?.close();
});
beforeEach(async () => {
  await db.conn.query("delete from public.email_outbox");
  sendgrid.requests.length = 0;
});

const enqueue = (key: string, to = "ann@partner.example") =>
  withSystem("test.enqueue", (tx) => enqueueEmail(tx, { to, template: "t", subject: `Subject ${key}`, text: "Hello", html: "<p>Hello</p>", idempotencyKey: key }), db.conn);

const statuses = () => db.conn.query<{ idempotency_key: string; status: string; attempts: number; provider_message_id: string | null }>(
  "select idempotency_key, status, attempts, provider_message_id from public.email_outbox order by idempotency_key",
);

describe("outbox", () => {
  test("the same idempotency key is queued once", async () => {
    await enqueue("dup");
    await enqueue("dup");
    expect(await statuses()).toHaveLength(1);
  });

  test("an email written in a transaction that rolls back is never sent", async () => {
    await expect(
      withSystem("test.rollback", async (tx) => {
        await enqueueEmail(tx, { to: "x@y.example", template: "t", subject: "s", text: "t", html: "h", idempotencyKey: "rolled-back" });
        throw new Error("business rule failed");
      }, db.conn),
    ).rejects.toThrow("business rule failed");
    expect(await statuses()).toEqual([]);
  });

  test("the local adapter marks messages delivered to the dev mailbox", async () => {
    await enqueue("local-1");
    expect(await deliverDueEmails(db.conn, localEmailAdapter, { from })).toEqual({ sent: 1, failed: 0 });
    expect(await statuses()).toMatchObject([{ status: "sent", provider_message_id: expect.stringMatching(/^local-/) }]);
  });
});

describe("SendGrid adapter against a local contract server", () => {
  test("sends through the real SDK with auth, payload and idempotency header", async () => {
    await enqueue("sg-1");
    const adapter = createSendGridAdapter({ apiKey: "SG.test-key", baseUrl: sendgrid.baseUrl });
    expect(await deliverDueEmails(db.conn, adapter, { from })).toEqual({ sent: 1, failed: 0 });
    expect(sendgrid.requests).toHaveLength(1);
    const [request] = sendgrid.requests;
    expect(request).toMatchObject({ method: "POST", path: "/v3/mail/send" });
    expect(request!.headers.authorization).toBe("Bearer SG.test-key");
    expect(request!.body).toMatchObject({
      from: { email: "no-reply@partneros.test", name: "PartnerOS" },
      subject: "Subject sg-1",
      personalizations: [{ to: [{ email: "ann@partner.example" }] }],
      headers: { "X-Idempotency-Key": "sg-1" },
    });
    expect(await statuses()).toMatchObject([{ status: "sent", provider_message_id: "msg-1" }]);
  });

  test("a provider failure is retried later with backoff, then delivered once", async () => {
    await enqueue("sg-retry");
    const adapter = createSendGridAdapter({ apiKey: "SG.test-key", baseUrl: sendgrid.baseUrl });
    sendgrid.failNext(1);
    const t0 = new Date();
    expect(await deliverDueEmails(db.conn, adapter, { from, now: t0 })).toEqual({ sent: 0, failed: 1 });
    expect(await statuses()).toMatchObject([{ status: "failed", attempts: 1 }]);
    expect(await deliverDueEmails(db.conn, adapter, { from, now: new Date(t0.getTime() + 1000) })).toEqual({ sent: 0, failed: 0 });
    expect(await deliverDueEmails(db.conn, adapter, { from, now: new Date(t0.getTime() + 31_000) })).toEqual({ sent: 1, failed: 0 });
    expect(await statuses()).toMatchObject([{ status: "sent", attempts: 2 }]);
    expect(sendgrid.requests).toHaveLength(2);
  });

  test("a bad API key fails without losing the message, and gives up after the attempt limit", async () => {
    await enqueue("sg-badkey");
    const adapter = createSendGridAdapter({ apiKey: "SG.wrong", baseUrl: sendgrid.baseUrl });
    let now = Date.now();
    for (let i = 0; i < MAX_ATTEMPTS + 2; i += 1) {
      await deliverDueEmails(db.conn, adapter, { from, now: new Date(now) });
      now += 3_700_000;
    }
    expect(await statuses()).toMatchObject([{ status: "failed", attempts: MAX_ATTEMPTS }]);
  });

  test("two workers running at once never send the same message twice", async () => {
    for (let i = 0; i < 6; i += 1) await enqueue(`sg-par-${i}`);
    const adapter = createSendGridAdapter({ apiKey: "SG.test-key", baseUrl: sendgrid.baseUrl });
    const [a, b] = await Promise.all([deliverDueEmails(db.conn, adapter, { from }), deliverDueEmails(db.conn, adapter, { from })]);
    expect(a.sent + b.sent).toBe(6);
    expect(sendgrid.requests).toHaveLength(6);
  });
});

describe("what staff read of the outbox", () => {
  const body = "Reset your password: http://localhost:3000/reset-password?token=secret-reset-token";
  const queue = () =>
    withSystem("test.enqueue", (tx) => enqueueEmail(tx, { to: "fin@corp.example", template: "reset_password", subject: "Reset your password", text: body, html: `<p>${body}</p>`, idempotencyKey: "reset-password:abc" }), db.conn);
  const asRole = async (role: "vp" | "finance" | "sales_manager" | "partnership_manager" | "partner", query: string) => {
    const partner = await f.createPartner(db.conn);
    const user = await f.createUser(db.conn, { role, partnerId: partner.id });
    return attempt(db.conn, { claims: user.claims }, (tx) => rows<Record<string, unknown>>(tx, sql.raw(query)));
  };

  test("the VP sees to, subject and status, never a body, the token-derived key or the row as a whole", async () => {
    await queue();
    const meta = await asRole("vp", "select to_email, template, subject, status, attempts, created_at from public.email_outbox");
    expect(meta.value).toMatchObject([{ to_email: "fin@corp.example", subject: "Reset your password", status: "pending" }]);
    for (const query of [
      "select text_body from public.email_outbox",
      "select html_body from public.email_outbox",
      "select idempotency_key from public.email_outbox",
      "select * from public.email_outbox",
      "select count(*) from public.email_outbox where text_body like '%token=%'",
    ]) {
      const r = await asRole("vp", query);
      expect(r.ok, query).toBe(false);
      expect(r.error?.code).toBe("42501");
    }
  });

  test.each(["finance", "sales_manager", "partnership_manager", "partner"] as const)("%s reads no outbox rows and no bodies", async (role) => {
    await queue();
    expect((await asRole(role, "select id, subject from public.email_outbox")).value).toEqual([]);
    expect((await asRole(role, "select text_body from public.email_outbox")).error?.code).toBe("42501");
  });

  test("a hosted provider's sent message keeps no body; the local adapter keeps it for the dev mailbox", async () => {
    await queue();
    await deliverDueEmails(db.conn, createSendGridAdapter({ apiKey: "SG.test-key", baseUrl: sendgrid.baseUrl }), { from });
    expect(sendgrid.requests[0]!.body).toMatchObject({ content: expect.arrayContaining([expect.objectContaining({ value: body })]) });
    expect(await db.conn.query("select status, text_body, html_body from public.email_outbox")).toEqual([{ status: "sent", text_body: "", html_body: "" }]);

    await db.conn.query("delete from public.email_outbox");
    await queue();
    await deliverDueEmails(db.conn, localEmailAdapter, { from });
    expect(await db.conn.query("select status, text_body from public.email_outbox")).toEqual([{ status: "sent", text_body: body }]);
  });
});
