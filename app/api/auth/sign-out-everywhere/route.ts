// POST /api/auth/sign-out-everywhere — ends every session of the signed-in user (all devices), then signs in again.
import { signOutResponse } from "@/lib/auth/sign-out";

export async function POST() {
  return signOutResponse("everywhere", "/login?signedOutEverywhere=1");
}
