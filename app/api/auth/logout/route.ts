// POST /api/auth/logout — clears the session cookie and returns to the sign-in page.
import { NextResponse } from "next/server";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/cookie";
import { serverEnv } from "@/lib/env";

export async function POST() {
  const response = NextResponse.redirect(new URL("/login?signedOut=1", serverEnv().APP_URL), 303);
  response.cookies.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
  return response;
}
