// POST /api/auth/sign-out-everywhere — ends every session of the signed-in user (all devices), then signs in again.
import { signOutResponse } from "@/lib/auth/sign-out";

export async function POST(request: Request) {
  return signOutResponse(request, "everywhere", "/login?signedOutEverywhere=1");
}
