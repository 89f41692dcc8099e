import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/rows";

export interface StatementLine {
  commissionLineId: string;
  opportunityId: string;
  label: string;
  kind: string;
  amountMinor: number;
  dueDate: string;
}

export interface Statement {
  partnerId: string;
  partnerName: string;
  currency: string;
  amountMinor: number;
  stripeAccountId: string | null;
  lines: StatementLine[];
}

export interface BlockedStatement extends Statement {
  reason: string;
}

export interface Statements {
  /** Ready to pay: at or above the minimum, with a usable payout method. */
  statements: Statement[];
  /** Below the workspace minimum (or netted to nothing): they stay unpaid and roll into a later batch. */
  carriedForward: Statement[];
  blocked: BlockedStatement[];
}

interface LineRow {
  id: string;
  opportunity_id: string;
  label: string;
  kind: string;
  amount_minor: string | number;
  due_date: string;
  currency: string;
  partner_id: string;
  partner_name: string;
  method_kind: string | null;
  stripe_account_id: string | null;
  payouts_enabled: boolean | null;
}

/**
 * Per partner and currency: approved payable lines due by the period's end (holding was applied when they
 * were approved) that no live payout item holds, with approved clawbacks netted in. Earlier unpaid lines
 * are included, which is how a carried-forward statement reaches a later batch.
 */
export async function buildStatements(
  tx: Tx,
  period: { periodEnd: string },
  options: { stripeConfigured: boolean; cadence?: string },
): Promise<Statements> {
  // A scheduled batch takes the partners whose tier pays on that cadence.
  const cadenceFilter = options.cadence
    ? sql`and p.tier_id in (select t.id from public.tiers t where t.payout_cadence::text = ${options.cadence})`
    : sql``;
  const lines = await rows<LineRow>(
    tx,
    sql`select l.id, l.opportunity_id, l.label, l.kind::text as kind, l.amount_minor, l.due_date::text as due_date,
          l.currency, l.partner_id, p.name as partner_name, m.kind::text as method_kind, m.stripe_account_id, m.payouts_enabled
        from public.commission_lines l
        join public.partners p on p.id = l.partner_id
        left join public.partner_payout_methods m on m.partner_id = l.partner_id
        where l.direction = 'payable' and l.status = 'approved'
          and l.due_date <= ${period.periodEnd}::date
          and not exists (select 1 from public.payout_items i where i.commission_line_id = l.id and i.released_at is null)
          ${cadenceFilter}
        order by p.name, l.currency, l.due_date, l.id`,
  );
  const [settings] = await rows<{ minimum_payout_minor: string | number }>(
    tx,
    sql`select minimum_payout_minor from public.workspace_settings limit 1`,
  );
  const minimumMinor = Number(settings?.minimum_payout_minor ?? 0);

  const groups = new Map<string, { statement: Statement; method: LineRow }>();
  for (const line of lines) {
    const key = `${line.partner_id}:${line.currency}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        statement: {
          partnerId: line.partner_id,
          partnerName: line.partner_name,
          currency: line.currency,
          amountMinor: 0,
          stripeAccountId: line.stripe_account_id,
          lines: [],
        },
        method: line,
      };
      groups.set(key, group);
    }
    const amountMinor = Number(line.amount_minor);
    group.statement.amountMinor += amountMinor;
    group.statement.lines.push({
      commissionLineId: line.id,
      opportunityId: line.opportunity_id,
      label: line.label,
      kind: line.kind,
      amountMinor,
      dueDate: line.due_date,
    });
  }

  const out: Statements = { statements: [], carriedForward: [], blocked: [] };
  for (const { statement, method } of groups.values()) {
    if (statement.amountMinor <= 0 || statement.amountMinor < minimumMinor) {
      out.carriedForward.push(statement);
      continue;
    }
    const reason = blockedReason(method, options.stripeConfigured);
    if (reason) out.blocked.push({ ...statement, reason });
    else out.statements.push(statement);
  }
  return out;
}

function blockedReason(method: LineRow, stripeConfigured: boolean): string | null {
  if (stripeConfigured) {
    if (!method.stripe_account_id) return "No Stripe account connected";
    if (!method.payouts_enabled) return "Stripe account cannot receive payouts yet";
    return null;
  }
  return method.method_kind ? null : "No payout method on file";
}
