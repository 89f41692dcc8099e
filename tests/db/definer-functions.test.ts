import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { rows, runAsUser } from "@/lib/db/session";
import { attempt, type Actor } from "../support/attempt";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { createPortalWorld, type PortalWorld } from "../support/portal";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { drainDealChanges, recalculateAfterChange } = await import("@/lib/opportunities/after-change");
const { JOBS } = await import("@/lib/jobs/registry");

let db: TestDatabase;
let w: PortalWorld;
const as = (u: f.TestUser): Actor => ({ claims: u.claims });
const count = async (text: string, params: unknown[] = []) => (await db.conn.query<{ n: number }>(text, params))[0]!.n;

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  w = await createPortalWorld(db.conn);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

async function referredWonDeal(partnerId: string) {
  return f.createOpportunity(db.conn, {
    ownerId: w.users.sales.id,
    stageId: w.stages.closed_won,
    referringPartnerId: partnerId,
    valueMinor: 1_000_000,
    actualCloseDate: new Date().toISOString().slice(0, 10),
  });
}

describe("deal follow-ups leave the user's transaction", () => {
  test("a partner cannot queue deal recalculations; staff queue only deals that exist", async () => {
    const deal = await referredWonDeal(w.orgA.id);
    const denied = await attempt(db.conn, as(w.users.partnerA), (tx) => tx.execute(sql`select private.queue_deal_changes(${`{${deal.id}}`}::uuid[])`));
    expect(denied.error?.code).toBe("42501");
    const queued = await attempt(db.conn, as(w.users.sales), (tx) =>
      rows<{ n: number }>(tx, sql`select private.queue_deal_changes(${`{${deal.id},00000000-0000-0000-0000-000000000000}`}::uuid[]) as n`),
    );
    expect(queued.value).toEqual([{ n: 1 }]);
  });

  test("the follow-up runs right after the commit and empties the queue", async () => {
    const deal = await referredWonDeal(w.orgA.id);
    await runAsUser(db.conn, w.users.sales.claims, (tx) => recalculateAfterChange(tx, [deal.id]));
    expect(await count("select count(*)::int as n from public.deal_change_queue where opportunity_id = $1", [deal.id])).toBe(0);
    expect(await count("select count(*)::int as n from public.commission_schedules where opportunity_id = $1", [deal.id])).toBe(1);
  });

  test("what a crash left queued is drained by the scheduled job, once", async () => {
    const deal = await referredWonDeal(w.orgA.id);
    await db.conn.query("insert into public.deal_change_queue (opportunity_id) values ($1)", [deal.id]);
    expect(await count("select count(*)::int as n from public.commission_schedules where opportunity_id = $1", [deal.id])).toBe(0);
    expect(await JOBS["deals-after-change"].run()).toMatchObject({ deals: 1 });
    expect(await count("select count(*)::int as n from public.commission_schedules where opportunity_id = $1", [deal.id])).toBe(1);
    expect(await JOBS["deals-after-change"].run()).toMatchObject({ deals: 0 });
  });

  test("a failing drain keeps the deals queued", async () => {
    const deal = await referredWonDeal(w.orgA.id);
    await db.conn.query("insert into public.deal_change_queue (opportunity_id) values ($1)", [deal.id]);
    await expect(
      db.conn.db.transaction(async (tx) => {
        await drainDealChanges(tx, [deal.id]);
        throw new Error("crash after the recalculation");
      }),
    ).rejects.toThrow("crash");
    expect(await count("select count(*)::int as n from public.deal_change_queue where opportunity_id = $1", [deal.id])).toBe(1);
    await db.conn.query("delete from public.deal_change_queue where opportunity_id = $1", [deal.id]);
  });
});

describe("notifications and emails are written by functions that check the caller", () => {
  async function blocker(userId: string, escalated: boolean) {
    const [status] = await db.conn.query<{ id: string }>(
      "insert into public.weekly_statuses (user_id, week_start) values ($1, date_trunc('week', now())::date) on conflict (user_id, week_start) do update set user_id = excluded.user_id returning id",
      [userId],
    );
    const [row] = await db.conn.query<{ id: string }>(
      "insert into public.status_blockers (status_id, user_id, description, severity, escalated) values ($1, $2, 'Security review stalled', 'high', $3) returning id",
      [status!.id, userId, escalated],
    );
    return row!.id;
  }

  test("only the owner of an open escalated blocker tells the VP", async () => {
    const escalated = await blocker(w.users.sales.id, true);
    const quiet = await blocker(w.users.sales.id, false);
    expect((await attempt(db.conn, as(w.users.pm), (tx) => tx.execute(sql`select private.notify_vp_of_blocker(${escalated}::uuid)`))).error?.code).toBe("42501");
    expect((await attempt(db.conn, as(w.users.sales), (tx) => tx.execute(sql`select private.notify_vp_of_blocker(${quiet}::uuid)`))).error?.code).toBe("42501");
    await runAsUser(db.conn, w.users.sales.claims, (tx) => tx.execute(sql`select private.notify_vp_of_blocker(${escalated}::uuid)`));
    const delivered = await db.conn.query<{ user_id: string; title: string }>(
      "select user_id, title from public.notifications where kind = 'blocker_escalated'",
    );
    expect(delivered).toEqual([{ user_id: w.users.vp.id, title: "Sam Sales escalated a high blocker" }]);
  });

  test("only the VP tells the owner how a blocker was resolved", async () => {
    const id = await blocker(w.users.sales.id, true);
    await db.conn.query("update public.status_blockers set resolved_at = now(), resolution = 'Escalated to CISO' where id = $1", [id]);
    expect((await attempt(db.conn, as(w.users.pm), (tx) => tx.execute(sql`select private.notify_blocker_resolved(${id}::uuid)`))).error?.code).toBe("42501");
    await runAsUser(db.conn, w.users.vp.claims, (tx) => tx.execute(sql`select private.notify_blocker_resolved(${id}::uuid)`));
    const told = await db.conn.query<{ user_id: string; body: string }>("select user_id, body from public.notifications where kind = 'blocker_resolved'");
    expect(told).toEqual([{ user_id: w.users.sales.id, body: "Escalated to CISO" }]);
  });

  test("an invitation email goes only to the invitee, only from its inviter", async () => {
    const invite = await f.createInvitation(db.conn, w.users.vp.id);
    const call = (u: f.TestUser) =>
      attempt(db.conn, as(u), (tx) => tx.execute(sql`select private.enqueue_invitation_email(${invite.id}::uuid, 'Join', 'text', '<p>html</p>')`));
    expect((await call(w.users.pm)).error?.code).toBe("42501");
    expect((await call(w.users.partnerA)).error?.code).toBe("42501");
    await runAsUser(db.conn, w.users.vp.claims, (tx) =>
      tx.execute(sql`select private.enqueue_invitation_email(${invite.id}::uuid, 'Join', 'text', '<p>html</p>')`),
    );
    const sent = await db.conn.query<{ to_email: string; idempotency_key: string }>(
      "select to_email, idempotency_key from public.email_outbox where idempotency_key = $1",
      [`invitation:${invite.id}`],
    );
    expect(sent).toEqual([{ to_email: invite.email, idempotency_key: `invitation:${invite.id}` }]);
  });

  test("a rejection email needs the reviewer who rejected the application", async () => {
    const [app] = await db.conn.query<{ id: string }>(
      `insert into public.partner_applications (company, industry, experience, contact_name, email, contact_preferences, status, reviewed_by, reviewed_at, rejection_reason)
       values ('Nope Co', 'IT', 'new', 'Nia', 'nia@nope.example', '{email}', 'rejected', $1, now(), 'Not a fit') returning id`,
      [w.users.pm.id],
    );
    const call = (u: f.TestUser) =>
      attempt(db.conn, as(u), (tx) => tx.execute(sql`select private.enqueue_application_rejection_email(${app!.id}::uuid, 's', 't', 'h')`));
    expect((await call(w.users.vp)).error?.code).toBe("42501");
    expect((await call(w.users.pm)).ok).toBe(true);
  });
});

describe("partners act on and read their own organisation only, derived from auth.uid()", () => {
  test("referred deals and colleague invitations are the caller's own", async () => {
    await referredWonDeal(w.orgB.id);
    const mine = await attempt(db.conn, as(w.users.partnerA), (tx) => rows<{ id: string }>(tx, sql`select id from private.partner_referred_deals()`));
    const theirs = await db.conn.query<{ id: string }>("select id from public.opportunities where referring_partner_id = $1", [w.orgB.id]);
    expect(mine.value!.map((d) => d.id)).not.toContain(theirs[0]!.id);
    const staff = await attempt(db.conn, as(w.users.vp), (tx) => rows(tx, sql`select * from private.partner_referred_deals()`));
    expect(staff.value).toEqual([]);
    const standing = await attempt(db.conn, as(w.users.vp), (tx) =>
      rows<{ s: unknown }>(tx, sql`select private.partner_standing_inputs(current_date, current_date, current_date, current_date) as s`),
    );
    expect(standing.value).toEqual([{ s: null }]);
  });

  test("a partner member cannot invite; an admin invites into its own organisation", async () => {
    await db.conn.query("update public.profiles set partner_member_role = 'member' where id = $1", [w.users.partnerA2.id]);
    const invite = (u: f.TestUser, email: string) =>
      attempt(db.conn, as(u), (tx) =>
        rows<{ outcome: string; invitation_id: string | null }>(
          tx,
          sql`select * from private.invite_colleague(${email}, 'member', ${`hash-${email}`}, now() + interval '7 days', 's', 't', 'h')`,
        ),
      );
    expect((await invite(w.users.partnerA2, "new@brightpath.example")).error?.code).toBe("42501");
    expect((await invite(w.users.partnerA, w.users.partnerB.email)).value).toEqual([{ outcome: "sent", invitation_id: null }]);
    const notices = await runAsUser(db.conn, w.users.partnerA.claims, async (tx) => {
      await tx.execute(sql`select * from private.invite_colleague(${w.users.partnerB.email}, 'member', 'hash-x', now() + interval '7 days', 's', 't', 'h')`);
      await tx.execute(sql`select * from private.invite_colleague(${w.users.partnerB.email}, 'member', 'hash-y', now() + interval '7 days', 's', 't', 'h')`);
      return 0;
    }).then(() => db.conn.query<{ n: number }>("select count(*)::int as n from public.email_outbox where to_email = lower($1) and template = 'invite-existing-account'", [w.users.partnerB.email]));
    expect(notices[0]!.n).toBe(1);
    const made = await runAsUser(db.conn, w.users.partnerA.claims, (tx) =>
      rows<{ outcome: string; invitation_id: string }>(tx, sql`select * from private.invite_colleague('colleague@brightpath.example', 'member', 'hash-c', now() + interval '7 days', 's', 't', 'h')`),
    );
    expect(made[0]!.outcome).toBe("invited");
    const [row] = await db.conn.query<{ partner_id: string }>("select partner_id from public.invitations where id = $1", [made[0]!.invitation_id]);
    expect(row!.partner_id).toBe(w.orgA.id);
    const seenByB = await attempt(db.conn, as(w.users.partnerB), (tx) => rows(tx, sql`select * from private.partner_colleague_invitations()`));
    expect(seenByB.value).toEqual([]);
    const seenByA = await attempt(db.conn, as(w.users.partnerA), (tx) => rows<{ email: string }>(tx, sql`select email from private.partner_colleague_invitations()`));
    expect(seenByA.value!.map((i) => i.email)).toContain("colleague@brightpath.example");
  });

  test("onboarding details are written for the admin's own organisation, never by a member or staff", async () => {
    const business = (u: f.TestUser) =>
      attempt(db.conn, as(u), (tx) => tx.execute(sql`select private.save_partner_business('https://x.example', 'IT', 'US', '1-10', 'We resell')`));
    expect((await business(w.users.partnerA2)).error?.code).toBe("42501");
    expect((await business(w.users.vp)).error?.code).toBe("42501");
    await runAsUser(db.conn, w.users.partnerB.claims, (tx) =>
      tx.execute(sql`select private.save_partner_business('https://b.example', 'IT', 'US', '1-10', 'B only')`),
    );
    const described = await db.conn.query<{ id: string; description: string | null }>(
      "select id, description from public.partners where id in ($1, $2) order by description nulls first",
      [w.orgA.id, w.orgB.id],
    );
    expect(described.find((p) => p.id === w.orgB.id)!.description).toBe("B only");
    expect(described.find((p) => p.id === w.orgA.id)!.description).not.toBe("B only");
    const tax = await attempt(db.conn, as(w.users.partnerA2), (tx) =>
      tx.execute(sql`select private.submit_tax_details('w9', 'L', null, null, 'US', 'Addr', '1234', 'cipher', 'L')`),
    );
    expect(tax.error?.code).toBe("42501");
  });

  test("a partner's default link is created once, for its own organisation; staff have none", async () => {
    const first = await runAsUser(db.conn, w.users.partnerB.claims, (tx) => rows<{ code: string }>(tx, sql`select private.ensure_default_link() as code`));
    const again = await runAsUser(db.conn, w.users.partnerB.claims, (tx) => rows<{ code: string }>(tx, sql`select private.ensure_default_link() as code`));
    expect(again).toEqual(first);
    const [link] = await db.conn.query<{ partner_id: string }>("select partner_id from public.referral_links where code = $1", [first[0]!.code]);
    expect(link!.partner_id).toBe(w.orgB.id);
    expect((await attempt(db.conn, as(w.users.vp), (tx) => tx.execute(sql`select private.ensure_default_link()`))).error?.code).toBe("42501");
  });
});

describe("logged-out visitors", () => {
  test("read the program's offer and resolve a link, and nothing else of the private schema", async () => {
    const program = await attempt(db.conn, "anon", (tx) => rows<{ company_name: string }>(tx, sql`select company_name from private.public_program()`));
    expect(program.value).toEqual([{ company_name: "Stratus Test" }]);
    const tiers = await attempt(db.conn, "anon", (tx) => rows<{ name: string }>(tx, sql`select name from private.public_program_tiers()`));
    expect(tiers.value!.map((t) => t.name)).toEqual(["Starter", "Active", "Performer"]);
    expect((await attempt(db.conn, "anon", (tx) => rows(tx, sql`select * from private.resolve_referral_link('no-such-code')`))).value).toEqual([]);
    for (const fn of ["private.partner_referred_deals()", "private.ensure_default_link()", "private.current_app_role()"]) {
      const r = await attempt(db.conn, "anon", (tx) => tx.execute(sql.raw(`select ${fn}`)));
      expect(r.error?.code, fn).toBe("42501");
    }
    expect((await attempt(db.conn, "anon", (tx) => rows(tx, sql`select * from public.workspace_settings`))).error?.code).toBe("42501");
  });
});
