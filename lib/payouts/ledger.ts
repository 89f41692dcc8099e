import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";

export type LedgerAccount = "commission_expense" | "partner_payable" | "payouts_in_transit" | "cash";
export type LedgerKind =
  | "line_approved"
  | "clawback_approved"
  | "payout_sent"
  | "payout_settled"
  | "payout_failed"
  | "payout_reversed"
  | "payout_paid_externally";

export interface JournalLeg {
  account: LedgerAccount;
  /** Debit positive, credit negative; the legs of a journal sum to zero per currency. */
  amountMinor: number;
}

export interface Journal {
  kind: LedgerKind;
  partnerId: string;
  currency: string;
  legs: readonly JournalLeg[];
  commissionLineId?: string | null;
  payoutId?: string | null;
  reference?: string | null;
  createdBy?: string | null;
}

/** A journal moving `amountMinor` from one account to another: debit `to`, credit `from`. */
export function transfer(from: LedgerAccount, to: LedgerAccount, amountMinor: number): JournalLeg[] {
  return [
    { account: to, amountMinor },
    { account: from, amountMinor: -amountMinor },
  ];
}

/**
 * Appends one balanced journal (the database also refuses an unbalanced one at commit). Legs of zero are
 * skipped; a journal whose legs are all zero writes nothing. Returns the journal id.
 */
export async function postJournal(tx: Tx, journal: Journal): Promise<string | null> {
  const legs = journal.legs.filter((l) => l.amountMinor !== 0);
  if (legs.length === 0) return null;
  const sum = legs.reduce((s, l) => s + l.amountMinor, 0);
  if (sum !== 0) throw new Error(`Journal ${journal.kind} does not balance (${sum})`);
  const id = randomUUID();
  for (const leg of legs) {
    await tx.execute(sql`insert into public.ledger_entries (journal_id, account, partner_id, currency, amount_minor, kind,
        commission_line_id, payout_id, reference, created_by)
      values (${id}, ${leg.account}, ${journal.partnerId}, ${journal.currency}, ${leg.amountMinor}, ${journal.kind},
        ${journal.commissionLineId ?? null}, ${journal.payoutId ?? null}, ${journal.reference ?? null}, ${journal.createdBy ?? null})`);
  }
  return id;
}
