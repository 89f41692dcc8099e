import "server-only";
import { NextResponse } from "next/server";
import { withSession } from "@/lib/db/session";
import { isSupabaseAuth, serverEnv } from "@/lib/env";
import { sessionCookieName, sessionCookieOptions } from "./cookie";
import { getCurrentUser } from "./session";
import { endAllSessions, endSession } from "./sessions";
import { supabaseServerClient } from "./supabase";

/**
 * Ends this session or all of the user's sessions in the database first (that is what stops a copied cookie),
 * then clears the cookie. Signed-out callers get the same redirect, so the form never errors.
 */
export async function signOutResponse(scope: "this" | "everywhere", target: string): Promise<NextResponse> {
  const user = await getCurrentUser();
  if (user) {
    await withSession({ claims: user.claims }, async (tx) => {
      if (scope === "everywhere") await endAllSessions(tx);
      else await endSession(tx, user.claims.session_id);
    });
  }
  if (isSupabaseAuth()) await (await supabaseServerClient()).auth.signOut({ scope: scope === "everywhere" ? "global" : "local" });
  const response = NextResponse.redirect(new URL(target, serverEnv().APP_URL), 303);
  response.cookies.set(sessionCookieName(), "", { ...sessionCookieOptions(), maxAge: 0 });
  return response;
}
