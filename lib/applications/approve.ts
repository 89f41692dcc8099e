import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { applicationApprovedContent, applicationReceivedContent, invitationContent } from "@/lib/email/templates";
import { meetsAutoApproveRule, type AutoApproveRule, type ExperienceLevel } from "./schemas";
import { serverEnv } from "@/lib/env";
import { ensureDefaultLink } from "@/lib/referrals/default-link";

const INVITE_TTL_MS = 7 * 24 * 3600_000;

export class ApprovalConflictError extends Error {}

export interface ApprovedApplication {
  partnerId: string;
  /** Null for a partner who signed up: its admin has an account already. */
  invitationId: string | null;
  linkCode: string;
}

interface ApplicationRow {
  id: string;
  company: string;
  website: string | null;
  industry: string;
  email: string;
  contact_name: string;
  phone: string | null;
  source: "program" | "signup";
  partner_id: string | null;
}

function slugOf(company: string): string {
  const base = company
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "partner"}-${randomBytes(3).toString("hex")}`;
}

/**
 * Turns an application into a program partner: organisation (onboarding, lowest tier), payable referral
 * agreement at the tier's rate, default referral link, and a partner-admin invitation emailed through the
 * outbox. Must run privileged (a system step): reviewers may not create agreements or invitations.
 */
export async function createPartnerFromApplication(
  tx: Tx,
  applicationId: string,
  reviewerId: string | null,
): Promise<ApprovedApplication> {
  const [app] = await rows<ApplicationRow>(
    tx,
    sql`select id, company, website, industry, email, contact_name, phone, source, partner_id
        from public.partner_applications where id = ${applicationId}`,
  );
  if (!app) throw new ApprovalConflictError("That application no longer exists");
  if (app.source === "signup" && app.partner_id) return approveSignedUpPartner(tx, app, app.partner_id, reviewerId);
  const [existing] = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from public.profiles where lower(email) = lower(${app.email})`,
  );
  if (existing) throw new ApprovalConflictError("The applicant's email already has an account");
  const [openInvite] = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from public.invitations where lower(email) = lower(${app.email}) and accepted_at is null and revoked_at is null`,
  );
  if (openInvite)
    throw new ApprovalConflictError("An invitation to the applicant's email is already pending");

  const { tier, settings } = await entryTerms(tx);

  const [partner] = await rows<{ id: string }>(
    tx,
    sql`insert into public.partners (name, slug, kind, status, tier_id, website, industry, owner_id, joined_at)
        values (${app.company}, ${slugOf(app.company)}, 'program', 'onboarding', ${tier.id}, ${app.website}, ${app.industry}, ${reviewerId}, now())
        returning id`,
  );
  const partnerId = partner!.id;
  const [contact] = await rows<{ id: string }>(
    tx,
    sql`insert into public.partner_contacts (partner_id, name, email, phone) values (${partnerId}, ${app.contact_name}, ${app.email}, ${app.phone}) returning id`,
  );
  await tx.execute(
    sql`update public.partners set primary_contact_id = ${contact!.id} where id = ${partnerId}`,
  );

  const linkCode = await openPartnership(tx, partnerId, tier.commission_rate, settings?.currency ?? "USD", reviewerId);

  const token = newToken();
  const [invite] = await rows<{ id: string }>(
    tx,
    sql`insert into public.invitations (email, role, partner_id, partner_member_role, token_hash, invited_by, expires_at)
        values (${app.email}, 'partner', ${partnerId}, 'admin', ${hashToken(token)}, ${reviewerId}, ${new Date(Date.now() + INVITE_TTL_MS).toISOString()})
        returning id`,
  );
  const company = settings?.company_name ?? "our partner program";
  const url = `${serverEnv().APP_URL}/invite/${encodeURIComponent(token)}`;
  await enqueueEmail(tx, {
    to: app.email,
    template: "invitation",
    idempotencyKey: `invitation:${invite!.id}`,
    ...invitationContent(`The ${company} partner team`, company, `partner admin of ${app.company}`, url),
  });
  return { partnerId, invitationId: invite!.id, linkCode };
}

/** The lowest tier (where every approved partner starts) and the workspace's name and currency. */
async function entryTerms(tx: Tx) {
  const [tier] = await rows<{ id: string; commission_rate: string }>(
    tx,
    sql`select id, commission_rate::text from public.tiers order by rank limit 1`,
  );
  if (!tier) throw new ApprovalConflictError("Create at least one tier before approving partners");
  const [settings] = await rows<{ company_name: string; currency: string }>(
    tx,
    sql`select company_name, currency from public.workspace_settings`,
  );
  return { tier, settings };
}

/** What every approved partner gets: the payable referral agreement at its tier's rate and its default link. */
async function openPartnership(
  tx: Tx,
  partnerId: string,
  rate: string,
  currency: string,
  reviewerId: string | null,
): Promise<string> {
  const [agreement] = await rows<{ id: string }>(
    tx,
    sql`insert into public.agreements (partner_id, direction, model, name, status, created_by)
        values (${partnerId}, 'payable', 'referral', 'Partner program referral agreement', 'active', ${reviewerId}) returning id`,
  );
  await tx.execute(
    sql`insert into public.agreement_versions (agreement_id, version, effective_from, rate, basis, payment_model, currency, created_by)
        values (${agreement!.id}, 1, current_date, ${rate}::numeric, 'deal_value', 'one_time', ${currency}, ${reviewerId})`,
  );
  return ensureDefaultLink(tx, partnerId);
}

/**
 * A partner who signed up already has its organisation (an applicant) and its admin's account: approval
 * moves it to onboarding on the lowest tier, opens the partnership, and emails the admin where to sign in.
 */
async function approveSignedUpPartner(
  tx: Tx,
  app: ApplicationRow,
  partnerId: string,
  reviewerId: string | null,
): Promise<ApprovedApplication> {
  const { tier, settings } = await entryTerms(tx);
  const updated = await rows<{ id: string }>(
    tx,
    sql`update public.partners set status = 'onboarding', tier_id = coalesce(tier_id, ${tier.id}), owner_id = coalesce(owner_id, ${reviewerId}),
          joined_at = coalesce(joined_at, now())
        where id = ${partnerId} and status = 'applicant' returning id`,
  );
  if (updated.length === 0) throw new ApprovalConflictError("The applicant's organisation is no longer waiting for review");
  const linkCode = await openPartnership(tx, partnerId, tier.commission_rate, settings?.currency ?? "USD", reviewerId);
  await enqueueEmail(tx, {
    to: app.email,
    template: "application-approved",
    idempotencyKey: `application-approved:${app.id}`,
    ...applicationApprovedContent(app.contact_name, app.company, `${serverEnv().APP_URL}/login`),
  });
  return { partnerId, invitationId: null, linkCode };
}

/** The applicant's receipt, once per application. */
export async function sendApplicationReceipt(
  tx: Tx,
  app: { id: string; email: string; contactName: string; company: string },
): Promise<void> {
  await enqueueEmail(tx, {
    to: app.email,
    template: "application-received",
    idempotencyKey: `application-received:${app.id}`,
    ...applicationReceivedContent(app.contactName, app.company, `${serverEnv().APP_URL}/program`),
  });
}

/**
 * The workspace's auto-approve rule applied to a new pending application: approval takes the reviewer's
 * path; a conflict (an existing account, say) rolls it back and leaves the application for a person.
 */
export async function autoApproveApplication(
  tx: Tx,
  applicationId: string,
  application: { experience: ExperienceLevel; website?: string | null },
): Promise<"pending" | "approved"> {
  const [settings] = await rows<{ rule: AutoApproveRule }>(
    tx,
    sql`select auto_approve_rule as rule from public.workspace_settings`,
  );
  if (!settings || !meetsAutoApproveRule(settings.rule, application)) return "pending";
  await tx.execute(sql`savepoint auto_approve`);
  try {
    const approved = await createPartnerFromApplication(tx, applicationId, null);
    await tx.execute(
      sql`update public.partner_applications set status = 'approved', auto_approved = true, reviewed_at = now(),
            partner_id = ${approved.partnerId}, invitation_id = ${approved.invitationId} where id = ${applicationId}`,
    );
    return "approved";
  } catch (error) {
    if (!(error instanceof ApprovalConflictError)) throw error;
    await tx.execute(sql`rollback to savepoint auto_approve`);
    return "pending";
  }
}
