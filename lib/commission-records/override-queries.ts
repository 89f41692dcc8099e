import "server-only";
import { sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { MODEL_RANGES } from "@/lib/commissions/ranges";
import type { AgreementModel } from "@/lib/commissions/types";

export interface PendingOverride {
  id: string;
  opportunityId: string;
  customerName: string;
  agreementName: string;
  partnerName: string;
  model: AgreementModel;
  range: string;
  agreementRate: string | null;
  rate: string;
  reason: string;
  status: "pending" | "approved" | "rejected" | "withdrawn";
  needsApproval: boolean;
  requestedByName: string | null;
  decidedByName: string | null;
  decisionNote: string | null;
  createdAt: string;
  decidedAt: string | null;
  valueMinor: number;
  currency: string;
}

/**
 * Overrides of deals the caller can see: every pending one first (oldest first, the VP's queue), then
 * the decisions and overrides of the last 90 days, newest first.
 */
export async function listOverrides(tx: Tx): Promise<PendingOverride[]> {
  const found = await rows<Omit<PendingOverride, "range"> & { value_minor: string }>(
    tx,
    sql`select c.id, c.opportunity_id as "opportunityId", o.customer_name as "customerName", a.name as "agreementName",
        p.name as "partnerName", a.model, c.rate::text as rate, c.reason, c.status, c.needs_approval as "needsApproval",
        rq.display_name as "requestedByName", dc.display_name as "decidedByName", c.decision_note as "decisionNote",
        c.created_at::text as "createdAt", c.decided_at::text as "decidedAt", o.value_minor, o.currency,
        (select v.rate::text from public.agreement_versions v where v.agreement_id = a.id
          and v.effective_from <= coalesce(o.actual_close_date, o.expected_close_date, current_date)
          and (v.effective_to is null or v.effective_to > coalesce(o.actual_close_date, o.expected_close_date, current_date))
          order by v.version desc limit 1) as "agreementRate"
      from public.commission_overrides c
        join public.opportunities o on o.id = c.opportunity_id
        join public.agreements a on a.id = c.agreement_id
        join public.partners p on p.id = a.partner_id
        left join public.profiles rq on rq.id = c.requested_by
        left join public.profiles dc on dc.id = c.decided_by
      where c.status = 'pending' or c.updated_at > now() - interval '90 days'
      order by (c.status = 'pending') desc,
        case when c.status = 'pending' then extract(epoch from c.created_at) else -extract(epoch from coalesce(c.decided_at, c.updated_at)) end
      limit 200`,
  );
  return found.map(({ value_minor, ...o }) => {
    const range = MODEL_RANGES[o.model];
    return { ...o, valueMinor: Number(value_minor), range: `${range.min}–${range.max}%` };
  });
}
