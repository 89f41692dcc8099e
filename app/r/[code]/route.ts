// GET /r/[code] — referral redirect: 302 to the link's allowlisted landing page, attribution cookie, click queued.
import { after } from "next/server";
import { referralRedirect } from "@/lib/referrals/redirect";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return referralRedirect(request, code, { defer: (task) => after(() => task) });
}
