// POST /api/auth/resend-verification — a fresh confirmation link; answers the same whether or not the account exists.
import { NextResponse } from "next/server";
import { resendVerification } from "@/lib/auth/local-auth";
import { failure, jsonAuthRoute } from "@/lib/auth/route";
import { resendVerificationSchema } from "@/lib/auth/schemas";

export const POST = jsonAuthRoute(resendVerificationSchema, async ({ email }, ctx) => {
  const result = await resendVerification(ctx.conn, email, ctx);
  return result.ok ? NextResponse.json({ ok: true }) : failure(result);
});
