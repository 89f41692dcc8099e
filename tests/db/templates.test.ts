import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { signInAs as as } from "../support/next-session";
import { createDefaultStages } from "../support/pipeline";

const actions = await import("@/lib/templates/fill-actions");
const share = await import("@/app/s/[token]/route");
const exportRoute = await import("@/app/api/templates/fills/[id]/export/route");
const bundleRoute = await import("@/app/api/templates/bundles/[key]/route");
const { runAsUser } = await import("@/lib/db/session");

let db: TestDatabase;
let vp: f.TestUser;
let manager: f.TestUser;
let sales: f.TestUser;
let partnerUser: f.TestUser;
let partnerId: string;

const count = async (table: string) => (await db.conn.query<{ n: number }>(`select count(*)::int as n from public.${table}`))[0]!.n;
const review = (values: Record<string, string> = {}) => ({
  slug: "partner-business-review",
  partnerId,
  title: "Q4 review",
  // Everything the form asks for (live values arrive pre-filled in the form; a status is always picked).
  values: {
    partner_name: "Northwind Partners",
    company_name: "Template Co",
    review_quarter: "Q4 2026",
    quarter_revenue: "$12,000.00",
    pipeline_value: "$40,000.00",
    deals_won: "2",
    partner_manager: "Dana Whitfield",
    partner_sponsor: "Luis Ortega",
    meeting_date: "2026-12-04",
    executive_headline: "Two wins in a new segment.",
    top_win: "Closed Initech after a joint proof of concept.",
    overall_status: "On track",
    ...values,
  },
});
const openShare = (token: string) => share.GET(new Request(`http://localhost/s/${token}`), { params: Promise.resolve({ token }) });

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  await db.conn.query("insert into public.workspace_settings (company_name, brand_color) values ('Template Co', '#0f766e')");
  await createDefaultStages(db.conn);
  vp = await f.createUser(db.conn, { role: "vp" });
  manager = await f.createUser(db.conn, { role: "partnership_manager" });
  sales = await f.createUser(db.conn, { role: "sales_manager" });
  const partner = await f.createPartner(db.conn, { name: "Northwind Partners" });
  partnerId = partner.id;
  partnerUser = await f.createUser(db.conn, { role: "partner", partnerId });
});
afterAll(async () => db?.close());

describe("fills", () => {
  test("a missing required value gives field errors and writes nothing", async () => {
    await as(manager);
    const result = await actions.createFillAction(review({ meeting_date: "", quarter_revenue: "lots" }));
    expect(result).toMatchObject({ ok: false, status: 422 });
    expect(!result.ok && result.fieldErrors).toEqual({
      "values.meeting_date": ["QBR meeting date is required"],
      "values.quarter_revenue": ["Enter an amount such as $12,500 or 12500.00"],
    });
    expect(await count("template_fills")).toBe(0);
  });

  test("an unknown template or partner is refused", async () => {
    await as(manager);
    expect(await actions.createFillAction({ ...review(), slug: "no-such-template" })).toMatchObject({ ok: false, status: 404 });
    expect(await actions.createFillAction({ ...review(), partnerId: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, status: 422 });
  });

  test("saving renders the document with live figures; edits make versions; only the author or the VP edits", async () => {
    await as(manager);
    const created = await actions.createFillAction(review());
    expect(created.ok).toBe(true);
    const fillId = created.ok ? created.data.fillId : "";
    const [v1] = await db.conn.query<{ markdown: string }>("select markdown from public.template_fill_versions where fill_id = $1", [fillId]);
    expect(v1!.markdown).toContain("Northwind Partners");
    expect(v1!.markdown).toContain("| Quarter | Won revenue | Deals won |");
    expect(v1!.markdown).not.toMatch(/\{\{/);

    expect(await actions.updateFillAction({ fillId, title: "Q4 review", values: review({ overall_status: "At risk" }).values })).toMatchObject({
      ok: true,
      data: { version: 2 },
    });
    await as(sales);
    expect(await actions.updateFillAction({ fillId, title: "Mine now", values: review().values })).toMatchObject({ ok: false, status: 403 });
    await as(vp);
    expect(await actions.updateFillAction({ fillId, title: "Q4 review (VP)", values: review().values })).toMatchObject({ ok: true, data: { version: 3 } });
    expect(await count("template_fill_versions")).toBe(3);
    const usage = await db.conn.query<{ kind: string }>("select kind from public.template_usage_events where template_slug = 'partner-business-review'");
    expect(usage.map((u) => u.kind)).toEqual(["fill"]);
  });

  test("partners cannot fill or read the team's documents", async () => {
    await as(partnerUser);
    expect(await actions.createFillAction(review())).toMatchObject({ ok: false, status: 403 });
    const seen = await runAsUser(db.conn, partnerUser.claims, async (tx) => (await tx.execute("select id from public.template_fills" as never)) as unknown as unknown[]);
    expect(Array.from(seen as never)).toEqual([]);
  });
});

describe("exports and bundles", () => {
  test("staff export PDF and Word; anonymous and partner users cannot", async () => {
    const [fill] = await db.conn.query<{ id: string }>("select id from public.template_fills limit 1");
    const call = (format: string) =>
      exportRoute.GET(new Request(`http://localhost/api/templates/fills/${fill!.id}/export?format=${format}`), { params: Promise.resolve({ id: fill!.id }) });
    await as(sales);
    const pdf = await call("pdf");
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
    const docx = await call("docx");
    expect(docx.headers.get("content-disposition")).toMatch(/\.docx"$/);
    expect(Buffer.from(await docx.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");
    expect((await call("rtf")).status).toBe(400);
    await as(partnerUser);
    expect((await call("pdf")).status).toBe(403);
    await as(null);
    expect((await call("pdf")).status).toBe(401);
  });

  test("the onboarding bundle is a ZIP of the partner's documents", async () => {
    await as(manager);
    const response = await bundleRoute.GET(new Request(`http://localhost/api/templates/bundles/onboard-partner?partner=${partnerId}`), {
      params: Promise.resolve({ key: "onboard-partner" }),
    });
    expect(response.status).toBe(200);
    const { unzipSync } = await import("fflate");
    const names = Object.keys(unzipSync(new Uint8Array(await response.arrayBuffer())));
    expect(names).toEqual([
      "01-NDA-Template-Northwind-Partners.docx",
      "02-Referral-Partner-Agreement-Northwind-Partners.docx",
      "03-Partner-Portal-Guide-Northwind-Partners.docx",
    ]);
  });
});

describe("share links", () => {
  test("only the document's author or the VP shares it", async () => {
    const [fill] = await db.conn.query<{ id: string; created_by: string }>("select id, created_by from public.template_fills limit 1");
    const stranger = [sales, manager].find((u) => u.id !== fill!.created_by)!;
    await as(stranger);
    const before = await count("template_share_links");
    expect(await actions.createShareLinkAction({ fillId: fill!.id, expiresInDays: 7 })).toMatchObject({ ok: false, status: 403 });
    expect(await count("template_share_links")).toBe(before);
  });

  test("open logged out (logged), revoked → 404, expired → 410, unknown → 404", async () => {
    const [fill] = await db.conn.query<{ id: string }>("select id from public.template_fills limit 1");
    await as(manager);
    const created = await actions.createShareLinkAction({ fillId: fill!.id, expiresInDays: 7 });
    expect(created.ok).toBe(true);
    const token = created.ok ? created.data.token : "";
    await as(null);
    const opened = await openShare(token);
    expect(opened.status).toBe(200);
    const html = await opened.text();
    expect(html).toContain("Northwind Partners");
    expect(html).toContain("Template Co");
    expect(html).not.toContain("Guidance:");

    await as(sales);
    expect(await actions.revokeShareLinkAction({ linkId: created.ok ? created.data.linkId : "" })).toMatchObject({ ok: false, status: 404 });
    await as(manager);
    expect(await actions.revokeShareLinkAction({ linkId: created.ok ? created.data.linkId : "" })).toMatchObject({ ok: true });
    expect((await openShare(token)).status).toBe(404);

    const expiring = await actions.createShareLinkAction({ fillId: fill!.id, expiresInDays: 1 });
    const expiredToken = expiring.ok ? expiring.data.token : "";
    await db.conn.query("update public.template_share_links set expires_at = now() - interval '1 minute' where token = $1", [expiredToken]);
    expect((await openShare(expiredToken)).status).toBe(410);
    expect((await openShare("x".repeat(40))).status).toBe(404);

    const log = await db.conn.query<{ outcome: string }>("select outcome from public.template_share_accesses order by id");
    expect(log.map((l) => l.outcome)).toEqual(["opened", "revoked", "expired"]);
  });
});
