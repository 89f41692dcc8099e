import { sql } from "drizzle-orm";
import type { Tx } from "../db/connection";
import { rows } from "../db/rows";

type DocumentKind = "program_agreement" | "commission_terms" | "code_of_conduct";

interface ProgramDocumentText {
  kind: DocumentKind;
  title: string;
  body: string;
}

/** Version 1 of the documents every partner accepts during onboarding. */
export const PROGRAM_DOCUMENTS_V1: readonly ProgramDocumentText[] = [
  {
    kind: "program_agreement",
    title: "Partner Program Agreement",
    body: `1. Scope. This agreement governs your participation in our partner program. By accepting it on behalf of your organisation you confirm that you are authorised to bind it.

2. Referrals. You may refer prospective customers to us using the referral links and deal registration tools in the partner portal. A referral is attributed to you when the customer first reaches us through your link, or through a deal registration we approve, within the attribution window published in the portal.

3. Independent parties. You act as an independent business. Nothing in this agreement creates an employment, agency, joint-venture or franchise relationship, and you may not make commitments, price quotes or warranties on our behalf.

4. Use of our brand. We grant you a limited, revocable, non-exclusive licence to use our name, logo and the marketing material in the portal solely to promote our products. You will not bid on our brand terms in paid search, register domain names containing our marks, or present yourself as us.

5. Confidentiality. Pricing, roadmaps, customer information and anything marked confidential that you receive through the program stay confidential during the agreement and for three years after it ends.

6. Data protection. Each party handles personal data it receives from the other in line with applicable data-protection law, only for the purposes of the program, and informs the other without undue delay of any breach affecting that data.

7. Term and termination. The agreement runs until either party ends it with 30 days' written notice, or immediately for a material breach that is not cured within 15 days of notice. Commissions earned on deals closed before termination remain payable under the commission terms.

8. Liability. Except for breaches of confidentiality or misuse of the other party's marks, neither party is liable for indirect or consequential losses, and each party's total liability is limited to the commissions paid or payable in the 12 months before the claim.

9. Changes. We may publish a new version of this agreement. You will be asked to accept it in the portal; until you do, the version you accepted continues to apply to referrals already made.`,
  },
  {
    kind: "commission_terms",
    title: "Commission Terms",
    body: `1. Rates. Your commission rate is the rate of your current tier, shown in the portal. A higher tier applies to deals that close after your promotion; a lower tier applies from the start of the next calendar month.

2. Basis. Commission is calculated on the first-year contract value actually invoiced to the referred customer, excluding taxes, discounts, refunds and third-party costs, unless your agreement states another basis.

3. Earning. Commission is earned when the referred deal is marked won and the customer's first payment has been received. Forecast amounts shown in the portal before that point are estimates.

4. Payment. Approved commissions are paid on your tier's payout cadence to the payout method on file, in the currency of your agreement. You are responsible for keeping your payout and tax details current; payments are held while they are missing.

5. Clawbacks. If a customer is refunded, cancels within 90 days or does not pay, the related commission is reversed and deducted from your next payouts.

6. Conflicts. When two partners claim the same customer, the approved deal registration within its protection window prevails; otherwise the first attributed referral prevails. Self-referrals and referrals of existing customers do not earn commission.

7. Taxes. Commissions are gross amounts. You are responsible for your own taxes; we may withhold amounts where the law requires it based on the tax form you submit.

8. Statements and disputes. Each payout comes with a statement. Raise any dispute within 60 days of the statement date; after that the statement is final.`,
  },
  {
    kind: "code_of_conduct",
    title: "Partner Code of Conduct",
    body: `We expect every partner to represent our products honestly and to treat customers, prospects and other partners with respect.

Honest marketing. Describe our products accurately, without invented features, guarantees, discounts or customer results. Disclose your partnership when you recommend us, as advertising rules require.

Fair prospecting. Contact only people who agreed to hear from you. No spam, no purchased lists, no cookie stuffing, no misleading redirects and no incentives offered to a customer's employees.

Anti-bribery. Never offer or accept bribes, kickbacks or anything of value meant to improperly influence a purchase. Follow the anti-corruption laws that apply to you and to the customer.

Privacy and security. Collect and share personal data only as the law and the customer allow. Protect any access to our systems or customer information you receive, and report suspected incidents to us within 24 hours.

Respect. Harassment, discrimination or abusive behaviour toward anyone in our community, including in partner forums and events, is not tolerated.

Consequences. We may suspend referral links, withhold commissions on affected deals or end the partnership when this code is breached. Report concerns to your partner manager or to our compliance team in confidence.`,
  },
];

/**
 * Publishes version 1 of each program document when none exists yet; safe to call on every seed.
 * Returns how many documents were inserted.
 */
export async function seedProgramDocuments(tx: Tx): Promise<number> {
  let inserted = 0;
  for (const doc of PROGRAM_DOCUMENTS_V1) {
    const created = await rows(
      tx,
      sql`insert into public.program_documents (kind, version, title, body)
          select ${doc.kind}::public.program_document_kind, 1, ${doc.title}, ${doc.body}
          where not exists (select 1 from public.program_documents where kind = ${doc.kind}::public.program_document_kind)
          returning id`,
    );
    inserted += created.length;
  }
  return inserted;
}

/**
 * Demo organisations already active in the program count as onboarded (with the current documents
 * accepted by their first user), so only new partners see the wizard.
 */
export async function markSeededPartnersOnboarded(tx: Tx): Promise<void> {
  await tx.execute(
    sql`update public.partners set onboarded_at = coalesce(joined_at, created_at)
        where kind <> 'isv' and status = 'active' and onboarded_at is null`,
  );
  await tx.execute(
    sql`insert into public.partner_acceptances (partner_id, profile_id, document_id, accepted_at)
        select p.id, u.id, d.id, p.onboarded_at
        from public.partners p
        cross join lateral (select id from public.profiles where partner_id = p.id order by created_at, id limit 1) u
        cross join (select distinct on (kind) id from public.program_documents order by kind, version desc) d
        where p.onboarded_at is not null and p.kind <> 'isv'
        on conflict (partner_id, document_id) do nothing`,
  );
}
