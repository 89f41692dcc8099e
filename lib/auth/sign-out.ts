import "server-only";
import { NextResponse } from "next/server";
import { withSession } from "@/lib/db/session";
import { authContext } from "./route";
import { getCurrentUser } from "./session";
import { endAllSessions, endSession } from "./sessions";

/**
 * Ends this session or all of the user's sessions in the database first (that is what stops a copied cookie),
 * then lets the provider clear its cookies. Signed-out callers get the same redirect, so the form never errors.
 */
export async function signOutResponse(request: Request, scope: "this" | "everywhere", target: string): Promise<NextResponse> {
  const user = await getCurrentUser();
  if (user) {
    await withSession({ claims: user.claims }, async (tx) => {
      if (scope === "everywhere") await endAllSessions(tx);
      else await endSession(tx, user.claims.session_id);
    });
  }
  const ctx = await authContext(request);
  await ctx.auth.signOut(scope, ctx);
  return ctx.respond(NextResponse.redirect(new URL(target, ctx.appUrl), 303));
}
