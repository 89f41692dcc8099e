// POST /api/auth/logout — ends this session server-side, clears the cookie and returns to the sign-in page.
import { signOutResponse } from "@/lib/auth/sign-out";

export async function POST(request: Request) {
  return signOutResponse(request, "this", "/login?signedOut=1");
}
