// POST /api/auth/logout — clears the session cookie and returns to the sign-in page.
import { NextResponse } from "next/server";
import { sessionCookieName, sessionCookieOptions } from "@/lib/auth/cookie";
import { supabaseServerClient } from "@/lib/auth/supabase";
import { isSupabaseAuth, serverEnv } from "@/lib/env";

export async function POST() {
  if (isSupabaseAuth()) await (await supabaseServerClient()).auth.signOut();
  const response = NextResponse.redirect(new URL("/login?signedOut=1", serverEnv().APP_URL), 303);
  response.cookies.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
  return response;
}
