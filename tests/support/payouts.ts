import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Connection } from "@/lib/db/connection";
import { rows, withSystem } from "@/lib/db/session";
import { postJournal, transfer } from "@/lib/payouts/ledger";
import * as f from "./factories";

export interface ApprovedLineSpec {
  amountMinor: number;
  dueDate?: string;
  currency?: string;
  /** A clawback of this line id (negative amount). */
  clawbackOf?: string;
}

/**
 * Approved payable lines of one won deal, each with the journal approval posts (debit expense, credit
 * payable), as the approval queue leaves them.
 */
export async function approvedLines(
  conn: Connection,
  ctx: { partnerId: string; ownerId: string; stageId: string },
  specs: ApprovedLineSpec[],
): Promise<string[]> {
  const { agreement, version } = await f.createAgreement(conn, {
    partnerId: ctx.partnerId,
    direction: "payable",
  });
  const opp = await f.createOpportunity(conn, {
    ownerId: ctx.ownerId,
    stageId: ctx.stageId,
    referringPartnerId: ctx.partnerId,
  });
  return withSystem(
    "test.payouts",
    async (tx) => {
      const [schedule] = await rows<{ id: string }>(
        tx,
        sql`insert into public.commission_schedules (opportunity_id, agreement_id, agreement_version_id, partner_id, owner_id, direction,
          period_start, close_date, basis_minor, total_minor, currency, effective_rate, rate_source, trace, signature)
        values (${opp.id}, ${agreement.id}, ${version.id}, ${ctx.partnerId}, ${ctx.ownerId}, 'payable', '2026-01-01', '2026-01-01',
          0, 0, 'USD', 10, 'test', '[]'::jsonb, 'test') returning id`,
      );
      const ids: string[] = [];
      for (const s of specs) {
        const kind = s.clawbackOf ? "clawback" : "recurring";
        const currency = s.currency ?? "USD";
        const [line] = await rows<{ id: string }>(
          tx,
          sql`insert into public.commission_lines (line_key, schedule_id, opportunity_id, agreement_id, agreement_version_id, partner_id,
            owner_id, direction, kind, label, amount_minor, currency, due_date, status, clawback_of, approved_at)
          values (${`t-${randomBytes(6).toString("hex")}`}, ${schedule!.id}, ${opp.id}, ${agreement.id}, ${version.id}, ${ctx.partnerId},
            ${ctx.ownerId}, 'payable', ${kind}, ${`Line ${ids.length + 1}`}, ${s.amountMinor}, ${currency}, ${s.dueDate ?? "2026-01-15"},
            'approved', ${s.clawbackOf ?? null}, now()) returning id`,
        );
        await postJournal(tx, {
          kind: s.clawbackOf ? "clawback_approved" : "line_approved",
          partnerId: ctx.partnerId,
          currency,
          legs: transfer("partner_payable", "commission_expense", s.amountMinor),
          commissionLineId: line!.id,
        });
        ids.push(line!.id);
      }
      return ids;
    },
    conn,
  );
}

export async function payoutMethod(
  conn: Connection,
  partnerId: string,
  method: { stripeAccountId?: string; payoutsEnabled?: boolean } = {},
) {
  await conn.query(
    `insert into public.partner_payout_methods (partner_id, kind, stripe_account_id, payouts_enabled) values ($1, 'stripe_connect', $2, $3)
     on conflict (partner_id) do update set stripe_account_id = excluded.stripe_account_id, payouts_enabled = excluded.payouts_enabled`,
    [
      partnerId,
      method.stripeAccountId ?? `acct_${randomBytes(5).toString("hex")}`,
      method.payoutsEnabled ?? true,
    ],
  );
}

export const unbalancedJournals = (conn: Connection) =>
  conn.query(
    "select journal_id from public.ledger_entries group by journal_id, currency having sum(amount_minor) <> 0",
  );

export const lineStatuses = async (conn: Connection, ids: string[]) =>
  (
    await conn.query<{ status: string }>(
      "select status::text as status from public.commission_lines where id = any($1::uuid[]) order by array_position($1::uuid[], id)",
      [ids],
    )
  ).map((r) => r.status);

export const accountBalances = async (conn: Connection, partnerId: string) =>
  Object.fromEntries(
    (
      await conn.query<{ account: string; sum: string }>(
        "select account, sum(amount_minor)::text as sum from public.ledger_entries where partner_id = $1 group by account",
        [partnerId],
      )
    ).map((r) => [r.account, Number(r.sum)]),
  ) as Record<string, number>;
