// GET /api/auth/verify?token= — the link in the verification email; confirms the address and goes to sign-in.
import { NextResponse } from "next/server";
import { verifyEmail } from "@/lib/auth/local-auth";
import { getConnection } from "@/lib/db/client";
import { serverEnv } from "@/lib/env";

export async function GET(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const ok = token.length >= 20 && token.length <= 200 && (await verifyEmail(await getConnection(), token));
  const target = new URL(ok ? "/login?verified=1" : "/login?verifyFailed=1", serverEnv().APP_URL);
  return NextResponse.redirect(target, 303);
}
