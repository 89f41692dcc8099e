import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/lib/db/connection";
import { dealRegistrations, partners, profiles, referrals } from "@/lib/db/schema";

const registrationColumns = {
  id: dealRegistrations.id,
  customerName: dealRegistrations.customerName,
  customerDomain: dealRegistrations.customerDomain,
  contactName: dealRegistrations.contactName,
  contactEmail: dealRegistrations.contactEmail,
  estimatedValueMinor: dealRegistrations.estimatedValueMinor,
  currency: dealRegistrations.currency,
  notes: dealRegistrations.notes,
  status: dealRegistrations.status,
  selfReferral: dealRegistrations.selfReferral,
  rejectionReason: dealRegistrations.rejectionReason,
  protectedUntil: dealRegistrations.protectedUntil,
  opportunityId: dealRegistrations.opportunityId,
  createdAt: dealRegistrations.createdAt,
  reviewedAt: dealRegistrations.reviewedAt,
};

/** The partner's own registrations (RLS limits a partner to its organisation). */
export function listPartnerRegistrations(tx: Tx, partnerId: string, limit = 100) {
  return tx
    .select(registrationColumns)
    .from(dealRegistrations)
    .where(eq(dealRegistrations.partnerId, partnerId))
    .orderBy(desc(dealRegistrations.createdAt))
    .limit(limit);
}

export function listPartnerReferrals(tx: Tx, partnerId: string, limit = 100) {
  return tx
    .select({
      id: referrals.id,
      name: referrals.name,
      company: referrals.company,
      email: referrals.email,
      status: referrals.status,
      selfReferral: referrals.selfReferral,
      createdAt: referrals.createdAt,
    })
    .from(referrals)
    .where(eq(referrals.partnerId, partnerId))
    .orderBy(desc(referrals.createdAt))
    .limit(limit);
}

/** Registrations for the review queue: pending first (oldest first), then the latest decisions. */
export async function listRegistrationsForReview(tx: Tx) {
  const base = tx
    .select({
      ...registrationColumns,
      partnerId: dealRegistrations.partnerId,
      partnerName: partners.name,
      submittedBy: profiles.displayName,
    })
    .from(dealRegistrations)
    .innerJoin(partners, eq(partners.id, dealRegistrations.partnerId))
    .leftJoin(profiles, eq(profiles.id, dealRegistrations.submittedBy));
  const pending = await base
    .where(eq(dealRegistrations.status, "pending"))
    .orderBy(asc(dealRegistrations.createdAt));
  const decided = await tx
    .select({
      ...registrationColumns,
      partnerId: dealRegistrations.partnerId,
      partnerName: partners.name,
      submittedBy: profiles.displayName,
    })
    .from(dealRegistrations)
    .innerJoin(partners, eq(partners.id, dealRegistrations.partnerId))
    .leftJoin(profiles, eq(profiles.id, dealRegistrations.submittedBy))
    .where(sql`${dealRegistrations.status} <> 'pending'`)
    .orderBy(desc(dealRegistrations.reviewedAt))
    .limit(50);
  return { pending, decided };
}

/** People who may own a deal: the VP and the sales and partnership managers still active. */
export function listDealOwners(tx: Tx) {
  return tx
    .select({ id: profiles.id, name: profiles.displayName, role: profiles.role })
    .from(profiles)
    .where(
      and(
        sql`${profiles.role} in ('vp', 'sales_manager', 'partnership_manager')`,
        isNull(profiles.deactivatedAt),
      ),
    )
    .orderBy(asc(profiles.displayName));
}
