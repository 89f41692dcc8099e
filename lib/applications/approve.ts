import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { hashToken, newToken } from "@/lib/auth/tokens";
import type { Tx } from "@/lib/db/connection";
import { rows } from "@/lib/db/session";
import { enqueueEmail } from "@/lib/email/outbox";
import { invitationContent } from "@/lib/email/templates";
import { serverEnv } from "@/lib/env";
import { ensureDefaultLink } from "@/lib/referrals/default-link";

const INVITE_TTL_MS = 7 * 24 * 3600_000;

export class ApprovalConflictError extends Error {}

export interface ApprovedApplication {
  partnerId: string;
  invitationId: string;
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
    sql`select id, company, website, industry, email, contact_name, phone from public.partner_applications where id = ${applicationId}`,
  );
  if (!app) throw new ApprovalConflictError("That application no longer exists");
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

  const [tier] = await rows<{ id: string; commission_rate: string }>(
    tx,
    sql`select id, commission_rate::text from public.tiers order by rank limit 1`,
  );
  if (!tier) throw new ApprovalConflictError("Create at least one tier before approving partners");
  const [settings] = await rows<{ company_name: string; currency: string }>(
    tx,
    sql`select company_name, currency from public.workspace_settings`,
  );

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

  const [agreement] = await rows<{ id: string }>(
    tx,
    sql`insert into public.agreements (partner_id, direction, model, name, status, created_by)
        values (${partnerId}, 'payable', 'referral', 'Partner program referral agreement', 'active', ${reviewerId}) returning id`,
  );
  await tx.execute(
    sql`insert into public.agreement_versions (agreement_id, version, effective_from, rate, basis, payment_model, currency, created_by)
        values (${agreement!.id}, 1, current_date, ${tier.commission_rate}::numeric, 'deal_value', 'one_time', ${settings?.currency ?? "USD"}, ${reviewerId})`,
  );
  const linkCode = await ensureDefaultLink(tx, partnerId);

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
