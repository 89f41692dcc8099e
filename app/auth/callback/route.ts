// GET /auth/callback?code=&next= (or ?token_hash=&type=) — a provider's email links (confirmation, recovery) land here to start a session.
import { NextResponse } from "next/server";
import { authContext, safeNext } from "@/lib/auth/route";

export async function GET(request: Request) {
  const ctx = await authContext(request);
  const next = await ctx.auth.callback(new URL(request.url).searchParams, ctx).catch((error: unknown) => {
    console.error("[auth] callback failed", error);
    return null;
  });
  return ctx.respond(NextResponse.redirect(new URL(next === null ? "/login?verifyFailed=1" : safeNext(next, "/"), ctx.appUrl), 303));
}
