import type { Metadata } from "next";
import { LandingView } from "@/components/referrals/landing-view";
import { getCompanyPitch } from "@/lib/referrals/pitch";

export const metadata: Metadata = { title: "Talk to us" };
export const dynamic = "force-dynamic";

/** The built-in landing page of referral links: public, no sign-in. */
export default async function WelcomePage() {
  return <LandingView pitch={await getCompanyPitch()} />;
}
