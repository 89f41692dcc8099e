// GET /api/auth/verify?token= — the link in the verification email; confirms the address and goes to sign-in.
import { NextResponse } from "next/server";
import { authContext } from "@/lib/auth/route";

export async function GET(request: Request) {
  const ctx = await authContext(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const ok = token.length >= 20 && token.length <= 200 && (await ctx.auth.verifyEmail(token, ctx));
  return ctx.respond(NextResponse.redirect(new URL(ok ? "/login?verified=1" : "/login?verifyFailed=1", ctx.appUrl), 303));
}
