import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { rows, withSystem } from "@/lib/db/session";
import type { PayoutsPort } from "@/lib/payments/port";
import { simulatedPayouts } from "@/lib/payments/simulated";
import { postJournal, transfer } from "@/lib/payouts/ledger";
import { buildStatements } from "@/lib/payouts/statements";
import { recordPaidExternally, recordSettled, reversePayout } from "@/lib/payouts/transitions";
import { insertBatch, retryPayout, triggerBatch } from "@/lib/payouts/trigger";
import { createTestDatabase, type TestDatabase } from "../support/db";
import * as f from "../support/factories";
import { payoutMethod, unbalancedJournals } from "../support/payouts";
import { createDefaultStages } from "../support/pipeline";

let db: TestDatabase;
let ctx: {
  ownerId: string;
  agreementId: string;
  versionId: string;
  opportunityId: string;
  scheduleId: string;
};

const failing: PayoutsPort = {
  mode: "simulated",
  createTransfer: async () => ({ ok: false, reason: "Declined by the test", code: null }),
};

type Op =
  | { kind: "approve"; amountMinor: number }
  | { kind: "clawback"; pick: number; share: number }
  | { kind: "pay" }
  | { kind: "fail" }
  | { kind: "retry"; pick: number }
  | { kind: "reverse"; pick: number }
  | { kind: "settle"; pick: number }
  | { kind: "external"; pick: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant("approve" as const), amountMinor: fc.integer({ min: 1, max: 1_000_000 }) }),
  fc.record({
    kind: fc.constant("clawback" as const),
    pick: fc.nat(),
    share: fc.double({ min: 0.01, max: 1, noNaN: true }),
  }),
  fc.constant({ kind: "pay" as const }),
  fc.constant({ kind: "fail" as const }),
  fc.record({ kind: fc.constant("retry" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("reverse" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("settle" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("external" as const), pick: fc.nat() }),
);

async function insertApproved(partnerId: string, amountMinor: number, clawbackOf: string | null) {
  await withSystem(
    "test.payouts",
    async (tx) => {
      const [line] = await rows<{ id: string }>(
        tx,
        sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id,
          owner_id, direction, kind, label, amount_minor, currency, due_date, status, clawback_of)
        values (${`p-${randomBytes(6).toString("hex")}`}, ${ctx.scheduleId}, ${ctx.opportunityId}, ${ctx.agreementId}, ${ctx.versionId},
          ${partnerId}, ${ctx.ownerId}, 'payable', ${clawbackOf ? "clawback" : "recurring"}, 'Line', ${amountMinor}, 'USD', '2026-01-10',
          'approved', ${clawbackOf}) returning id`,
      );
      await postJournal(tx, {
        kind: clawbackOf ? "clawback_approved" : "line_approved",
        partnerId,
        currency: "USD",
        legs: transfer("partner_payable", "commission_expense", amountMinor),
        commissionLineId: line!.id,
      });
    },
    db.conn,
  );
}

async function pay(partnerId: string, port: PayoutsPort) {
  const batchId = await withSystem(
    "test.payouts",
    async (tx) => {
      const built = await buildStatements(tx, { periodEnd: "2026-12-31" }, { stripeConfigured: false });
      const mine = built.statements.filter((s) => s.partnerId === partnerId);
      if (!mine.length) return null;
      const id = await insertBatch(
        tx,
        { periodStart: "2026-01-01", periodEnd: "2026-12-31", createdBy: ctx.ownerId },
        mine,
      );
      await tx.execute(sql`update public.payout_batches set status = 'confirmed' where id = ${id}`);
      return id;
    },
    db.conn,
  );
  if (batchId) await triggerBatch(batchId, { actorId: null, conn: db.conn, port });
}

const pickOf = async (partnerId: string, sqlText: string, pick: number) => {
  const found = await db.conn.query<{ id: string; amount_minor: string }>(sqlText, [partnerId]);
  return found.length ? found[pick % found.length]! : null;
};

async function apply(partnerId: string, o: Op) {
  switch (o.kind) {
    case "approve":
      return insertApproved(partnerId, o.amountMinor, null);
    case "clawback": {
      const line = await pickOf(
        partnerId,
        "select id, amount_minor from public.commission_lines where partner_id = $1 and kind <> 'clawback' order by id",
        o.pick,
      );
      if (line)
        return insertApproved(
          partnerId,
          -Math.max(1, Math.floor(Number(line.amount_minor) * o.share)),
          line.id,
        );
      return;
    }
    case "pay":
      return pay(partnerId, simulatedPayouts);
    case "fail":
      return pay(partnerId, failing);
    case "retry": {
      const payout = await pickOf(
        partnerId,
        "select id, amount_minor from public.payouts where partner_id = $1 and status = 'failed' order by id",
        o.pick,
      );
      if (payout) await retryPayout(payout.id, { actorId: null, conn: db.conn, port: simulatedPayouts });
      return;
    }
    case "reverse": {
      const payout = await pickOf(
        partnerId,
        "select id, amount_minor from public.payouts where partner_id = $1 and status in ('sent', 'paid') order by id",
        o.pick,
      );
      if (payout) await withSystem("payouts.webhook", (tx) => reversePayout(tx, payout.id, "test"), db.conn);
      return;
    }
    case "settle": {
      const payout = await pickOf(
        partnerId,
        "select id, amount_minor from public.payouts where partner_id = $1 and status = 'sent' order by id",
        o.pick,
      );
      if (payout)
        await withSystem("payouts.webhook", (tx) => recordSettled(tx, payout.id, "po_test"), db.conn);
      return;
    }
    case "external": {
      const payout = await pickOf(
        partnerId,
        "select id, amount_minor from public.payouts where partner_id = $1 and status = 'failed' order by id",
        o.pick,
      );
      if (payout)
        await withSystem(
          "payouts.mark-paid",
          (tx) => recordPaidExternally(tx, payout.id, "WIRE", ctx.ownerId),
          db.conn,
        );
      return;
    }
  }
}

const ledgerSnapshot = async () =>
  db.conn.query<{ id: string; journal_id: string; account: string; amount_minor: string; kind: string }>(
    "select id::text, journal_id, account, amount_minor::text, kind from public.ledger_entries e order by e.id",
  );

beforeAll(async () => {
  db = await createTestDatabase();
  await db.conn.query(
    "insert into public.workspace_settings (company_name, minimum_payout_minor) values ('Ledger Test', 0)",
  );
  const stages = await createDefaultStages(db.conn);
  const owner = await f.createUser(db.conn, { role: "sales_manager" });
  const anchor = await f.createPartner(db.conn);
  const { agreement, version } = await f.createAgreement(db.conn, {
    partnerId: anchor.id,
    direction: "payable",
  });
  const opp = await f.createOpportunity(db.conn, { ownerId: owner.id, stageId: stages.closed_won });
  const [schedule] = await db.conn.query<{ id: string }>(
    `insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction,
       period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
     values ($1, $2, $3, $4, $5, 'payable', '2026-01-01', '2026-01-01', 0, 0, 'USD', 10, 'test', '[]'::jsonb, 'test') returning id`,
    [opp.id, agreement.id, version.id, anchor.id, owner.id],
  );
  ctx = {
    ownerId: owner.id,
    agreementId: agreement.id,
    versionId: version.id,
    opportunityId: opp.id,
    scheduleId: schedule!.id,
  };
});
afterAll(async () => {
  await db?.close();
});

test("random approve / pay / fail / retry / settle / reverse / clawback sequences keep every journal balanced and the ledger append-only", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 10 }), async (ops) => {
      const partner = await f.createPartner(db.conn);
      await payoutMethod(db.conn, partner.id);
      for (const o of ops) {
        const before = await ledgerSnapshot();
        await apply(partner.id, o);
        const after = await ledgerSnapshot();
        expect(after.slice(0, before.length)).toEqual(before);
        expect(await unbalancedJournals(db.conn)).toEqual([]);
      }
      // What we owe equals the approved, unpaid lines; what is in transit equals the sent payouts.
      const [balances] = await db.conn.query<{
        payable: string;
        approved: string;
        transit: string;
        sent: string;
      }>(
        `select
           (select coalesce(sum(amount_minor), 0)::text from public.ledger_entries where partner_id = $1 and account = 'partner_payable') as payable,
           (select coalesce(sum(amount_minor), 0)::text from public.commission_lines where partner_id = $1 and status = 'approved') as approved,
           (select coalesce(sum(amount_minor), 0)::text from public.ledger_entries where partner_id = $1 and account = 'payouts_in_transit') as transit,
           (select coalesce(sum(amount_minor), 0)::text from public.payouts where partner_id = $1 and status = 'sent') as sent`,
        [partner.id],
      );
      expect(Number(balances!.payable) + Number(balances!.approved)).toBe(0);
      expect(Number(balances!.transit) + Number(balances!.sent)).toBe(0);
    }),
    { numRuns: 25 },
  );
  await expect(
    db.conn.query("update public.ledger_entries set amount_minor = amount_minor + 1"),
  ).rejects.toThrow(/append-only/);
  await expect(db.conn.query("delete from public.ledger_entries")).rejects.toThrow(/append-only/);
});
