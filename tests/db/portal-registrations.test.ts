import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { sql } from "drizzle-orm";
import { rows, runAsUser } from "@/lib/db/session";
import { createTestDatabase, type TestDatabase } from "../support/db";
import type * as f from "../support/factories";
import { createPortalWorld, type PortalWorld } from "../support/portal";
import { signInAs } from "../support/next-session";

const { registerDealAction, approveRegistrationAction, rejectRegistrationAction } =
  await import("@/lib/registrations/actions");
const { registerDeal } = await import("@/lib/registrations/register");
const { registerDealSchema } = await import("@/lib/registrations/schemas");

let db: TestDatabase;
let world: PortalWorld;
let stages: PortalWorld["stages"];
let users: PortalWorld["users"];
let orgA: PortalWorld["orgA"];

const q = <T>(text: string, params: unknown[] = []) => db.conn.query<T>(text, params);

beforeAll(async () => {
  db = await createTestDatabase();
  (globalThis as { __partnerosDb?: Promise<unknown> }).__partnerosDb = Promise.resolve(db.conn);
  world = await createPortalWorld(db.conn);
  ({ stages, users, orgA } = world);
});
afterAll(async () => {
  delete (globalThis as { __partnerosDb?: unknown }).__partnerosDb;
  await db?.close();
});

function registration(overrides: Record<string, string> = {}) {
  return {
    customerName: "Acme Corp",
    customerDomain: "https://www.acme-corp.com/about",
    contactName: "Jo Buyer",
    contactEmail: "jo@acme-corp.com",
    estimatedValue: "40000",
    currency: "USD",
    notes: "Met at the summit",
    ...overrides,
  };
}

function partnerRowCounts(table: string) {
  const count = (user: f.TestUser) =>
    runAsUser(db.conn, user.claims, (tx) =>
      rows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from ${sql.identifier("public")}.${sql.identifier(table)} where partner_id = ${orgA.id}`,
      ),
    );
  return Promise.all([count(users.partnerA), count(users.partnerB)]).then(([[a], [b]]) => ({
    mine: a!.n,
    theirs: b!.n,
  }));
}

describe("deal registration", () => {
  test("field errors come back per field", async () => {
    await signInAs(users.partnerA);
    const result = await registerDealAction(
      registration({ customerDomain: "not a domain", contactEmail: "nope", estimatedValue: "" }),
    );
    expect(result).toMatchObject({ ok: false, status: 422 });
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors ?? {})).toEqual(
      expect.arrayContaining(["customerDomain", "contactEmail", "estimatedValue"]),
    );
  });

  test("a pending registration blocks another partner and a duplicate by the same partner, with the reason", async () => {
    await signInAs(users.partnerA);
    const first = await registerDealAction(registration());
    expect(first).toMatchObject({ ok: true, data: { selfReferral: false } });
    const [stored] = await q<{ customer_domain: string; status: string }>(
      "select customer_domain, status from public.deal_registrations where partner_id = $1",
      [orgA.id],
    );
    expect(stored).toEqual({ customer_domain: "acme-corp.com", status: "pending" });

    const duplicate = await registerDealAction(registration({ customerDomain: "acme-corp.com" }));
    expect(duplicate).toMatchObject({
      ok: false,
      status: 409,
      error: "You already registered acme-corp.com; it is waiting for review.",
    });

    await signInAs(users.partnerB);
    const other = await registerDealAction(registration());
    expect(other).toMatchObject({
      ok: false,
      status: 409,
      error: "Another partner has a registration for acme-corp.com waiting for review.",
    });
    if (!other.ok) expect(other.fieldErrors?.customerDomain?.[0]).toContain("waiting for review");
  });

  test("approval protects the customer, opens the deal in the first open stage with the referring partner, and tells the partner", async () => {
    const [pending] = await q<{ id: string }>(
      "select id from public.deal_registrations where partner_id = $1 and customer_domain = 'acme-corp.com'",
      [orgA.id],
    );
    await signInAs(users.partnerA);
    expect(await approveRegistrationAction({ id: pending!.id })).toMatchObject({ ok: false, status: 403 });
    await signInAs(users.sales);
    expect(await approveRegistrationAction({ id: pending!.id })).toMatchObject({ ok: false, status: 403 });

    await signInAs(users.pm);
    expect(await approveRegistrationAction({ id: pending!.id, ownerId: users.sales.id })).toMatchObject({
      ok: false,
      status: 403,
    });
    const approved = await approveRegistrationAction({ id: pending!.id });
    expect(approved.ok).toBe(true);
    const [reg] = await q<{
      status: string;
      protected_until: string;
      opportunity_id: string;
      expected: string;
    }>(
      "select status, protected_until::text, opportunity_id, (current_date + 60)::text as expected from public.deal_registrations where id = $1",
      [pending!.id],
    );
    expect(reg!.status).toBe("approved");
    expect(reg!.protected_until).toBe(reg!.expected);
    const [opp] = await q<{
      stage_id: string;
      referring_partner_id: string;
      owner_id: string;
      value_minor: string;
    }>(
      "select stage_id, referring_partner_id, owner_id, value_minor::text from public.opportunities where id = $1",
      [reg!.opportunity_id],
    );
    expect(opp).toEqual({
      stage_id: stages.lead,
      referring_partner_id: orgA.id,
      owner_id: users.pm.id,
      value_minor: "4000000",
    });
    const [lines] = await q<{ n: number }>(
      "select count(*)::int as n from public.commission_lines where opportunity_id = $1 and direction = 'payable'",
      [reg!.opportunity_id],
    );
    expect(lines!.n).toBeGreaterThan(0);
    const [note] = await q<{ n: number }>(
      "select count(*)::int as n from public.notifications where user_id = $1 and kind = 'registration_decided'",
      [users.partnerA.id],
    );
    expect(note!.n).toBe(1);
    const [mail] = await q<{ n: number }>(
      "select count(*)::int as n from public.email_outbox where to_email = $1 and template = 'registration_decided'",
      [users.partnerA.email],
    );
    expect(mail!.n).toBe(1);
    expect(await approveRegistrationAction({ id: pending!.id })).toMatchObject({ ok: false, status: 409 });

    await signInAs(users.partnerB);
    const blocked = await registerDealAction(registration({ customerDomain: "acme-corp.com" }));
    expect(blocked).toMatchObject({
      ok: false,
      status: 409,
      error: `acme-corp.com is protected for another partner until ${reg!.protected_until}.`,
    });
  });

  test("a self-referral is accepted but flagged for the reviewer; a rejection needs a reason and is emailed", async () => {
    await signInAs(users.partnerA);
    const own = await registerDealAction(
      registration({ customerName: "Brightpath itself", customerDomain: "shop.brightpath.example" }),
    );
    expect(own).toMatchObject({ ok: true, data: { selfReferral: true } });
    const colleague = await registerDealAction(
      registration({ customerName: "Team domain", customerDomain: "brightpath-team.example" }),
    );
    expect(colleague).toMatchObject({ ok: true, data: { selfReferral: true } });
    if (!own.ok) return;
    await signInAs(users.vp);
    expect(await rejectRegistrationAction({ id: own.data.id, reason: "" })).toMatchObject({
      ok: false,
      status: 422,
    });
    expect(
      await rejectRegistrationAction({ id: own.data.id, reason: "Your own company cannot be a referral" }),
    ).toMatchObject({ ok: true });
    const [row] = await q<{ status: string; rejection_reason: string }>(
      "select status, rejection_reason from public.deal_registrations where id = $1",
      [own.data.id],
    );
    expect(row).toEqual({ status: "rejected", rejection_reason: "Your own company cannot be a referral" });
    const [mail] = await q<{ text_body: string }>(
      "select text_body from public.email_outbox where template = 'registration_decided' and text_body like '%declined%'",
    );
    expect(mail!.text_body).toContain("Your own company cannot be a referral");
  });

  test("registering and an approval earn the partner its first-registration badge and XP", async () => {
    const keys = (
      await q<{ key: string }>("select key from public.partner_achievements where partner_id = $1", [orgA.id])
    ).map((r) => r.key);
    expect(keys).toContain("first_registration");
    const kinds = (
      await q<{ kind: string }>(
        "select distinct kind from public.partner_xp_events where partner_id = $1 order by kind",
        [orgA.id],
      )
    ).map((r) => r.kind);
    expect(kinds).toEqual(expect.arrayContaining(["achievement", "registration", "registration_approved"]));
  });
});

test("partner B cannot read partner A's registrations or XP", async () => {
  for (const table of ["deal_registrations", "partner_xp_events", "partner_achievements"]) {
    const { mine, theirs } = await partnerRowCounts(table);
    expect(mine, table).toBeGreaterThan(0);
    expect(theirs, table).toBe(0);
  }
});

test("two partners registering the same customer at the same moment: one wins, the other is told why", async () => {
  const input = registerDealSchema.parse(
    registration({ customerName: "Racing Co", customerDomain: "racing-co.example" }),
  );
  const today = new Date().toISOString().slice(0, 10);
  const attempt = (user: f.TestUser, partnerId: string) =>
    runAsUser(db.conn, user.claims, (tx) => registerDeal(tx, { id: user.id, partnerId }, input, today)).then(
      () => "registered",
      (error: Error) => error.message,
    );
  const outcomes = await Promise.all([
    attempt(users.partnerA, orgA.id),
    attempt(users.partnerB, world.orgB.id),
  ]);
  expect(outcomes.filter((o) => o === "registered")).toHaveLength(1);
  expect(outcomes.find((o) => o !== "registered")).toBe(
    "Another partner has a registration for racing-co.example waiting for review.",
  );
  const [stored] = await q<{ n: number }>(
    "select count(*)::int as n from public.deal_registrations where customer_domain = 'racing-co.example'",
  );
  expect(stored!.n).toBe(1);
});
