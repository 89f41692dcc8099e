import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";
import { rows } from "../db/rows";
import { simulatedPayouts } from "../payments/simulated";
import { postJournal, transfer } from "../payouts/ledger";

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The quarter `back` quarters before the one `now` is in (1 = last quarter). */
function pastQuarter(now: Date, back: number): { start: string; end: string } {
  const q = Math.floor(now.getUTCMonth() / 3) - back;
  const start = new Date(Date.UTC(now.getUTCFullYear(), q * 3, 1));
  const end = new Date(Date.UTC(now.getUTCFullYear(), q * 3 + 3, 0));
  return { start: isoDay(start), end: isoDay(end) };
}

/** Quarters of payout history the demo carries: every closed quarter of its pipeline history. */
const HISTORY_QUARTERS = 5;

interface ApprovedLine {
  id: string;
  partner_id: string;
  kind: string;
  amount_minor: string;
  currency: string;
}

/**
 * Finance's payout history for the demo: quarter by quarter, oldest first, each closed quarter's earned
 * payable lines past their holding period are approved (each with its ledger journal; clawbacks with their
 * originals) two weeks after the quarter ends, then paid in one simulated batch (sent, then settled), so no
 * old commission waits for approval, and reconciliation and partner payouts show real numbers. The partners
 * it paid keep a Stripe Connect payout method on file. Runs in the seeding transaction as the table owner;
 * every journal balances.
 */
export async function seedPayoutHistory(tx: Tx, ids: { finance: string }, now: Date): Promise<{ approved: number; payouts: number }> {
  const today = isoDay(now);
  let approvedCount = 0;
  let payouts = 0;
  for (let back = HISTORY_QUARTERS; back >= 1; back -= 1) {
    const quarter = pastQuarter(now, back);
    const at = new Date(Math.min(Date.parse(`${quarter.end}T16:00:00Z`) + 14 * 86_400_000, now.getTime()));
    const approved = await rows<ApprovedLine>(
      tx,
      sql`with candidates as (
          select l.id from public.commission_lines l
            join public.partners p on p.id = l.partner_id
            left join public.tiers t on t.id = p.tier_id
            left join public.commission_schedules s on s.id = l.schedule_id
          where l.direction = 'payable' and l.status = 'earned' and l.rejected_at is null and l.kind <> 'clawback'
            and l.due_date between ${quarter.start}::date and ${quarter.end}::date
            and (case when l.kind = 'one_time' then coalesce(s.close_date, l.due_date) else l.due_date end)
              + coalesce(t.holding_days, 30) <= ${today}::date
        ), chosen as (
          select id from candidates
          union
          select c.id from public.commission_lines c
          where c.kind = 'clawback' and c.status = 'earned' and c.rejected_at is null and c.clawback_of in (select id from candidates)
        )
        update public.commission_lines l set status = 'approved', approved_by = ${ids.finance}, approved_at = ${at.toISOString()}::timestamptz
        from chosen where chosen.id = l.id
        returning l.id, l.partner_id, l.kind::text as kind, l.amount_minor::text as amount_minor, l.currency`,
    );
    for (const line of approved) {
      await postJournal(tx, {
        kind: line.kind === "clawback" ? "clawback_approved" : "line_approved",
        partnerId: line.partner_id,
        currency: line.currency,
        legs: transfer("partner_payable", "commission_expense", Number(line.amount_minor)),
        commissionLineId: line.id,
        createdBy: ids.finance,
      });
    }
    approvedCount += approved.length;
    payouts += await payQuarter(tx, ids.finance, quarter, at);
  }
  // Active partners were onboarded with a Connect account on file; those still onboarding have none yet
  // and show as blocked until they add one.
  await tx.execute(sql`insert into public.partner_payout_methods (partner_id, kind, stripe_account_id, payouts_enabled, currency)
    select p.id, 'stripe_connect'::public.payout_method_kind, 'acct_demo' || substr(md5(p.id::text), 1, 12), true, 'USD'
    from public.partners p
    where p.kind in ('program', 'isv_and_program') and p.status = 'active'
    on conflict (partner_id) do nothing`);
  return { approved: approvedCount, payouts };
}

const quarterName = (start: string) => `Q${Math.floor(Number(start.slice(5, 7)) / 3) + 1} ${start.slice(0, 4)}`;

/** One statement per partner and currency at or above the minimum, paid in simulated mode. */
async function payQuarter(tx: Tx, financeId: string, quarter: { start: string; end: string }, at: Date): Promise<number> {
  const statements = await rows<{ partner_id: string; currency: string; amount_minor: string; line_ids: string[] }>(
    tx,
    sql`select l.partner_id, l.currency, sum(l.amount_minor)::text as amount_minor, array_agg(l.id order by l.due_date, l.id) as line_ids
      from public.commission_lines l
      where l.direction = 'payable' and l.status = 'approved' and l.due_date <= ${quarter.end}::date
        and not exists (select 1 from public.payout_items i where i.commission_line_id = l.id and i.released_at is null)
      group by l.partner_id, l.currency
      having sum(l.amount_minor) > 0
        and sum(l.amount_minor) >= coalesce((select minimum_payout_minor from public.workspace_settings limit 1), 5000)
      order by l.partner_id, l.currency`,
  );
  if (statements.length === 0) return 0;
  const [batch] = await rows<{ id: string }>(
    tx,
    sql`insert into public.payout_batches (period_start, period_end, status, created_by, confirmed_by, confirmed_at, triggered_by, triggered_at, note)
      values (${quarter.start}, ${quarter.end}, 'processing', ${financeId}, ${financeId}, ${at.toISOString()}::timestamptz, ${financeId}, ${at.toISOString()}::timestamptz,
        ${`${quarterName(quarter.start)} commissions`})
      returning id`,
  );
  for (const s of statements) {
    const key = `payout:${batch!.id}:${s.partner_id}:${s.currency}`;
    const amountMinor = Number(s.amount_minor);
    const sent = await simulatedPayouts.createTransfer({
      amountMinor,
      currency: s.currency,
      destination: null,
      transferGroup: `batch_${batch!.id}`,
      metadata: {},
      idempotencyKey: key,
    });
    const transferId = sent.ok ? sent.transferId : null;
    const [payout] = await rows<{ id: string }>(
      tx,
      sql`insert into public.payouts (batch_id, partner_id, currency, amount_minor, status, mode, idempotency_key, stripe_transfer_id,
          attempts, sent_at, paid_at)
        values (${batch!.id}, ${s.partner_id}, ${s.currency}, ${amountMinor}, 'paid', 'simulated', ${key}, ${transferId}, 1,
          ${at.toISOString()}::timestamptz, ${new Date(at.getTime() + 2 * 86_400_000).toISOString()}::timestamptz)
        returning id`,
    );
    const lineIds = s.line_ids.map((id) => sql`${id}::uuid`);
    await tx.execute(sql`insert into public.payout_items (payout_id, commission_line_id, amount_minor)
      select ${payout!.id}, l.id, l.amount_minor from public.commission_lines l where l.id in (${sql.join(lineIds, sql`, `)})`);
    await tx.execute(sql`update public.commission_lines set status = 'paid' where id in (${sql.join(lineIds, sql`, `)})`);
    const journal = { partnerId: s.partner_id, currency: s.currency, payoutId: payout!.id, reference: transferId };
    await postJournal(tx, { ...journal, kind: "payout_sent", legs: transfer("payouts_in_transit", "partner_payable", amountMinor) });
    await postJournal(tx, { ...journal, kind: "payout_settled", legs: transfer("cash", "payouts_in_transit", amountMinor) });
  }
  await tx.execute(sql`update public.payout_batches set status = 'completed' where id = ${batch!.id}`);
  return statements.length;
}
