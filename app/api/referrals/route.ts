// POST /api/referrals — public JSON endpoint for referrals (CORS for configured origins), attributed by cookie or code.
import { getConnection } from "@/lib/db/client";
import { postReferral, referralPreflight } from "@/lib/referrals/api";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return postReferral(request, await getConnection());
}

export function OPTIONS(request: Request) {
  return referralPreflight(request);
}
