// GET /r/[code] — referral redirect: 302 to the link's allowlisted landing page, attribution cookie, once the click is durable.
import { referralRedirect } from "@/lib/referrals/redirect";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  return referralRedirect(request, code);
}
