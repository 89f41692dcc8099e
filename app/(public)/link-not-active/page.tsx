import type { Metadata } from "next";
import { LinkNotActiveView } from "@/components/referrals/link-not-active-view";
import { getCompanyPitch } from "@/lib/referrals/pitch";

export const metadata: Metadata = { title: "This link is not active yet" };
export const dynamic = "force-dynamic";

/** Where the referral link of a partner still in review leads: public, no sign-in, no click recorded. */
export default async function LinkNotActivePage() {
  return <LinkNotActiveView pitch={await getCompanyPitch()} />;
}
