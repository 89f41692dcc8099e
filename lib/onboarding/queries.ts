import "server-only";
import { sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/session";
import type { Tx } from "@/lib/db/connection";
import { rows, withSession } from "@/lib/db/session";

export interface CurrentDocument {
  id: string;
  kind: "program_agreement" | "commission_terms" | "code_of_conduct";
  version: number;
  title: string;
  body: string;
  publishedAt: Date;
  acceptedAt: Date | null;
  /** A version this organisation accepted before the current one, if any. */
  previouslyAcceptedVersion: number | null;
}

export interface OnboardingState {
  partner: {
    id: string;
    name: string;
    status: string;
    website: string | null;
    industry: string | null;
    country: string | null;
    companySize: string | null;
    description: string | null;
    onboardedAt: Date | null;
  };
  profile: {
    displayName: string;
    title: string | null;
    phone: string | null;
    memberRole: "admin" | "member";
  };
  payout: {
    kind: "stripe_connect" | "bank_transfer";
    accountHolder: string | null;
    bankCountry: string | null;
    last4: string | null;
    currency: string;
    payoutsEnabled: boolean;
    updatedAt: Date;
  } | null;
  tax: { form: "w9" | "w8ben"; submittedAt: Date } | null;
  documents: CurrentDocument[];
  defaultLinkCode: string | null;
  steps: { profile: boolean; payout: boolean; tax: boolean; documents: boolean };
}

const date = (v: unknown) => (v == null ? null : v instanceof Date ? v : new Date(String(v)));

/** The current version of each program document and whether this organisation accepted it. */
export async function listCurrentDocuments(tx: Tx, partnerId: string): Promise<CurrentDocument[]> {
  const found = await rows<{
    id: string;
    kind: CurrentDocument["kind"];
    version: number;
    title: string;
    body: string;
    published_at: unknown;
    accepted_at: unknown;
    previous: number | null;
  }>(
    tx,
    sql`select d.id, d.kind, d.version, d.title, d.body, d.published_at, a.accepted_at,
          (select max(o.version) from public.partner_acceptances pa join public.program_documents o on o.id = pa.document_id
            where pa.partner_id = ${partnerId} and o.kind = d.kind and o.version < d.version) as previous
        from (select distinct on (kind) * from public.program_documents where published_at <= now() order by kind, version desc) d
        left join public.partner_acceptances a on a.document_id = d.id and a.partner_id = ${partnerId}
        order by array_position(array['program_agreement', 'commission_terms', 'code_of_conduct']::public.program_document_kind[], d.kind)`,
  );
  return found.map((d) => ({
    id: d.id,
    kind: d.kind,
    version: Number(d.version),
    title: d.title,
    body: d.body,
    publishedAt: date(d.published_at)!,
    acceptedAt: date(d.accepted_at),
    previouslyAcceptedVersion: d.previous == null ? null : Number(d.previous),
  }));
}

/** Everything the onboarding wizard shows, read as the partner user (tax details only as a submitted flag). */
export async function getOnboardingStateOrThrow(
  tx: Tx,
  userId: string,
  partnerId: string,
): Promise<OnboardingState> {
  const [partner] = await rows<{
    id: string;
    name: string;
    status: string;
    website: string | null;
    industry: string | null;
    country: string | null;
    company_size: string | null;
    description: string | null;
    onboarded_at: unknown;
  }>(
    tx,
    sql`select id, name, status, website, industry, country, company_size, description, onboarded_at from public.partners where id = ${partnerId}`,
  );
  const [profile] = await rows<{
    display_name: string;
    title: string | null;
    phone: string | null;
    partner_member_role: "admin" | "member";
  }>(
    tx,
    // A profile without a phone offers the one given on the application (the partner's contact with this email).
    sql`select p.display_name, p.title,
          coalesce(p.phone, (select c.phone from public.partner_contacts c
                              where c.partner_id = p.partner_id and lower(c.email) = lower(p.email) and c.phone is not null
                              order by c.created_at limit 1)) as phone,
          p.partner_member_role
        from public.profiles p where p.id = ${userId}`,
  );
  if (!partner || !profile) throw new Error("Partner organisation not found");
  const [payout] = await rows<{
    kind: "stripe_connect" | "bank_transfer";
    account_holder: string | null;
    bank_country: string | null;
    account_last4: string | null;
    currency: string;
    payouts_enabled: boolean;
    stripe_account_id: string | null;
    updated_at: unknown;
  }>(
    tx,
    sql`select kind, account_holder, bank_country, account_last4, currency, payouts_enabled, stripe_account_id, updated_at from public.partner_payout_methods where partner_id = ${partnerId}`,
  );
  const [tax] = await rows<{ tax_form: "w9" | "w8ben" | null; tax_submitted_at: unknown }>(
    tx,
    sql`select tax_form, tax_submitted_at from private.partner_onboarding_status()`,
  );
  const [link] = await rows<{ code: string }>(
    tx,
    sql`select code from public.referral_links where partner_id = ${partnerId} and is_default and archived_at is null`,
  );
  const documents = await listCurrentDocuments(tx, partnerId);
  const state: OnboardingState = {
    partner: {
      id: partner.id,
      name: partner.name,
      status: partner.status,
      website: partner.website,
      industry: partner.industry,
      country: partner.country,
      companySize: partner.company_size,
      description: partner.description,
      onboardedAt: date(partner.onboarded_at),
    },
    profile: {
      displayName: profile.display_name,
      title: profile.title,
      phone: profile.phone,
      memberRole: profile.partner_member_role,
    },
    payout: payout
      ? {
          kind: payout.kind,
          accountHolder: payout.account_holder,
          bankCountry: payout.bank_country,
          last4: payout.account_last4,
          currency: payout.currency,
          payoutsEnabled: payout.payouts_enabled,
          updatedAt: date(payout.updated_at)!,
        }
      : null,
    tax: tax?.tax_form ? { form: tax.tax_form, submittedAt: date(tax.tax_submitted_at)! } : null,
    documents,
    defaultLinkCode: link?.code ?? null,
    steps: { profile: false, payout: false, tax: false, documents: false },
  };
  state.steps = {
    profile: Boolean(partner.industry && partner.country && partner.company_size),
    payout: Boolean(payout && (payout.kind === "bank_transfer" || payout.stripe_account_id)),
    tax: Boolean(state.tax),
    documents: documents.length > 0 && documents.every((d) => d.acceptedAt),
  };
  return state;
}

export const isOnboardingComplete = (steps: OnboardingState["steps"]) =>
  steps.profile && steps.payout && steps.tax && steps.documents;

/** The onboarding state of a partner user's organisation, read in their own session (for the banner). */
export function getOnboardingStateForUser(user: CurrentUser & { partnerId: string }): Promise<OnboardingState> {
  return withSession({ claims: user.claims }, (tx) => getOnboardingStateOrThrow(tx, user.id, user.partnerId));
}
