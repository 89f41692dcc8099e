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

/** Serialises registrations and approvals of one customer domain, so two partners cannot both win it. */
export async function lockDomain(tx: Tx, domain: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`deal_registration:${domain}`}))`);
}
