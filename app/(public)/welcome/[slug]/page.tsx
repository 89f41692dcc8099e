import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DOMAIN_LABELS } from "@/components/partners/labels";
import { LandingView } from "@/components/referrals/landing-view";
import type { PartnerDomain } from "@/lib/domain/enums";
import { getCompanyPitch } from "@/lib/referrals/pitch";

export const metadata: Metadata = { title: "Talk to us" };
export const dynamic = "force-dynamic";

const SLUGS: Record<string, PartnerDomain> = {
  finops: "finops",
  security: "security",
  observability: "observability",
  devops: "devops",
  "data-backup": "data_backup",
  "dev-platform": "dev_platform",
};

/** Further built-in landing pages, one per solution area (/welcome/security, /welcome/finops, …). */
export default async function SolutionLandingPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const domain = Object.hasOwn(SLUGS, slug) ? SLUGS[slug] : undefined;
  if (!domain) notFound();
  const pitch = await getCompanyPitch();
  const area = DOMAIN_LABELS[domain];
  return (
    <LandingView
      pitch={pitch}
      headline={`${area} with ${pitch.companyName}`}
      description={`Talk to our ${area} specialists about your stack and your goals: ${pitch.description}`}
    />
  );
}
