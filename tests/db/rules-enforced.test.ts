import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rows } from "@/lib/db/session";
import { attempt, type Attempt } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createDefaultStages, type StageIds } from "../support/pipeline";

// What only TypeScript used to refuse, tried as the real role with real claims: the database refuses it.

let db: TestDatabase;
let stages: StageIds;
let users: Record<"vp" | "sales" | "pm" | "finance" | "partner" | "otherSales", f.TestUser>;
let orgA: Awaited<ReturnType<typeof f.createPartner>>;
let orgB: Awaited<ReturnType<typeof f.createPartner>>;

const uniq = () => randomBytes(3).toString("hex");
const as = <T>(user: f.TestUser, fn: Parameters<typeof attempt<T>>[2]) => attempt<T>(db.conn, { claims: user.claims }, fn);
const refused = (r: Attempt<unknown>, code = "42501") => {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(r.error?.code, r.error?.message).toBe(code);
};

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query("insert into public.workspace_settings (company_name, protection_window_days) values ('Test Co', 60)");
  stages = await createDefaultStages(db.conn);
  orgA = await f.createPartner(db.conn, { slug: `acme-${uniq()}` });
  orgB = await f.createPartner(db.conn, { slug: `${orgA.slug}-corp` });
  users = {
    vp: await f.createUser(db.conn, { role: "vp" }),
    sales: await f.createUser(db.conn, { role: "sales_manager" }),
    pm: await f.createUser(db.conn, { role: "partnership_manager" }),
    finance: await f.createUser(db.conn, { role: "finance" }),
    partner: await f.createUser(db.conn, { role: "partner", partnerId: orgA.id }),
    otherSales: await f.createUser(db.conn, { role: "sales_manager" }),
  };
});
afterAll(async () => db?.close());

describe("stage rules hold on any write", () => {
  const insertOpp = (owner: f.TestUser, stageId: string, technicalContact: string | null = null) =>
    as(owner, (tx) =>
      tx.execute(sql`insert into public.opportunities (customer_name, value_minor, stage_id, owner_id, technical_contact_name)
        values ('Direct', 1000, ${stageId}, ${owner.id}, ${technicalContact})`),
    );

  test("a sales manager cannot set the stage directly: not to won, not backwards", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.proposal });
    refused(await as(users.sales, (tx) => tx.execute(sql`update public.opportunities set stage_id = ${stages.closed_won} where id = ${opp.id}`)));
    refused(await as(users.sales, (tx) => tx.execute(sql`update public.opportunities set stage_id = ${stages.lead} where id = ${opp.id}`)));
    refused(await as(users.vp, (tx) => tx.execute(sql`update public.opportunities set actual_close_date = current_date where id = ${opp.id}`)));
    // The move is the one way, and it still asks for the justification of a step back.
    const back = await as(users.sales, (tx) => tx.execute(sql`select * from public.move_opportunity(${opp.id}, ${stages.lead})`));
    refused(back, "P0001");
    const moved = await as(users.sales, (tx) =>
      rows<{ stage_id: string }>(tx, sql`select stage_id from public.move_opportunity(${opp.id}, ${stages.lead}, null, null, 'Budget reset')`),
    );
    expect(moved.value?.[0]?.stage_id).toBe(stages.lead);
  });

  test("stage history cannot be back-dated or invented", async () => {
    const opp = await f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.demo });
    await db.conn.query("insert into public.opportunity_stage_history (opportunity_id, to_stage_id, moved_by) values ($1, $2, $3)", [opp.id, stages.demo, users.sales.id]);
    refused(
      await as(users.sales, (tx) =>
        tx.execute(sql`insert into public.opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, moved_by, moved_at)
          values (${opp.id}, ${stages.demo}, ${stages.closed_won}, ${users.sales.id}, '2020-01-01')`),
      ),
    );
  });

  test("a new opportunity cannot start in a closed stage (with or without a referring partner)", async () => {
    refused(await insertOpp(users.sales, stages.closed_won), "P0001");
    refused(await insertOpp(users.sales, stages.closed_lost), "P0001");
    const referred = await as(users.sales, (tx) =>
      tx.execute(sql`insert into public.opportunities (customer_name, value_minor, stage_id, owner_id, referring_partner_id)
        values ('Referred', 1000, ${stages.closed_won}, ${users.sales.id}, ${orgA.id})`),
    );
    refused(referred, "P0001");
    expect((await as(users.sales, (tx) => tx.execute(sql`insert into public.opportunities (customer_name, value_minor, stage_id, owner_id)
      values ('Fine', 1000, ${stages.lead}, ${users.sales.id})`))).ok).toBe(true);
  });

  test("a new opportunity in POC needs its technical contact, and it cannot be cleared later", async () => {
    refused(await insertOpp(users.sales, stages.poc), "P0001");
    expect((await insertOpp(users.sales, stages.poc, 'Tess Tech')).ok).toBe(true);
    const opp = await f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.poc, technicalContactName: "Tess" });
    refused(await as(users.sales, (tx) => tx.execute(sql`update public.opportunities set technical_contact_name = null where id = ${opp.id}`)), "P0001");
  });
});

describe("deal registrations", () => {
  const register = (columns: string, values: ReturnType<typeof sql>) =>
    as(users.partner, (tx) =>
      tx.execute(sql`insert into public.deal_registrations (partner_id, submitted_by, customer_name, customer_domain, contact_name, contact_email,
        estimated_value_minor${sql.raw(columns)}) values (${orgA.id}, ${users.partner.id}, 'Acme', ${`d-${uniq()}.example`}, 'Ann', 'ann@x.example', 100${values})`),
    );

  test("a partner cannot write the review columns", async () => {
    refused(await register(", protected_until", sql`, '2099-01-01'`));
    refused(await register(", reviewed_by", sql`, ${users.vp.id}`));
    refused(await register(", status", sql`, 'approved'`));
    const opp = await f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.lead });
    refused(await register(", opportunity_id", sql`, ${opp.id}`));
    refused(await as(users.partner, (tx) => tx.execute(sql`update public.deal_registrations set protected_until = '2099-01-01'`)));
  });

  test("the domain lock holds without the app: another partner's claim refuses a direct insert", async () => {
    const domain = `locked-${uniq()}.example`;
    await db.conn.query(
      "insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor, status, protected_until) values ($1, 'B', $2, 'Bo', 'bo@b.example', 100, 'approved', current_date + 30)",
      [orgB.id, domain],
    );
    const r = await as(users.partner, (tx) =>
      tx.execute(sql`insert into public.deal_registrations (partner_id, submitted_by, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor)
        values (${orgA.id}, ${users.partner.id}, 'Acme', ${domain}, 'Ann', 'ann@x.example', 100)`),
    );
    refused(r, "P0001");
    expect(r.error?.message).toContain("protected for another partner");
  });

  test("only reviewers decide, through the functions, and the protection window is the workspace's", async () => {
    const [reg] = await db.conn.query<{ id: string }>(
      "insert into public.deal_registrations (partner_id, customer_name, customer_domain, contact_name, contact_email, estimated_value_minor) values ($1, 'C', $2, 'Cy', 'cy@c.example', 100) returning id",
      [orgA.id, `review-${uniq()}.example`],
    );
    const opp = await f.createOpportunity(db.conn, { ownerId: users.pm.id, stageId: stages.lead, referringPartnerId: orgA.id });
    for (const user of [users.partner, users.sales, users.finance]) {
      refused(await as(user, (tx) => tx.execute(sql`select public.approve_deal_registration(${reg!.id}, ${opp.id})`)));
    }
    refused(await as(users.pm, (tx) => tx.execute(sql`update public.deal_registrations set status = 'approved', protected_until = '2099-01-01' where id = ${reg!.id}`)));
    const ok = await as(users.pm, (tx) => rows<{ d: string; expected: string }>(tx, sql`select public.approve_deal_registration(${reg!.id}, ${opp.id})::text as d, (current_date + 60)::text as expected`));
    expect(ok.value?.[0]?.d).toBe(ok.value?.[0]?.expected);
  });
});

describe("commission line approval", () => {
  async function earnedLine(dueDate: string) {
    const { agreement, version } = await f.createAgreement(db.conn, { partnerId: orgA.id, direction: "payable" });
    const opp = await f.createOpportunity(db.conn, { ownerId: users.sales.id, stageId: stages.lead, referringPartnerId: orgA.id });
    const [schedule] = await db.conn.query<{ id: string }>(
      `insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction, period_start,
        close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
       values ($1, $2, $3, $4, $5, 'payable', '2026-01-01', $6, 0, 0, 'USD', 10, 'test', '[]', 'test') returning id`,
      [opp.id, agreement.id, version.id, orgA.id, users.sales.id, dueDate],
    );
    const [line] = await db.conn.query<{ id: string }>(
      `insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id,
        direction, kind, label, amount_minor, currency, due_date, status)
       values ($1, $2, $3, $4, $5, $6, $7, 'payable', 'recurring', 'Line', 5000, 'USD', $8, 'earned') returning id`,
      [`r-${uniq()}`, schedule!.id, opp.id, agreement.id, version.id, orgA.id, users.sales.id, dueDate],
    );
    return line!.id;
  }

  test("finance cannot approve directly, in the holding period, or in someone else's name", async () => {
    const holding = await earnedLine(new Date().toISOString().slice(0, 10));
    refused(await as(users.finance, (tx) => tx.execute(sql`update public.commission_lines set status = 'approved', approved_by = ${users.vp.id}, approved_at = now() where id = ${holding}`)));
    refused(await as(users.finance, (tx) => tx.execute(sql`select public.approve_commission_lines(array[${holding}::uuid])`)), "P0001");
    refused(await as(users.vp, (tx) => tx.execute(sql`select public.approve_commission_lines(array[${holding}::uuid])`)));
  });

  test("the function approves a ready line as the caller and writes its balanced journal", async () => {
    const ready = await earnedLine("2025-01-01");
    const r = await as(users.finance, async (tx) => {
      await tx.execute(sql`select public.approve_commission_lines(array[${ready}::uuid])`);
      return {
        line: (await rows<{ status: string; approved_by: string }>(tx, sql`select status::text, approved_by from public.commission_lines where id = ${ready}`))[0],
        legs: await rows<{ account: string; amount_minor: string }>(tx, sql`select account, amount_minor::text from public.ledger_entries where commission_line_id = ${ready} order by account`),
      };
    });
    expect(r.value?.line).toEqual({ status: "approved", approved_by: users.finance.id });
    expect(r.value?.legs).toEqual([
      { account: "commission_expense", amount_minor: "5000" },
      { account: "partner_payable", amount_minor: "-5000" },
    ]);
  });
});

describe("landing pages and referral links", () => {
  test.each(["//2130706433", "//evil.example/x", "/\\evil.example", "/welcome\\x", "https://user@evil.example/", "https://2130706433/",
    "https://127.0.0.1/", "https://evil.example\\@good.example", "http://plain.example", "javascript:alert(1)"])("%s is not a landing page", async (url) => {
    refused(await as(users.vp, (tx) => tx.execute(sql`insert into public.landing_pages (name, url) values ('Bad', ${url})`)), "23514");
  });

  test("an app path and an https address on a named host are", async () => {
    for (const url of ["/welcome", "/welcome/security", "https://docs.test-co.example/start?x=1"]) {
      expect((await as(users.vp, (tx) => tx.execute(sql`insert into public.landing_pages (name, url) values ('Good', ${url})`))).ok, url).toBe(true);
    }
  });

  test("the default page is set only through the function", async () => {
    const [page] = await db.conn.query<{ id: string }>("insert into public.landing_pages (name, url) values ('Other', '/welcome/other') returning id");
    refused(await as(users.pm, (tx) => tx.execute(sql`update public.landing_pages set is_default = (id = ${page!.id})`)));
    expect((await as(users.pm, (tx) => tx.execute(sql`select public.set_default_landing_page(${page!.id})`))).ok).toBe(true);
    refused(await as(users.partner, (tx) => tx.execute(sql`select public.set_default_landing_page(${page!.id})`)));
  });

  test("a partner links campaigns only to active pages, with a code of its own slug", async () => {
    const [active] = await db.conn.query<{ id: string }>("insert into public.landing_pages (name, url) values ('On', '/welcome/on') returning id");
    const [off] = await db.conn.query<{ id: string }>("insert into public.landing_pages (name, url, active) values ('Off', '/welcome/off', false) returning id");
    const link = (code: string, page: string) =>
      as(users.partner, (tx) =>
        tx.execute(sql`insert into public.referral_links (partner_id, code, landing_page_id, campaign, created_by) values (${orgA.id}, ${code}, ${page}, 'C', ${users.partner.id})`),
      );
    refused(await link(`${orgA.slug}-spring`, off!.id));
    refused(await link(`${orgB.slug}-official`, active!.id));
    refused(await link("official-promo", active!.id));
    expect((await link(`${orgA.slug}-spring`, active!.id)).ok).toBe(true);
  });
});

describe("share links and deactivated users", () => {
  test("staff share only their own documents (the VP any)", async () => {
    const [fill] = await db.conn.query<{ id: string }>(
      "insert into public.template_fills (template_slug, template_origin, title, created_by) values ('qbr', 'library', 'Mine', $1) returning id",
      [users.sales.id],
    );
    const share = (user: f.TestUser) =>
      as(user, (tx) => tx.execute(sql`insert into public.template_share_links (fill_id, token, created_by) values (${fill!.id}, ${randomBytes(24).toString("base64url")}, ${user.id})`));
    refused(await share(users.otherSales));
    expect((await share(users.sales)).ok).toBe(true);
    expect((await share(users.vp)).ok).toBe(true);
  });

  test("a deactivated user neither writes nor reads, even rows that are their own", async () => {
    const user = await f.createUser(db.conn, { role: "sales_manager" });
    const notification = await f.createNotification(db.conn, user.id);
    await db.conn.query("update public.profiles set deactivated_at = now() where id = $1", [user.id]);
    const updated = await as(user, (tx) => rows(tx, sql`update public.notifications set read_at = now() where id = ${notification.id} returning 1`));
    expect(updated.value).toEqual([]);
    refused(await as(user, (tx) => tx.execute(sql`insert into public.saved_views (owner_id, name) values (${user.id}, 'Mine')`)));
    expect((await as(user, (tx) => rows(tx, sql`update public.profiles set display_name = 'Still here' where id = ${user.id} returning 1`))).value).toEqual([]);
    expect((await as(user, (tx) => rows(tx, sql`select 1 from public.notifications`))).value).toEqual([]);
  });
});
