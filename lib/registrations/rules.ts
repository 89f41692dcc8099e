import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";

export interface Claim {
  partnerId: string;
  status: "pending" | "approved";
  protectedUntil: string | null;
}

/**
 * Live claims on a customer domain across all partners: pending registrations and approved ones still
 * protected on `today`. Reads every partner's rows: reviewers may; a partner's own check is the database's
 * (private.registration_refusal, run by the registration trigger).
 */
export async function liveClaims(
  tx: Tx,
  domain: string,
  today: string,
  excludeId?: string,
): Promise<Claim[]> {
  const found = await rows<{
    partner_id: string;
    status: "pending" | "approved";
    protected_until: string | null;
  }>(
    tx,
    sql`select partner_id, status::text as status, protected_until::text from public.deal_registrations
        where customer_domain = ${domain} and id is distinct from ${excludeId ?? null}::uuid
          and (status = 'pending' or (status = 'approved' and protected_until >= ${today}::date))
        order by status desc, protected_until desc nulls last`,
  );
  return found.map((r) => ({ partnerId: r.partner_id, status: r.status, protectedUntil: r.protected_until }));
}

/** Why a registration by `partnerId` is refused, or null when it may go ahead. */
export function refusalOf(claims: readonly Claim[], partnerId: string, domain: string): string | null {
  const theirs = claims.find((c) => c.partnerId !== partnerId && c.status === "approved");
  if (theirs) return `${domain} is protected for another partner until ${theirs.protectedUntil}.`;
  if (claims.some((c) => c.partnerId !== partnerId && c.status === "pending"))
    return `Another partner has a registration for ${domain} waiting for review.`;
  const mine = claims.find((c) => c.partnerId === partnerId);
  if (mine?.status === "approved")
    return `You already registered ${domain}; it is protected for you until ${mine.protectedUntil}.`;
  if (mine) return `You already registered ${domain}; it is waiting for review.`;
  return null;
}

/** Serialises registrations and approvals of one customer domain, so two partners cannot both win it. */
export async function lockDomain(tx: Tx, domain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`deal_registration:${domain}`}))`);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
