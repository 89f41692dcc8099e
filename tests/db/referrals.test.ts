import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { signSession } from "@/lib/auth/jwt";
import { rows } from "@/lib/db/session";
import { attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";

const jar = new Map<string, string>();
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [],
  }),
  headers: async () => new Headers({ "x-forwarded-for": "203.0.113.250" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { referralRedirect } = await import("@/lib/referrals/redirect");
const { recordRedirect, shutdownClickQueue, clickQueueStats } = await import("@/lib/referrals/click-queue");
const { invalidateLinks } = await import("@/lib/referrals/link-cache");
const { encodeAttribution, ATTRIBUTION_COOKIE } = await import("@/lib/referrals/attribution");
const { createReferral } = await import("@/lib/referrals/create-referral");
const { postReferral } = await import("@/lib/referrals/api");
const { archiveLinkAction, createCampaignLinkAction, submitReferralAction } =
  await import("@/lib/referrals/actions");
const { createLandingPageAction, setLandingPageActiveAction } = await import("@/lib/landing-pages/actions");
const { sessionCookieName } = await import("@/lib/auth/cookie");
const { maySee } = await import("@/lib/realtime/hub");

const CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
let db: TestDatabase;
let partnerA: { id: string };
let partnerB: { id: string };
let userA: f.TestUser;
let userB: f.TestUser;
let staff: f.TestUser;
let links: { a: string; b: string; aCode: string; bCode: string };
let ipSeq = 0;
const nextIp = () => `198.51.100.${(ipSeq += 1) % 250}`;

async function as(user: f.TestUser | null) {
  jar.clear();
  if (user) jar.set(sessionCookieName(), await signSession(user.claims, process.env.SESSION_SECRET!));
}

async function link(
  partnerId: string,
  code: string,
  extra: { landingPageId?: string; isDefault?: boolean } = {},
) {
  const [row] = await db.conn.query<{ id: string }>(
    `insert into public.referral_links (partner_id, code, landing_page_id, is_default)
     values ($1, $2, coalesce($3::uuid, (select id from public.landing_pages where is_default)), $4) returning id`,
    [partnerId, code, extra.landingPageId ?? null, extra.isDefault ?? false],
  );
  return row!.id;
}

function visit(
  code: string,
  init: { ip?: string; ua?: string | null; query?: string; referer?: string } = {},
) {
  const headers = new Headers({ "x-forwarded-for": init.ip ?? nextIp() });
  if (init.ua !== null) headers.set("user-agent", init.ua ?? CHROME);
  if (init.referer) headers.set("referer", init.referer);
  return new Request(`http://localhost:3000/r/${code}${init.query ?? ""}`, { headers });
}

const lead = (email: string) => ({ name: "Lee Visitor", email, company: "Visitor Corp" });

const clicksOf = async (linkId: string) =>
  db.conn.query<{ visitor_hash: string; is_bot: boolean; hour_bucket: Date; referrer: string | null }>(
    "select visitor_hash, is_bot, hour_bucket, referrer from public.referral_clicks where link_id = $1 order by id",
    [linkId],
  );

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query(
    "insert into public.workspace_settings (company_name, attribution_window_days) values ('Test Co', 30)",
  );
  partnerA = await f.createPartner(db.conn, { website: "https://www.acme-partner.example" });
  partnerB = await f.createPartner(db.conn);
  userA = await f.createUser(db.conn, {
    role: "partner",
    partnerId: partnerA.id,
    email: `ana-${Date.now()}@acme-labs.example`,
  });
  await f.createUser(db.conn, {
    role: "partner",
    partnerId: partnerA.id,
    email: `sam-${Date.now()}@gmail.com`,
  });
  userB = await f.createUser(db.conn, { role: "partner", partnerId: partnerB.id });
  staff = await f.createUser(db.conn, { role: "partnership_manager" });
  links = {
    a: await link(partnerA.id, "acme-main", { isDefault: true }),
    b: await link(partnerB.id, "bravo-main", { isDefault: true }),
    aCode: "acme-main",
    bCode: "bravo-main",
  };
});
afterAll(async () => {
  await shutdownClickQueue();
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});
// Every burst bucket starts full again (they live in private.rate_buckets, shared by all instances).
beforeEach(async () => {
  await db.conn.query("delete from private.rate_buckets");
});

describe("GET /r/[code]", () => {
  test("redirects to the link's landing page from the database; ?url= is ignored; sets the attribution cookie", async () => {
    const response = await referralRedirect(
      visit(links.aCode, { query: "?url=https://elsewhere.example/phish" }),
      links.aCode,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("http://localhost:3000/welcome");
    const cookie = response.headers.get("set-cookie")!;
    expect(cookie).toMatch(new RegExp(`^${ATTRIBUTION_COOKIE}=acme-main\\.\\d+\\.[A-Za-z0-9_-]{32}`));
    expect(cookie).toMatch(/Max-Age=2592000/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
  });

  test("unknown, malformed and archived codes answer the 404 page, not a redirect", async () => {
    for (const code of ["unknown-code", "../etc", "A"]) {
      const response = await referralRedirect(visit(code), code);
      expect(response.status).toBe(404);
      expect(response.headers.get("location")).toBeNull();
      expect(response.headers.get("content-type")).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/Page not found/);
    }
    const archived = await link(partnerA.id, "acme-archived");
    expect((await referralRedirect(visit("acme-archived"), "acme-archived")).status).toBe(302);
    await db.conn.query("update public.referral_links set archived_at = now() where id = $1", [archived]);
    invalidateLinks(["acme-archived"]);
    expect((await referralRedirect(visit("acme-archived"), "acme-archived")).status).toBe(404);
  });

  test("a campaign link leads to its allowlisted https page, and to the default page once that page is turned off", async () => {
    const [page] = await db.conn.query<{ id: string }>(
      "insert into public.landing_pages (name, url) values ('Docs', 'https://docs.test-co.example/start') returning id",
    );
    await link(partnerA.id, "acme-docs", { landingPageId: page!.id });
    const first = await referralRedirect(
      visit("acme-docs", { query: "?url=https://elsewhere.example" }),
      "acme-docs",
    );
    expect(first.headers.get("location")).toBe("https://docs.test-co.example/start");
    await db.conn.query("update public.landing_pages set active = false where id = $1", [page!.id]);
    invalidateLinks();
    const after = await referralRedirect(visit("acme-docs"), "acme-docs");
    expect(after.headers.get("location")).toBe("http://localhost:3000/welcome");
  });

  test("one click per link, visitor and hour; bots are flagged; the referrer is kept", async () => {
    const id = await link(partnerA.id, "acme-dedupe");
    const hour = new Date("2030-03-01T10:05:00Z");
    for (const minutes of [0, 10, 50]) {
      await referralRedirect(
        visit("acme-dedupe", { ip: "192.0.2.10", referer: "https://blog.example/post" }),
        "acme-dedupe",
        { now: new Date(hour.getTime() + minutes * 60_000) },
      );
    }
    await referralRedirect(visit("acme-dedupe", { ip: "192.0.2.10" }), "acme-dedupe", {
      now: new Date("2030-03-01T11:01:00Z"),
    });
    await referralRedirect(
      visit("acme-dedupe", { ip: "192.0.2.10", ua: "Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0" }),
      "acme-dedupe",
      { now: hour },
    );
    await referralRedirect(
      visit("acme-dedupe", {
        ip: "192.0.2.11",
        ua: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      }),
      "acme-dedupe",
      { now: hour },
    );
    await referralRedirect(visit("acme-dedupe", { ip: "192.0.2.12", ua: null }), "acme-dedupe", {
      now: hour,
    });
    // Each redirect answered after its click committed: nothing to wait for.
    const clicks = await clicksOf(id);
    expect(clicks).toHaveLength(5);
    expect(clicks.filter((c) => c.is_bot)).toHaveLength(2);
    expect(clicks[0]!.referrer).toBe("https://blog.example/post");
    expect(new Set(clicks.map((c) => c.visitor_hash)).size).toBe(4);
    expect(clicks.every((c) => !c.visitor_hash.includes("192.0.2"))).toBe(true);
  });

  test("a burst from one address gets 429 with Retry-After and a problem body; other addresses pass", async () => {
    // In one batch, in this order: 40 visits of a live link, then 5 of a made-up code from the same address.
    const codes = [...Array<string>(40).fill(links.aCode), ...Array<string>(5).fill("unknown-code")];
    const responses = await Promise.all(codes.map((code) => referralRedirect(visit(code, { ip: "192.0.2.99" }), code)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.slice(0, 30).every((s) => s === 302)).toBe(true);
    // A made-up code takes from the same bucket, so a flood of them gets 429 before any lookup.
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    const limited = responses[30]!;
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect(await limited.json()).toMatchObject({ status: 429, title: "Too many requests" });
    expect((await referralRedirect(visit(links.aCode, { ip: "192.0.2.98" }), links.aCode)).status).toBe(302);
  });

  test("a redirect is answered once its click is committed, and shutdown waits for every request in flight", async () => {
    const id = await link(partnerB.id, "bravo-flush");
    const before = clickQueueStats().recorded;
    const answered: Promise<{ stored: string }>[] = [];
    for (let i = 0; i < 1_234; i += 1) {
      answered.push(
        recordRedirect({
          bucket: null,
          click: {
            linkId: id,
            partnerId: partnerB.id,
            clickedAt: new Date(),
            visitorHash: `v-${i}`,
            ipHash: `ip-${i}`,
            userAgent: CHROME,
            referrer: null,
            isBot: false,
          },
        }),
      );
    }
    let settled = 0;
    for (const p of answered) void p.then(() => (settled += 1));
    await shutdownClickQueue();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(1_234);
    expect(new Set((await Promise.all(answered)).map((o) => o.stored))).toEqual(new Set(["database"]));
    expect(clickQueueStats()).toMatchObject({ pending: 0, inFlight: 0, spooled: 0, lost: 0 });
    expect(clickQueueStats().recorded - before).toBe(1_234);
    expect(await clicksOf(id)).toHaveLength(1_234);
  });
});

describe("referrals", () => {
  test("the cookie wins over a code, and the last click's cookie is the one that counts", async () => {
    const first = await referralRedirect(visit(links.aCode), links.aCode);
    const second = await referralRedirect(visit(links.bCode), links.bCode);
    expect(first.headers.get("set-cookie")).toMatch(/^po_ref=acme-main/);
    const cookie = /po_ref=([^;]+)/.exec(second.headers.get("set-cookie")!)![1]!;
    const outcome = await createReferral(db.conn, lead("lee@visitor.example"), {
      source: "landing_form",
      ip: nextIp(),
      cookie,
      code: links.aCode,
    });
    expect(outcome).toMatchObject({
      ok: true,
      partnerId: partnerB.id,
      attributedBy: "cookie",
      selfReferral: false,
    });
  });

  test("a cookie outside the attribution window or with a forged signature falls back to the code", async () => {
    const old = encodeAttribution(links.bCode, new Date(Date.now() - 31 * 86_400_000));
    const forged = encodeAttribution(links.bCode, new Date()).replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    const renamed = encodeAttribution(links.bCode, new Date()).replace(links.bCode, links.aCode);
    for (const cookie of [old, forged, renamed]) {
      const outcome = await createReferral(db.conn, lead("kim@visitor.example"), {
        source: "api",
        ip: nextIp(),
        cookie,
        code: links.aCode,
      });
      expect(outcome).toMatchObject({ ok: true, partnerId: partnerA.id, attributedBy: "code" });
    }
    const inside = encodeAttribution(links.bCode, new Date(Date.now() - 29 * 86_400_000));
    expect(
      await createReferral(db.conn, lead("kim@visitor.example"), {
        source: "api",
        ip: nextIp(),
        cookie: inside,
      }),
    ).toMatchObject({ partnerId: partnerB.id, attributedBy: "cookie" });
    expect(
      await createReferral(db.conn, lead("kim@visitor.example"), {
        source: "api",
        ip: nextIp(),
        cookie: old,
      }),
    ).toEqual({ ok: false, reason: "unattributed" });
  });

  test("self-referrals are flagged by the partner's website host or a colleague's email domain, not by free mail", async () => {
    const ctx = () => ({ source: "api" as const, ip: nextIp(), cookie: null, code: links.aCode });
    expect(await createReferral(db.conn, lead("x@acme-partner.example"), ctx())).toMatchObject({
      selfReferral: true,
    });
    expect(await createReferral(db.conn, lead("y@acme-labs.example"), ctx())).toMatchObject({
      selfReferral: true,
    });
    expect(await createReferral(db.conn, lead("z@gmail.com"), ctx())).toMatchObject({ selfReferral: false });
    expect(await createReferral(db.conn, lead("w@other.example"), ctx())).toMatchObject({
      selfReferral: false,
    });
  });

  test("the partner's users are notified of a new referral", async () => {
    const outcome = await createReferral(db.conn, lead("notify@visitor.example"), {
      source: "api",
      ip: nextIp(),
      cookie: null,
      code: links.bCode,
    });
    expect(outcome.ok).toBe(true);
    const notes = await db.conn.query<{ title: string }>(
      "select title from public.notifications where user_id = $1 and kind = 'referral_received'",
      [userB.id],
    );
    expect(notes.map((n) => n.title)).toContain("New referral: Lee Visitor (Visitor Corp)");
  });

  test("the landing form attributes by cookie and gives field errors", async () => {
    await as(null);
    const bad = new FormData();
    bad.set("name", "");
    bad.set("email", "nope");
    bad.set("company", "X");
    const invalid = await submitReferralAction(bad);
    expect(invalid).toMatchObject({ ok: false, status: 422 });
    expect(Object.keys((invalid as { fieldErrors: object }).fieldErrors)).toEqual(
      expect.arrayContaining(["name", "email"]),
    );
    jar.set(ATTRIBUTION_COOKIE, encodeAttribution(links.aCode, new Date()));
    const form = new FormData();
    form.set("name", "Form Person");
    form.set("email", "form@visitor.example");
    form.set("company", "Form Co");
    form.set("message", "Hello");
    expect(await submitReferralAction(form)).toEqual({ ok: true, data: { attributed: true } });
    const [row] = await db.conn.query<{ partner_id: string; source: string; attributed_by: string }>(
      "select partner_id, source, attributed_by from public.referrals where email = 'form@visitor.example'",
    );
    expect(row).toEqual({ partner_id: partnerA.id, source: "landing_form", attributed_by: "cookie" });
  });

  test("POST /api/referrals: CORS allow-list, problem+json 422, 201, and 429 per address", async () => {
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      postReferral(
        new Request("http://localhost:3000/api/referrals", {
          method: "POST",
          headers: { "content-type": "application/json", "x-forwarded-for": "192.0.2.77", ...headers },
          body: JSON.stringify(body),
        }),
        db.conn,
      );
    const foreign = await post(
      { ...lead("a@b.example"), code: links.aCode },
      { origin: "https://evil.example" },
    );
    expect(foreign.status).toBe(403);
    const invalid = await post({ name: "A", email: "not-an-email", company: "C", code: links.aCode });
    expect(invalid.status).toBe(422);
    expect(invalid.headers.get("content-type")).toMatch(/application\/problem\+json/);
    expect((await invalid.json()).errors.email).toBeDefined();
    const unknown = await post({ ...lead("a@b.example"), code: "no-such-code" });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors.code).toBeDefined();
    const created = await post(
      { ...lead("a@b.example"), code: links.aCode },
      { origin: "http://localhost:3000" },
    );
    expect(created.status).toBe(201);
    expect(created.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(await created.json()).toMatchObject({ attributedBy: "code", selfReferral: false });
    let last: Response | undefined;
    for (let i = 0; i < 10; i += 1) last = await post({ ...lead("a@b.example"), code: links.aCode });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("links and landing pages", () => {
  test("a partner creates and archives a campaign link; the archived code stops redirecting at once", async () => {
    await as(userA);
    const [page] = await db.conn.query<{ id: string }>(
      "select id from public.landing_pages where is_default",
    );
    const missing = await createCampaignLinkAction({ campaign: "", landingPageId: page!.id });
    expect(missing).toMatchObject({ ok: false, status: 422, fieldErrors: { campaign: expect.any(Array) } });
    const created = await createCampaignLinkAction({ campaign: "Spring webinar", landingPageId: page!.id });
    if (!created.ok) throw new Error(created.error);
    expect(created.data.code).toMatch(/^p-[a-z0-9]+-spring-webinar-[a-z0-9]{4}$/);
    expect((await referralRedirect(visit(created.data.code), created.data.code)).status).toBe(302);
    await as(userB);
    expect(await archiveLinkAction({ id: created.data.id })).toMatchObject({ ok: false, status: 404 });
    await as(userA);
    expect(await archiveLinkAction({ id: created.data.id })).toMatchObject({ ok: true });
    expect((await referralRedirect(visit(created.data.code), created.data.code)).status).toBe(404);
    expect(await archiveLinkAction({ id: links.a })).toMatchObject({ ok: false, status: 404 });
  });

  test("landing pages: managers add with field errors; partners cannot; the default cannot be turned off", async () => {
    await as(staff);
    const bad = await createLandingPageAction({ name: "Evil", url: "http://insecure.example" });
    expect(bad).toMatchObject({ ok: false, status: 422, fieldErrors: { url: expect.any(Array) } });
    expect(await createLandingPageAction({ name: "Security", url: "/welcome/security" })).toMatchObject({
      ok: true,
    });
    expect(await createLandingPageAction({ name: "Again", url: "/welcome/security" })).toMatchObject({
      ok: false,
      status: 409,
      fieldErrors: { url: expect.any(Array) },
    });
    const [def] = await db.conn.query<{ id: string }>("select id from public.landing_pages where is_default");
    expect(await setLandingPageActiveAction({ id: def!.id, active: false })).toMatchObject({
      ok: false,
      status: 422,
    });
    await as(userA);
    expect(await createLandingPageAction({ name: "Mine", url: "/welcome/mine" })).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  test("partner A cannot read partner B's links, clicks or referrals; staff read both", async () => {
    await referralRedirect(visit(links.bCode), links.bCode);
    await createReferral(db.conn, lead("rls@visitor.example"), {
      source: "api",
      ip: nextIp(),
      cookie: null,
      code: links.bCode,
    });
    for (const table of ["referral_links", "referral_clicks", "referrals"]) {
      const asA = await attempt(db.conn, { claims: userA.claims }, (tx) =>
        rows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.raw(`public.${table}`)} where partner_id = ${partnerB.id}`,
        ),
      );
      const asStaff = await attempt(db.conn, { claims: staff.claims }, (tx) =>
        rows<{ n: number }>(
          tx,
          sql`select count(*)::int as n from ${sql.raw(`public.${table}`)} where partner_id = ${partnerB.id}`,
        ),
      );
      expect(asA.value?.[0]?.n, table).toBe(0);
      expect(asStaff.value?.[0]?.n, table).toBeGreaterThan(0);
    }
  });

  test("live events of clicks and referrals reach only the owning partner's users and staff", async () => {
    const subscriber = (user: f.TestUser) => ({ claims: user.claims });
    // The topics the change triggers announce a row to (private.realtime_topics), as the NOTIFY carries them.
    const notice = async (table: "referral_clicks" | "referrals", partnerId: string | null) => {
      const [row] = await db.conn.query<{ topics: string[] }>("select private.realtime_topics($1, jsonb_build_object('partner_id', $2::uuid)) as topics", [table, partnerId]);
      return { table, op: "insert" as const, id: "1", topics: row!.topics };
    };
    for (const table of ["referral_clicks", "referrals"] as const) {
      const event = await notice(table, partnerB.id);
      expect(await maySee(subscriber(userB), event)).toBe(true);
      expect(await maySee(subscriber(userA), event)).toBe(false);
      expect(await maySee(subscriber(userA), await notice(table, null))).toBe(false);
      expect(await maySee(subscriber(staff), event)).toBe(true);
    }
  });
});
