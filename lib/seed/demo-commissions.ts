import { sql } from "drizzle-orm";
import { recalculateCommissions } from "../commission-records/persist";
import type { Tx } from "../db/connection";
import { rows } from "../db/rows";

/**
 * Commission activity of the demo company, after the engine has computed every schedule: payments the ISV
 * vendors sent for earned commissions (earlier quarters in full; last quarter's most in full, some short, some not yet paid), and rate
 * overrides (one applied within range, one out of range waiting for the VP).
 */
export async function seedCommissionActivity(tx: Tx, ids: { finance: string; seller: string; vp: string }, today: string) {
  // Earlier quarters were paid in full three weeks after their last due date; last quarter's payments
  // show the variety finance chases (most in full, one short, one not yet paid).
  await tx.execute(sql`
    with due as (
      select l.partner_id, l.currency, date_trunc('quarter', l.due_date)::date as quarter,
        sum(l.amount_minor) as expected, max(l.due_date) as last_due,
        row_number() over (partition by date_trunc('quarter', l.due_date) order by p.name) as n
      from public.commission_lines l join public.partners p on p.id = l.partner_id
      where l.direction = 'receivable' and l.status <> 'forecast'
        and l.due_date >= date_trunc('quarter', ${today}::date) - interval '15 months'
        and l.due_date < date_trunc('quarter', ${today}::date)
      group by l.partner_id, l.currency, p.name, date_trunc('quarter', l.due_date)
    ), paid as (
      select due.*, quarter = (date_trunc('quarter', ${today}::date) - interval '3 months')::date as latest,
        least(last_due + 21, date_trunc('quarter', ${today}::date)::date - 1) as received_on
      from due
    )
    insert into public.commission_receipts (partner_id, received_on, amount_minor, currency, reference, note, recorded_by)
    select partner_id, received_on,
      case when latest and n % 7 = 3 then round(expected * 0.9) else expected end, currency,
      'WIRE-' || to_char(received_on, 'YYYYMMDD') || '-' || lpad(n::text, 3, '0'),
      case when latest and n % 7 = 3 then 'Vendor withheld 10% pending a usage true-up' end, ${ids.finance}
    from paid where (not latest or n % 7 <> 5) and expected > 0`);

  const open = await rows<{ id: string; agreement_id: string; model: string }>(
    tx,
    sql`select o.id, a.id as agreement_id, a.model from public.opportunities o
      join public.stages s on s.id = o.stage_id
      join public.agreements a on a.partner_id = o.isv_partner_id and a.direction = 'receivable' and a.status = 'active'
      where o.owner_id = ${ids.seller} and not s.is_won and not s.is_lost and a.model = 'referral'
      order by o.value_minor desc, o.id limit 2`,
  );
  const [applied, pending] = open;
  if (applied) {
    await tx.execute(sql`insert into public.commission_overrides (opportunity_id, agreement_id, rate, reason, needs_approval, status, requested_by, created_at)
      values (${applied.id}, ${applied.agreement_id}, 20, 'Multi-year commitment from a strategic logo', false, 'approved', ${ids.seller}, ${today}::date - 6)`);
  }
  if (pending) {
    await tx.execute(sql`insert into public.commission_overrides (opportunity_id, agreement_id, rate, reason, needs_approval, status, requested_by, created_at)
      values (${pending.id}, ${pending.agreement_id}, 28, 'Vendor offered a launch bonus for the first deal in this region', true, 'pending', ${ids.seller}, ${today}::date - 1)`);
    await tx.execute(sql`insert into public.notifications (user_id, kind, title, body, link)
      select ${ids.vp}, 'override_requested', 'Override to approve: ' || o.customer_name,
        'A 28% rate (referral range 5–25%) waits for your approval.', '/reports/commissions?tab=overrides'
      from public.opportunities o where o.id = ${pending.id}`);
  }
  const touched = open.map((o) => o.id);
  if (touched.length) await recalculateCommissions(tx, { opportunityIds: touched }, { today });
}
